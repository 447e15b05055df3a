package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.compliance.Contact;
import io.candor.compliance.gate.ContactGate;
import io.candor.portfolio.ContactTargets;
import io.candor.strategy.AccountSituation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads one partition of open accounts (an id range) with four set-based queries: the accounts with their
 * debtor, holds, signals and path; the debtors' contact points; the debtors' contact history of the last 31 days
 * (the rules' longest window, and the window of the attempt counts); the accounts' posted payments.
 */
final class PartitionReader {

    static final Duration LOOKBACK = Duration.ofDays(31);

    private final JdbcClient jdbc;
    private final Map<String, BigDecimal> toReporting;

    PartitionReader(JdbcClient jdbc, Map<String, BigDecimal> toReporting) {
        this.jdbc = jdbc;
        this.toReporting = toReporting;
    }

    /** The inputs of the range, and each debtor's history (for the pre-check, which adds today's plan to it). */
    record Slice(List<PlanningInput> inputs, Map<UUID, List<Contact>> history) {
    }

    Slice read(@Nullable UUID from, @Nullable UUID to, LocalDate date, Instant now) {
        String range = "a.status = 'OPEN' AND (CAST(:from AS uuid) IS NULL OR a.id >= :from) "
                + "AND (CAST(:to AS uuid) IS NULL OR a.id < :to)";
        Instant since = date.atStartOfDay(ZoneOffset.UTC).toInstant().minus(LOOKBACK);
        Map<UUID, List<Contact>> history = new HashMap<>();
        jdbc.sql("""
                        SELECT e.debtor_id, e.channel, e.party, e.contact_point, e.at, e.outcome, e.reserved_until
                        FROM contact_event e
                        WHERE e.debtor_id IN (SELECT a.debtor_id FROM account a WHERE %s) AND e.at > :since
                          AND (e.outcome IS NOT NULL OR e.reserved_until > :now)
                        ORDER BY e.at""".formatted(range))
                .param("from", from).param("to", to).param("since", io.candor.platform.Timestamps.utc(since))
                .param("now", io.candor.platform.Timestamps.utc(now))
                .query((rs, n) -> history.computeIfAbsent(rs.getObject("debtor_id", UUID.class), k -> new ArrayList<>())
                        .add(ContactGate.historyEntry(rs.getString("channel"), rs.getString("party"),
                                rs.getString("contact_point"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                                rs.getString("outcome"))))
                .list();
        Map<UUID, List<PlanningInput.Point>> points = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT cp.debtor_id, cp.id, cp.kind, cp.value, cp.time_zones, cp.consents, cp.opted_out
                        FROM contact_point cp
                        WHERE cp.valid AND cp.debtor_id IN (SELECT a.debtor_id FROM account a WHERE %s)
                        ORDER BY cp.debtor_id, cp.id""".formatted(range))
                .param("from", from).param("to", to)
                .query((rs, n) -> points.computeIfAbsent(rs.getObject("debtor_id", UUID.class), k -> new ArrayList<>())
                        .add(new PlanningInput.Point(rs.getString("kind"), rs.getString("value"),
                                strings(rs.getArray("time_zones")), strings(rs.getArray("consents")),
                                strings(rs.getArray("opted_out")))))
                .list();
        Map<UUID, PlanningInput.PaymentHistory> payments = new HashMap<>();
        jdbc.sql("""
                        SELECT p.account_id, count(*) FILTER (WHERE p.paid_on > :since90), max(p.paid_on)
                        FROM payment p
                        WHERE p.status = 'POSTED' AND p.paid_on <= :date
                          AND p.account_id IN (SELECT a.id FROM account a WHERE %s)
                        GROUP BY p.account_id""".formatted(range))
                .param("from", from).param("to", to).param("date", date).param("since90", date.minusDays(90))
                .query((rs, n) -> payments.put(rs.getObject(1, UUID.class), new PlanningInput.PaymentHistory(
                        rs.getInt(2), (int) ChronoUnit.DAYS.between(rs.getObject(3, LocalDate.class), date))))
                .list();
        List<PlanningInput> inputs = jdbc.sql("""
                        SELECT a.id, a.debtor_id, c.code AS creditor, a.bucket, a.product, a.currency, a.dpd,
                               a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor AS balance_minor,
                               d.language, coalesce(d.region, '') AS region, d.country,
                               ARRAY(SELECT h.hold FROM account_hold h WHERE h.tenant_id = a.tenant_id
                                     AND h.account_id = a.id AND h.lifted_at IS NULL
                                     AND (h.until IS NULL OR h.until >= :date)) AS holds,
                               ARRAY(SELECT s.signal || ':' || s.count FROM account_signal s
                                     WHERE s.tenant_id = a.tenant_id AND s.account_id = a.id) AS signals,
                               p.path, p.entered_on
                        FROM account a
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        JOIN creditor c ON c.tenant_id = a.tenant_id AND c.id = a.creditor_id
                        LEFT JOIN account_path p ON p.tenant_id = a.tenant_id AND p.account_id = a.id
                        WHERE %s ORDER BY a.id""".formatted(range))
                .param("from", from).param("to", to).param("date", date)
                .query((rs, n) -> input(rs, date, history, points, payments))
                .list();
        return new Slice(inputs, history);
    }

    private PlanningInput input(ResultSet rs, LocalDate date, Map<UUID, List<Contact>> history,
            Map<UUID, List<PlanningInput.Point>> points, Map<UUID, PlanningInput.PaymentHistory> payments)
            throws SQLException {
        UUID account = rs.getObject("id", UUID.class);
        UUID debtor = rs.getObject("debtor_id", UUID.class);
        String currency = rs.getString("currency").strip();
        BigDecimal balance = BigDecimal.valueOf(rs.getLong("balance_minor"),
                java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        Map<String, Integer> signals = new HashMap<>();
        for (String s : strings(rs.getArray("signals"))) {
            int colon = s.lastIndexOf(':');
            signals.put(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        }
        List<Contact> contacts = history.getOrDefault(debtor, List.of());
        LocalDate entered = rs.getObject("entered_on", LocalDate.class);
        String path = rs.getString("path");
        int attempts = 0;
        int withoutContact = 0;
        Instant lastReached = null;
        boolean reachedSinceEntry = false;
        Instant entry = entered == null ? null : entered.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Contact c : contacts) {
            attempts++;
            if (c.outcome() == io.candor.compliance.Outcome.RIGHT_PARTY_CONTACT && c.party() == io.candor.compliance.Party.DEBTOR) {
                lastReached = c.at();
                withoutContact = 0;
                reachedSinceEntry |= entry != null && !c.at().isBefore(entry);
            } else {
                withoutContact++;
            }
        }
        Integer daysSince = lastReached == null ? null
                : (int) ChronoUnit.DAYS.between(lastReached.atZone(ZoneOffset.UTC).toLocalDate(), date);
        AccountSituation.Arrangement arrangement = signals.containsKey("ARRANGEMENT_ACTIVE")
                ? AccountSituation.Arrangement.ACTIVE : signals.containsKey("ARRANGEMENT_BROKEN")
                ? AccountSituation.Arrangement.BROKEN : AccountSituation.Arrangement.NONE;
        String country = rs.getString("country").strip();
        String region = rs.getString("region");
        AccountSituation situation = new AccountSituation(account, rs.getString("bucket"), rs.getString("product"),
                rs.getString("language"), region, country, currency, null, arrangement, rs.getInt("dpd"), balance,
                attempts, withoutContact, daysSince, signals.getOrDefault("ARRANGEMENT_BROKEN", 0),
                signals.containsKey("NEGATIVE_EMOTION"), signals.containsKey("VULNERABLE"),
                signals.containsKey("ESCALATED"), new HashSet<>(strings(rs.getArray("holds"))),
                path == null ? null : new AccountSituation.PathState(path, entered, reachedSinceEntry));
        List<PlanningInput.Point> mine = points.getOrDefault(debtor, List.of());
        Set<ZoneId> zones = new LinkedHashSet<>();
        mine.stream().filter(p -> p.kind().equals("PHONE")).forEach(p -> p.zones().forEach(z -> zones.add(ZoneId.of(z))));
        BigDecimal rate = toReporting.get(currency);
        return new PlanningInput(situation, debtor, rs.getString("creditor"), ContactTargets.jurisdiction(country, region),
                // no rate: the balance cannot be ranked against others — it counts as nothing, and the run says so
                List.copyOf(zones), mine, rate == null ? BigDecimal.ZERO : balance.multiply(rate),
                payments.getOrDefault(account, PlanningInput.PaymentHistory.NONE));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
