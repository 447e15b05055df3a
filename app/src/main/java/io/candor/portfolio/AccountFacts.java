package io.candor.portfolio;

import java.util.UUID;

import io.candor.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What other modules know of an account, from portfolio's read model ({@link AccountReadModel}): its reference,
 * debtor, portfolio and creditor, product, status and aging, and the balance in its parts. No personal data beyond
 * the debtor's name, language, country and region.
 */
public record AccountFacts(UUID id, String reference, UUID debtor, String debtorName, boolean company,
                           String language, String country, @Nullable String region, UUID portfolio, UUID creditor, String creditorCode,
                           String creditorName, String product, String status, int dpd, String bucket,
                           Money principal, Money interest, Money fees, Money penalty) {

    /** What the debtor owes on it: principal, interest, fees and penalty. */
    public Money balance() {
        return principal.plus(interest).plus(fees).plus(penalty);
    }

    /** Whether it is still being collected. */
    public boolean open() {
        return status.equals("OPEN");
    }
}
