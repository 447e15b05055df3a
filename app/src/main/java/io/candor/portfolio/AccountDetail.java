package io.candor.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.platform.money.Money;
import org.jspecify.annotations.Nullable;

/** One account with its debtor and contact points, personal data masked by the reader's role. */
public record AccountDetail(UUID id, String creditorRef, String creditor, String portfolio, String product,
                           Balances balances, LocalDate dueDate, int dpd, String bucket, String status,
                           @Nullable String bankAccount, @Nullable String assignedAgency,
                           @Nullable UUID assignedCollector, Debtor debtor, List<ContactPoint> contactPoints,
                           List<Party> parties) {

    /** A guarantor or co-borrower of the account: a debtor in their own right (see /api/v1/debtors/{id}). */
    public record Party(UUID debtorId, String role, String name, @Nullable String nationalId) {
    }

    /** The balance by component. */
    public record Balances(Money principal, Money interest, Money fees, Money penalty, Money total) {
    }

    /** The debtor as the reader may see it: the ID and date of birth masked ({@code 1990-**-**}) unless the role may. */
    public record Debtor(UUID id, String kind, String name, @Nullable String nationalId,
                         @Nullable String birthDate, String country, @Nullable String region, String language) {
    }

    /** A way to reach the debtor; the value masked by role. */
    public record ContactPoint(UUID id, ContactPointKind kind, String value, List<String> timeZones, String source,
                               boolean verified, boolean valid, List<String> optedOut, List<String> consents) {
    }
}
