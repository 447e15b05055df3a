package io.candor.portfolio.placement;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.Failures;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.ExchangeRates;
import io.candor.portfolio.Payments;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payment files ({@code creditor_ref, amount, currency, paid_on, reference}) and exchange-rate files
 * ({@code rate_date, base, quote, rate}), row by row inside the import's transaction.
 */
final class LedgerFiles {

    /** What a ledger file did. */
    record Counts(long read, long posted, long repeated, long rejected) {
    }

    private final JdbcClient jdbc;
    private final Payments payments;
    private final ExchangeRates rates;

    LedgerFiles(JdbcClient jdbc, Payments payments, ExchangeRates rates) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.rates = rates;
    }

    Counts payments(TabularFile file, UUID creditor, String source, RejectionSpool rejections) throws IOException {
        Map<String, Integer> col = columns(file, List.of("creditor_ref", "amount", "currency", "paid_on", "reference"));
        long read = 0;
        long posted = 0;
        long repeated = 0;
        var rows = file.rows();
        while (rows.hasNext()) {
            TabularFile.Row row = rows.next();
            read++;
            List<RowValidator.Problem> problems = new ArrayList<>();
            String ref = cell(row, col, "creditor_ref", problems);
            BigDecimal amount = decimal(row, col, "amount", problems);
            String currency = cell(row, col, "currency", problems);
            LocalDate paidOn = date(row, col, "paid_on", problems);
            String reference = cell(row, col, "reference", problems);
            Optional<UUID> account = ref.isEmpty() ? Optional.empty() : jdbc.sql(
                            "SELECT id FROM account WHERE creditor_id = :creditor AND creditor_ref = :ref")
                    .param("creditor", creditor).param("ref", ref).query(UUID.class).optional();
            if (!ref.isEmpty() && account.isEmpty()) {
                problems.add(new RowValidator.Problem("creditor_ref", "no account with creditor_ref '" + ref + "'"));
            }
            if (!problems.isEmpty()) {
                rejections.reject(row, problems);
                continue;
            }
            try {
                if (payments.exists(account.get(), reference)) {
                    repeated++;
                } else {
                    // a row without problems has its amount and day (each missing one is a problem)
                    payments.post(new Payments.Request(account.get(), Objects.requireNonNull(amount), currency,
                            Objects.requireNonNull(paidOn), reference, source));
                    posted++;
                }
            } catch (BadRequestException | ConflictException | NotFoundException e) {
                rejections.reject(row, List.of(new RowValidator.Problem(null, Failures.messageOf(e))));
            }
        }
        return new Counts(read, posted, repeated, rejections.rows());
    }

    /** Exchange rates are all or nothing: one bad row refuses the file, listing every problem. */
    Counts rates(TabularFile file, String source) {
        Map<String, Integer> col = columns(file, List.of("rate_date", "base", "quote", "rate"));
        List<ExchangeRates.Rate> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        var rows = file.rows();
        long read = 0;
        while (rows.hasNext()) {
            TabularFile.Row row = rows.next();
            read++;
            List<RowValidator.Problem> p = new ArrayList<>();
            LocalDate date = date(row, col, "rate_date", p);
            String base = cell(row, col, "base", p).toUpperCase(Locale.ROOT);
            String quote = cell(row, col, "quote", p).toUpperCase(Locale.ROOT);
            BigDecimal rate = decimal(row, col, "rate", p);
            for (String code : List.of(base, quote)) {
                if (!code.isEmpty() && !code.matches("[A-Z]{3}")) {
                    p.add(new RowValidator.Problem("base/quote", "'" + code + "' is not a currency code"));
                }
            }
            if (rate != null && rate.signum() <= 0) {
                p.add(new RowValidator.Problem("rate", "must be greater than zero"));
            }
            if (p.isEmpty()) {
                valid.add(new ExchangeRates.Rate(Objects.requireNonNull(date), base, quote, Objects.requireNonNull(rate)));
            } else {
                p.forEach(x -> problems.add("line " + row.line() + " " + x.column() + ": " + x.reason()));
            }
        }
        if (!problems.isEmpty()) {
            throw new TabularFile.UnreadableFile("No rate was stored; fix these rows and send the file again: "
                    + String.join("; ", problems.subList(0, Math.min(50, problems.size())))
                    + (problems.size() > 50 ? " (and " + (problems.size() - 50) + " more)" : ""));
        }
        valid.forEach(r -> rates.put(r, source));
        return new Counts(read, valid.size(), 0, 0);
    }

    private static Map<String, Integer> columns(TabularFile file, List<String> required) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < file.header().size(); i++) {
            index.putIfAbsent(file.header().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = required.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new TabularFile.UnreadableFile("The file lacks the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + ". Its header is " + file.header() + ".");
        }
        return index;
    }

    private static String cell(TabularFile.Row row, Map<String, Integer> col, String name, List<RowValidator.Problem> p) {
        Integer i = col.get(name);
        String v = i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
        if (v.isEmpty()) {
            p.add(new RowValidator.Problem(name, "is required"));
        }
        return v;
    }

    private static @Nullable BigDecimal decimal(TabularFile.Row row, Map<String, Integer> col, String name,
            List<RowValidator.Problem> p) {
        String v = cell(row, col, name, p).replace(",", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            p.add(new RowValidator.Problem(name, "'" + v + "' is not a number"));
            return null;
        }
    }

    private static @Nullable LocalDate date(TabularFile.Row row, Map<String, Integer> col, String name,
            List<RowValidator.Problem> p) {
        String v = cell(row, col, name, p);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            p.add(new RowValidator.Problem(name, "'" + v + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }
}
