package io.candor.complaint;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.platform.web.InvalidInputException;
import io.candor.portfolio.Accounts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referrals from outside by file — a regulator's or ombudsman's list of complaints passed on (China's 12378, the
 * FOS, the CFPB portal's export), one a row: {@code referredFrom,externalRef,account,receivedAt,summary} and
 * optionally {@code aboutKind,about}. All or nothing: every row is checked first, and any bad row refuses the whole
 * file with each problem by line and column; a referral already received (the same referrer's reference) is the
 * same case, not a second one.
 */
@Service
class ReferralImport {

    /** One row's problem: its line in the file (the header is line 1), the column, and what to fix. */
    record Problem(long line, String column, String problem) {
    }

    /** A file taken: how many rows, how many new cases, how many were already known. */
    record Result(int rows, int received, int alreadyKnown, List<UUID> cases) {
        Result {
            cases = List.copyOf(cases);
        }
    }

    static final List<String> REQUIRED = List.of("referredFrom", "externalRef", "account", "receivedAt", "summary");
    private static final Set<String> ALL = Set.of("referredFrom", "externalRef", "account", "receivedAt", "summary",
            "aboutKind", "about");

    private final Complaints complaints;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    ReferralImport(Complaints complaints, Accounts accounts, TransactionTemplate tx, java.time.Clock clock) {
        this.clock = clock;
        this.complaints = complaints;
        this.accounts = accounts;
        this.tx = tx;
    }

    /** Takes a file of referrals; a file with any bad row writes nothing and lists every problem. */
    Result take(Reader csv, String by) {
        List<Problem> problems = new ArrayList<>();
        List<NewComplaint> rows = new ArrayList<>();
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(csv)) {
            List<String> header = p.getHeaderNames();
            for (String h : header) {
                if (!ALL.contains(h)) {
                    problems.add(new Problem(1, h, "unknown column: the columns are " + REQUIRED
                            + " and optionally aboutKind, about"));
                }
            }
            for (String r : REQUIRED) {
                if (!header.contains(r)) {
                    problems.add(new Problem(1, r, "the column is missing"));
                }
            }
            if (!problems.isEmpty()) {
                throw refused(problems);
            }
            Map<String, Long> seen = new LinkedHashMap<>();
            for (CSVRecord r : p) {
                long line = r.getRecordNumber() + 1; // the header is line 1
                NewComplaint c = row(r, line, problems);
                if (c != null) {
                    String key = c.referredFrom() + "\u0000" + c.externalRef();
                    Long first = seen.putIfAbsent(key, line);
                    if (first != null) {
                        problems.add(new Problem(line, "externalRef", "the same referral as line " + first));
                    } else {
                        rows.add(c);
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw refused(List.of(new Problem(0, "", "the file cannot be read as CSV: " + e.getMessage())));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(2, "", "the file has no referrals"));
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        Result result = tx.execute(s -> {
            List<UUID> ids = new ArrayList<>();
            int known = 0;
            for (NewComplaint c : rows) {
                if (complaints.referral(java.util.Objects.requireNonNull(c.referredFrom()),
                        java.util.Objects.requireNonNull(c.externalRef())).isPresent()) {
                    known++;
                }
                ids.add(complaints.receive(c, by));
            }
            return new Result(rows.size(), rows.size() - known, known, ids);
        });
        return java.util.Objects.requireNonNull(result);
    }

    private @Nullable NewComplaint row(CSVRecord r, long line, List<Problem> problems) {
        int before = problems.size();
        String from = value(r, "referredFrom", line, problems);
        String ref = value(r, "externalRef", line, problems);
        String summary = value(r, "summary", line, problems);
        if (summary != null && summary.length() > 4000) {
            problems.add(new Problem(line, "summary", "longer than 4,000 characters"));
        }
        String account = value(r, "account", line, problems);
        UUID id = null;
        if (account != null) {
            id = accounts.idByReference(account).orElse(null);
            if (id == null) {
                problems.add(new Problem(line, "account", "no account '" + account + "' (its reference or id) in "
                        + "this tenant"));
            }
        }
        Instant received = null;
        String at = value(r, "receivedAt", line, problems);
        if (at != null) {
            try {
                received = OffsetDateTime.parse(at).toInstant();
                if (received.isAfter(clock.instant())) {
                    problems.add(new Problem(line, "receivedAt", "'" + at + "' is in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem(line, "receivedAt", "'" + at + "' is not a date and time with its offset, "
                        + "e.g. 2026-03-02T10:15:00+08:00"));
            }
        }
        AboutKind kind = AboutKind.UNKNOWN;
        String k = optional(r, "aboutKind");
        if (!k.isBlank()) {
            try {
                kind = AboutKind.valueOf(k.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, "aboutKind", "'" + k + "' is not one of "
                        + java.util.Arrays.toString(AboutKind.values())));
            }
        }
        String about = optional(r, "about").isBlank() ? null : optional(r, "about");
        if (problems.size() > before || id == null || received == null || from == null || ref == null
                || summary == null) {
            return null;
        }
        return new NewComplaint(id, Intake.REFERRAL, summary, received, kind, about, from, ref);
    }

    /** An optional column's value: empty when the column is absent or the row ends before it. */
    private static String optional(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    private static @Nullable String value(CSVRecord r, String column, long line, List<Problem> problems) {
        String v = r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
        if (v.isBlank()) {
            problems.add(new Problem(line, column, "empty: every referral needs it"));
            return null;
        }
        return v;
    }

    private static InvalidInputException refused(List<Problem> problems) {
        return new InvalidInputException("The referral file was not taken: " + problems.size()
                + " problem(s); nothing was written. Fix each and send the whole file again.", problems);
    }
}
