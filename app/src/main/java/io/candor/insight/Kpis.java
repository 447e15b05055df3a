package io.candor.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.candor.compliance.Channel;
import io.candor.platform.money.Money;
import io.candor.strategy.Strategy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The key figures over the accounts a filter selects (creditor, portfolio, the agency they are placed with, team) and a period of business days.
 * Definitions (docs/dashboards.md): contact rate = contacts that reached someone ÷ contact attempts the gate allowed;
 * RPC rate = right-party contacts ÷ call attempts; PTP rate = promises and plans made ÷ right-party contacts; kept
 * rate = arrangements kept ÷ those that ended kept or broken; AI automation = agent conversations not handed to a
 * person ÷ all; complaints per 10,000 contact attempts; cost per unit collected = contact cost (per channel, the
 * strategy defaults) ÷ amount collected in the tenant's reporting currency.
 */
@Service
class Kpis {

    /** Which accounts and days: null filters select everything. */
    public record Filter(@Nullable String creditor, @Nullable String portfolio, @Nullable String agency,
                         @Nullable String team, LocalDate from, LocalDate to) {
    }

    /** The period's counts and rates. */
    public record Rates(long attempts, long reached, long callAttempts, long rightParty, long promises, long kept,
                        long broken, long aiConversations, long aiAutomated, long complaints, BigDecimal collected,
                        BigDecimal cost, Map<String, BigDecimal> rates) {
    }

    /** One vintage's cumulative recovery (percent of the placed balance) by month since placement. */
    public record Curve(String vintage, List<BigDecimal> percent) {
    }

    /** Transitions between buckets in the period. */
    public record Roll(String from, String to, long accounts, BigDecimal share) {
    }

    /**
     * Complaints in the period attributed to one cause, collector, agency, template or strategy variant (by the
     * cases' root causes; a repeat of a grievance is not counted), against the contacts that one made (null where
     * there is no such count), per 10,000.
     */
    public record ComplaintRate(String dimension, String key, long complaints, @Nullable Long contacts,
                                @Nullable BigDecimal per10k) {
    }

    /** One collector's period. */
    public record Productivity(String collector, long contacts, long rightParty, long promises, BigDecimal collected) {
    }

    private static final String ACCOUNTS = """
            WITH acc AS (
              SELECT a.id, a.currency, p.placed_on FROM account a
              JOIN portfolio p ON p.tenant_id = a.tenant_id AND p.id = a.portfolio_id
              JOIN creditor c ON c.tenant_id = p.tenant_id AND c.id = p.creditor_id
              LEFT JOIN account_assignment s ON s.tenant_id = a.tenant_id AND s.account_id = a.id
              WHERE (CAST(:creditor AS text) IS NULL OR c.code = :creditor)
                AND (CAST(:portfolio AS text) IS NULL OR p.code = :portfolio)
                AND (CAST(:agency AS text) IS NULL OR a.assigned_agency = :agency)
                AND (CAST(:team AS text) IS NULL OR s.team = :team))
            """;

    private final JdbcClient jdbc;

    Kpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter's accounts ({@code acc}) and bounds bound; {@code currency} where the figures are money. */
    private JdbcClient.StatementSpec sql(String body, Filter f, ZoneId zone, @Nullable String currency) {
        return jdbc.sql(ACCOUNTS + body).param("creditor", f.creditor()).param("portfolio", f.portfolio()).param("agency", f.agency())
                .param("team", f.team()).param("from", start(f.from(), zone)).param("to", start(f.to().plusDays(1), zone))
                .param("fromDay", f.from()).param("toDay", f.to()).param("currency", currency);
    }

    private static OffsetDateTime start(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toOffsetDateTime();
    }

    /** Complaints per 10,000 contacts by cause, collector, agency, template and variant; the worst first. */
    public List<ComplaintRate> complaintRates(Filter f, ZoneId zone) {
        return sql("""
                , cases AS (
                  SELECT c.* FROM complaint_case c JOIN acc ON acc.id = c.account_id
                  WHERE c.duplicate_of IS NULL AND c.received_at >= :from AND c.received_at < :to),
                contacts AS (
                  SELECT e.id, e.account_id, d.decided_by FROM contact_event e JOIN acc ON acc.id = e.account_id
                  JOIN contact_decision d ON d.tenant_id = e.tenant_id AND d.id = e.decision_id
                  WHERE e.at >= :from AND e.at < :to)
                SELECT 'CAUSE' AS dimension, coalesce(root_cause, 'UNCLASSIFIED') AS key, count(*) AS complaints,
                       (SELECT count(*) FROM contacts) AS contacts
                  FROM cases GROUP BY 2
                UNION ALL
                SELECT 'COLLECTOR', caused_by, count(*),
                       (SELECT count(*) FROM contacts x WHERE x.decided_by = cases.caused_by)
                  FROM cases WHERE caused_by_kind = 'COLLECTOR' GROUP BY caused_by
                UNION ALL
                SELECT 'AGENCY', caused_by, count(*),
                       (SELECT count(*) FROM contacts x JOIN account a ON a.id = x.account_id
                         WHERE a.assigned_agency = cases.caused_by)
                  FROM cases WHERE caused_by_kind = 'AGENCY' GROUP BY caused_by
                UNION ALL
                SELECT 'TEMPLATE', template, count(*),
                       (SELECT count(*) FROM outbound_message m JOIN acc ON acc.id = m.account_id
                         WHERE m.template_code = split_part(cases.template, ':', 1)
                           AND m.created_at >= :from AND m.created_at < :to)
                  FROM cases WHERE template IS NOT NULL GROUP BY template
                UNION ALL
                SELECT 'VARIANT', strategy_variant, count(*),
                       (SELECT count(*) FROM contacts x WHERE EXISTS (SELECT 1 FROM strategy_assignment s
                         WHERE s.account_id = x.account_id AND s.variant = cases.strategy_variant))
                  FROM cases WHERE strategy_variant IS NOT NULL GROUP BY strategy_variant""",
                f, zone, null).query((rs, n) -> {
                    long complaints = rs.getLong(3);
                    long contacts = rs.getLong(4);
                    Long c = rs.wasNull() ? null : contacts;
                    BigDecimal per10k = c == null || c == 0 ? null : BigDecimal.valueOf(complaints * 10_000L)
                            .divide(BigDecimal.valueOf(c), 1, RoundingMode.HALF_UP);
                    return new ComplaintRate(rs.getString(1), rs.getString(2), complaints, c, per10k);
                }).list().stream()
                .sorted(java.util.Comparator.comparing(ComplaintRate::dimension)
                        .thenComparing(r -> r.per10k() == null ? BigDecimal.ZERO : r.per10k(),
                                java.util.Comparator.reverseOrder()))
                .toList();
    }

    public Rates rates(Filter f, ZoneId zone, String currency) {
        Map<String, Object> r = sql("""
                SELECT
                  (SELECT count(*) FROM contact_event e JOIN acc ON acc.id = e.account_id
                    WHERE e.at >= :from AND e.at < :to) AS attempts,
                  (SELECT count(*) FROM contact_event e JOIN acc ON acc.id = e.account_id
                    WHERE e.at >= :from AND e.at < :to
                      AND e.outcome IN ('RIGHT_PARTY_CONTACT', 'THIRD_PARTY_CONTACT', 'WRONG_PARTY', 'DELIVERED')) AS reached,
                  (SELECT count(*) FROM contact_event e JOIN acc ON acc.id = e.account_id
                    WHERE e.at >= :from AND e.at < :to AND e.channel IN ('VOICE_HUMAN', 'VOICE_AI')) AS calls,
                  (SELECT count(*) FROM contact_event e JOIN acc ON acc.id = e.account_id
                    WHERE e.at >= :from AND e.at < :to AND e.outcome = 'RIGHT_PARTY_CONTACT') AS rpc,
                  (SELECT count(*) FROM arrangement r JOIN acc ON acc.id = r.account_id
                    WHERE r.created_on BETWEEN :fromDay AND :toDay AND r.kind IN ('PROMISE', 'PLAN', 'SETTLEMENT')) AS ptp,
                  (SELECT count(*) FROM arrangement r JOIN acc ON acc.id = r.account_id
                    WHERE r.ended_on BETWEEN :fromDay AND :toDay AND r.status = 'KEPT') AS kept,
                  (SELECT count(*) FROM arrangement r JOIN acc ON acc.id = r.account_id
                    WHERE r.ended_on BETWEEN :fromDay AND :toDay AND r.status IN ('BROKEN', 'PARTIALLY_KEPT')) AS broken,
                  (SELECT count(*) FROM agent_conversation c JOIN acc ON acc.id = c.account_id
                    WHERE c.started_at >= :from AND c.started_at < :to) AS ai,
                  (SELECT count(*) FROM agent_conversation c JOIN acc ON acc.id = c.account_id
                    WHERE c.started_at >= :from AND c.started_at < :to AND c.state <> 'HANDED_OVER') AS ai_auto,
                  (SELECT count(*) FROM complaint_case c JOIN acc ON acc.id = c.account_id
                    WHERE c.duplicate_of IS NULL AND c.received_at >= :from AND c.received_at < :to) AS complaints,
                  (SELECT coalesce(sum(p.applied_minor), 0) FROM payment p JOIN acc ON acc.id = p.account_id
                    WHERE p.status = 'POSTED' AND p.paid_on BETWEEN :fromDay AND :toDay AND acc.currency = :currency)
                    AS collected_minor""", f, zone, currency).query().singleRow();
        long attempts = n(r, "attempts");
        long reached = n(r, "reached");
        long calls = n(r, "calls");
        long rpc = n(r, "rpc");
        long ptp = n(r, "ptp");
        long kept = n(r, "kept");
        long broken = n(r, "broken");
        long ai = n(r, "ai");
        long aiAuto = n(r, "ai_auto");
        long complaints = n(r, "complaints");
        BigDecimal collected = Money.ofMinor(n(r, "collected_minor"), currency).amount();
        BigDecimal cost = cost(f, zone, currency);
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put("contactRate", pct(reached, attempts));
        rates.put("rpcRate", pct(rpc, calls));
        rates.put("ptpRate", pct(ptp, rpc));
        rates.put("keptRate", pct(kept, kept + broken));
        rates.put("aiAutomationRate", pct(aiAuto, ai));
        rates.put("complaintsPer10k", attempts == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(complaints * 10_000L).divide(BigDecimal.valueOf(attempts), 1, RoundingMode.HALF_UP));
        rates.put("costPerUnitCollected", collected.signum() == 0 ? BigDecimal.ZERO
                : cost.divide(collected, 4, RoundingMode.HALF_UP));
        return new Rates(attempts, reached, calls, rpc, ptp, kept, broken, ai, aiAuto, complaints, collected, cost, rates);
    }

    private BigDecimal cost(Filter f, ZoneId zone, String currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> row : sql("""
                SELECT e.channel, count(*) AS n FROM contact_event e JOIN acc ON acc.id = e.account_id
                WHERE e.at >= :from AND e.at < :to GROUP BY e.channel""", f, zone, currency).query().listOfRows()) {
            BigDecimal each = Strategy.DEFAULT_COSTS.getOrDefault(Channel.valueOf((String) Objects.requireNonNull(row.get("channel"))),
                    BigDecimal.ZERO);
            total = total.add(each.multiply(BigDecimal.valueOf(n(row, "n"))));
        }
        return total;
    }

    /** Cumulative recovery by vintage (month placed), for up to 12 months after placement. */
    public List<Curve> recovery(Filter f, ZoneId zone, String currency) {
        Map<String, long[]> byVintage = new TreeMap<>();
        Map<String, Long> placed = new TreeMap<>();
        sql("""
                , paid AS (SELECT account_id, sum(applied_minor) AS n FROM payment WHERE status = 'POSTED'
                           GROUP BY 1),
                  waived AS (SELECT account_id, sum(principal_minor + interest_minor + fees_minor + penalty_minor) AS n
                             FROM balance_adjustment GROUP BY 1)
                SELECT to_char(acc.placed_on, 'YYYY-MM') AS vintage,
                       sum(a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor
                           + coalesce(paid.n, 0) + coalesce(waived.n, 0)) AS placed
                FROM acc JOIN account a ON a.id = acc.id LEFT JOIN paid ON paid.account_id = a.id
                LEFT JOIN waived ON waived.account_id = a.id WHERE acc.currency = :currency GROUP BY 1""", f, zone, currency)
                .query((rs, n) -> placed.put(rs.getString(1), rs.getLong(2))).list();
        sql("""
                SELECT to_char(acc.placed_on, 'YYYY-MM') AS vintage,
                       least(11, greatest(0, (extract(year FROM age(p.paid_on, acc.placed_on)) * 12
                                              + extract(month FROM age(p.paid_on, acc.placed_on)))::int)) AS m,
                       sum(p.applied_minor) AS paid
                FROM payment p JOIN acc ON acc.id = p.account_id
                WHERE p.status = 'POSTED' AND acc.currency = :currency AND p.paid_on <= :toDay GROUP BY 1, 2""",
                f, zone, currency)
                .query((rs, n) -> byVintage.computeIfAbsent(rs.getString(1), k -> new long[12])[rs.getInt(2)]
                        += rs.getLong(3))
                .list();
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<String, Long> v : placed.entrySet()) {
            long[] paid = byVintage.getOrDefault(v.getKey(), new long[12]);
            List<BigDecimal> pct = new ArrayList<>();
            long cumulative = 0;
            for (long p : paid) {
                cumulative += p;
                pct.add(pct(cumulative, v.getValue()));
            }
            curves.add(new Curve(v.getKey(), pct));
        }
        return curves;
    }

    /** Bucket transitions recorded in the period, with each one's share of the moves out of its bucket. */
    public List<Roll> rolls(Filter f, ZoneId zone) {
        return sql("""
                SELECT h.from_bucket, h.to_bucket, count(*) AS n,
                       sum(count(*)) OVER (PARTITION BY h.from_bucket) AS out_of
                FROM account_bucket_history h JOIN acc ON acc.id = h.account_id
                WHERE h.from_bucket IS NOT NULL AND h.business_date BETWEEN :fromDay AND :toDay
                GROUP BY 1, 2 ORDER BY 1, 2""", f, zone, null)
                .query((rs, n) -> new Roll(rs.getString(1), rs.getString(2), rs.getLong(3),
                        pct(rs.getLong(3), rs.getLong(4))))
                .list();
    }

    public List<Productivity> productivity(Filter f, ZoneId zone, String currency) {
        return sql("""
                , c AS (SELECT c.decided_by, count(*) AS n FROM contact_decision c JOIN acc ON acc.id = c.account_id
                        WHERE c.decision = 'ALLOW' AND c.decided_at >= :from AND c.decided_at < :to GROUP BY 1),
                  d AS (SELECT d.recorded_by, count(*) FILTER (WHERE e.outcome = 'RIGHT_PARTY_CONTACT') AS rpc,
                               count(*) FILTER (WHERE d.code IN ('PROMISE', 'PLAN')) AS ptp
                        FROM contact_disposition d JOIN acc ON acc.id = d.account_id
                        JOIN contact_event e ON e.tenant_id = d.tenant_id AND e.id = d.contact_event_id
                        WHERE d.recorded_at >= :from AND d.recorded_at < :to GROUP BY 1),
                  p AS (SELECT s.collector_id, sum(p.applied_minor) AS n FROM payment p JOIN acc ON acc.id = p.account_id
                        JOIN account_assignment s ON s.tenant_id = p.tenant_id AND s.account_id = p.account_id
                        WHERE p.status = 'POSTED' AND acc.currency = :currency AND p.paid_on BETWEEN :fromDay AND :toDay
                        GROUP BY 1)
                SELECT u.username, coalesce(c.n, 0), coalesce(d.rpc, 0), coalesce(d.ptp, 0), coalesce(p.n, 0)
                FROM app_user u LEFT JOIN c ON c.decided_by = u.username LEFT JOIN d ON d.recorded_by = u.username
                LEFT JOIN p ON p.collector_id = u.id
                WHERE u.enabled AND u.roles && ARRAY['COLLECTOR', 'AGENCY_USER']
                ORDER BY u.username""", f, zone, currency)
                .query((rs, n) -> new Productivity(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        Money.ofMinor(rs.getLong(5), currency).amount()))
                .list();
    }

    /** The filter's choices: creditors, portfolios and teams. */
    public Map<String, List<String>> choices() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("creditors", jdbc.sql("SELECT code FROM creditor ORDER BY code").query(String.class).list());
        c.put("portfolios", jdbc.sql("SELECT code FROM portfolio ORDER BY code").query(String.class).list());
        c.put("agencies", jdbc.sql("SELECT DISTINCT assigned_agency FROM account WHERE assigned_agency IS NOT NULL ORDER BY 1")
                .query(String.class).list());
        c.put("teams", jdbc.sql("SELECT code FROM collector_team ORDER BY code").query(String.class).list());
        return c;
    }

    private static long n(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static BigDecimal pct(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
