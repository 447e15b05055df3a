package io.candor.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.jspecify.annotations.Nullable;

/**
 * Placement data in the canonical columns (docs/placement-format.md), for programs that make placement files
 * (the demo, tests, benchmarks) with {@link PlacementCsv}. Amounts are in major units of the row's currency.
 */
public final class Placement {

    private Placement() {
    }

    /** Products Candor collects on. */
    public enum Product {
        CREDIT_CARD, CONSUMER_LOAN, ECOMMERCE_INSTALMENT, SME_LOAN, BNPL
    }

    /** One account of the placement with its debtor. */
    public record Row(String creditorRef, Product product, String debtorName, boolean company,
                      @Nullable String nationalId, @Nullable LocalDate birthDate, @Nullable String phone,
                      @Nullable String email, @Nullable String address, @Nullable String region, String country,
                      String language, Currency currency, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                      BigDecimal penalty, LocalDate dueDate, int dpd, @Nullable String bankAccount) {
    }
}
