package io.candor.portfolio;

import java.time.LocalDate;
import java.util.UUID;

import io.candor.platform.money.Money;

/** An account in a list. */
record AccountSummary(UUID id, String creditorRef, String portfolio, String product, String debtorName,
                             Money balance, LocalDate dueDate, int dpd, String bucket, String status) {
}
