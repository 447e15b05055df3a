package io.candor.portfolio.placement;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A valid row, ready for the staging table: personal identifiers already sealed, money in minor units. */
record StagedRow(long line, String raw, String creditorRef, String product, String debtorKind, String debtorName,
                 byte @Nullable [] nationalIdSealed, byte @Nullable [] nationalIdHash, @Nullable String nationalIdHint,
                 @Nullable LocalDate birthDate, @Nullable String phone, @Nullable String phoneZones,
                 @Nullable String email, @Nullable String address, @Nullable String region, String country,
                 String language, String currency, long principal, long interest, long fees, long penalty,
                 LocalDate dueDate, int dpd, byte @Nullable [] bankSealed, @Nullable String bankLast4,
                 UUID debtorId, UUID accountId, @Nullable Guarantor guarantor) {

    /** A guarantor named on the row: a party of the account, and a debtor in their own right. */
    record Guarantor(String name, byte @Nullable [] nationalIdSealed, byte @Nullable [] nationalIdHash,
                     @Nullable String nationalIdHint, @Nullable String phone, @Nullable String phoneZones, UUID debtorId) {
    }
}
