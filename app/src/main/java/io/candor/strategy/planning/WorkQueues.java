package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collector teams and the day's work queues. An account due a human contact stays with its collector unless
 * nobody touched it for the strategy's recycling period; otherwise it goes to the first team (by rank) whose skills
 * — languages, buckets, products; an empty list takes any — fit it, to the member with the fewest accounts.
 */
@Service
public class WorkQueues {

    /** A team and who is in it (by username). */
    public record Team(String code, String name, List<String> languages, List<String> buckets, List<String> products,
                       int rank, List<String> members) {
    }

    /** One item of a queue. */
    public record Item(UUID account, String creditorRef, String bucket, String product, String currency,
                       long balanceMinor, int priority, BigDecimal expectedValue, String kind, String reason,
                       @Nullable String team, @Nullable String collector) {
    }

    /** Gives an account to a collector (tenant, account, collector, team, date, by), replacing any owner. */
    private static final String ASSIGN = """
            INSERT INTO account_assignment (tenant_id, account_id, collector_id, team, assigned_on, assigned_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, account_id) DO UPDATE SET collector_id = excluded.collector_id,
                team = excluded.team, assigned_on = excluded.assigned_on, assigned_by = excluded.assigned_by""";

    private record Candidate(UUID account, String language, String bucket, String product, BigDecimal value) {
    }

    private record Member(UUID id, String team) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Tenants tenants;
    private final AuditTrail audit;

    private final io.candor.portfolio.ExchangeRates exchangeRates;

    WorkQueues(JdbcClient jdbc, JdbcTemplate batch, Tenants tenants, AuditTrail audit,
            io.candor.portfolio.ExchangeRates exchangeRates) {
        this.exchangeRates = exchangeRates;
        this.jdbc = jdbc;
        this.batch = batch;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The rate of each currency quoted against the tenant's reporting currency on {@code date}. */
    Map<String, BigDecimal> ratesToReporting(LocalDate date) {
        return exchangeRates.ratesInto(reporting(), date);
    }

    /** The same rates, and the open accounts' currencies that lack one (once per run: it counts the accounts). */
    io.candor.portfolio.ExchangeRates.Conversion conversion(LocalDate date) {
        return exchangeRates.toCurrency(reporting(), date);
    }

    private String reporting() {
        return tenants.find(TenantContext.require()).orElseThrow().reportingCurrency().getCurrencyCode();
    }

    /** Accounts with an open complaint go to the supervisors' queue. */
    void supervise(UUID run, LocalDate date, List<PartitionPlan.SupervisorItem> items) {
        UUID tenant = TenantContext.require();
        batch.batchUpdate("""
                        INSERT INTO work_item (tenant_id, business_date, account_id, run_id, kind, priority,
                                               expected_value, reason)
                        VALUES (?, ?, ?, ?, 'SUPERVISOR', 0, ?, ?) ON CONFLICT DO NOTHING""",
                items.stream().map(i -> new Object[] {tenant, date, i.account(), run, i.expectedValue(), i.reason()})
                        .toList());
    }

    /** The day's collector queues from the planned human contacts, highest expected value first. */
    int fill(UUID run, LocalDate date, int recycleAfterDays) {
        UUID tenant = TenantContext.require();
        List<Candidate> candidates = jdbc.sql("""
                        SELECT pa.account_id, d.language, a.bucket, a.product, max(pa.expected_value) AS value
                        FROM plan_action pa
                        JOIN account a ON a.tenant_id = pa.tenant_id AND a.id = pa.account_id
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        WHERE pa.business_date = :date AND pa.status = 'PLANNED'
                          AND pa.channel IN ('VOICE_HUMAN', 'FIELD_VISIT')
                        GROUP BY pa.account_id, d.language, a.bucket, a.product
                        ORDER BY value DESC, pa.account_id""")
                .param("date", date)
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5)))
                .list();
        List<Team> teams = teams();
        Map<String, List<UUID>> members = new HashMap<>();
        Map<UUID, Integer> load = new HashMap<>();
        jdbc.sql("""
                        SELECT m.team, m.user_id, (SELECT count(*) FROM account_assignment x
                                                   WHERE x.tenant_id = m.tenant_id AND x.collector_id = m.user_id)
                        FROM collector_team_member m JOIN app_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id
                        WHERE u.enabled ORDER BY m.team, m.user_id""")
                .query((rs, n) -> {
                    UUID user = rs.getObject(2, UUID.class);
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(user);
                    load.put(user, rs.getInt(3));
                    return 0;
                })
                .list();
        // current owners, and whether they touched the account within the recycling period
        Map<UUID, Member> owners = new HashMap<>();
        Map<UUID, Boolean> fresh = new HashMap<>();
        jdbc.sql("""
                        SELECT aa.account_id, aa.collector_id, aa.team,
                               aa.assigned_on > :since OR EXISTS (
                                   SELECT 1 FROM contact_decision cd JOIN app_user u
                                     ON u.tenant_id = cd.tenant_id AND u.username = cd.decided_by
                                   WHERE cd.tenant_id = aa.tenant_id AND cd.account_id = aa.account_id
                                     AND u.id = aa.collector_id AND cd.decided_at > :sinceTime)
                        FROM account_assignment aa
                        WHERE aa.account_id IN (SELECT pa.account_id FROM plan_action pa WHERE pa.business_date = :date
                                                AND pa.status = 'PLANNED' AND pa.channel IN ('VOICE_HUMAN', 'FIELD_VISIT'))""")
                .param("since", date.minusDays(recycleAfterDays)).param("date", date)
                .param("sinceTime", io.candor.platform.Timestamps.utc(date.minusDays(recycleAfterDays)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> {
                    UUID account = rs.getObject(1, UUID.class);
                    owners.put(account, new Member(rs.getObject(2, UUID.class), rs.getString(3)));
                    fresh.put(account, rs.getBoolean(4));
                    return 0;
                })
                .list();
        List<Object[]> items = new ArrayList<>();
        List<Object[]> assignments = new ArrayList<>();
        int priority = 0;
        for (Candidate c : candidates) {
            priority++;
            Member owner = owners.get(c.account());
            boolean keep = owner != null && Boolean.TRUE.equals(fresh.get(c.account()))
                    && members.getOrDefault(owner.team(), List.of()).contains(owner.id());
            Member chosen = keep ? owner : choose(c, teams, members, load, owner);
            if (chosen != null && !keep) {
                load.merge(chosen.id(), 1, Integer::sum);
                if (owner != null) {
                    load.merge(owner.id(), -1, Integer::sum);
                }
                assignments.add(new Object[] {tenant, c.account(), chosen.id(), chosen.team(), date,
                        owner == null ? "planner" : "planner: recycled"});
            }
            items.add(new Object[] {tenant, date, c.account(), run, chosen == null ? null : chosen.team(),
                    chosen == null ? null : chosen.id(), priority, c.value(),
                    chosen == null ? "NO_TEAM_FITS" : keep ? "ASSIGNED" : owner == null ? "NEW" : "RECYCLED"});
        }
        batch.batchUpdate(ASSIGN, assignments);
        batch.batchUpdate("""
                INSERT INTO work_item (tenant_id, business_date, account_id, run_id, kind, team, collector_id, priority,
                                       expected_value, reason)
                VALUES (?, ?, ?, ?, 'COLLECT', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", items);
        return items.size();
    }

    private static @Nullable Member choose(Candidate c, List<Team> teams, Map<String, List<UUID>> members,
            Map<UUID, Integer> load, @Nullable Member previous) {
        for (Team t : teams) {
            List<UUID> people = members.getOrDefault(t.code(), List.of());
            if (people.isEmpty() || !fits(t.languages(), c.language()) || !fits(t.buckets(), c.bucket())
                    || !fits(t.products(), c.product())) {
                continue;
            }
            // recycling gives the account to someone else when the team has anyone else
            List<UUID> others = people.stream().filter(p -> previous == null || !p.equals(previous.id())
                    || people.size() == 1).toList();
            UUID least = others.stream().min(Comparator.comparingInt((UUID p) -> load.getOrDefault(p, 0))
                    .thenComparing(Comparator.naturalOrder())).orElseThrow();
            return new Member(least, t.code());
        }
        return null;
    }

    private static boolean fits(List<String> skills, String value) {
        return skills.isEmpty() || skills.contains(value);
    }

    /** A collector's queue for a date, highest priority first. */
    public List<Item> queue(@Nullable UUID collector, String kind, LocalDate date) {
        return queue(collector, kind, date, 1000);
    }

    /** The first {@code limit} items of a queue. */
    public List<Item> queue(@Nullable UUID collector, String kind, LocalDate date, int limit) {
        return jdbc.sql("""
                        SELECT w.account_id, a.creditor_ref, a.bucket, a.product, a.currency,
                               a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor, w.priority,
                               w.expected_value, w.kind, w.reason, w.team, u.username
                        FROM work_item w JOIN account a ON a.tenant_id = w.tenant_id AND a.id = w.account_id
                        LEFT JOIN app_user u ON u.tenant_id = w.tenant_id AND u.id = w.collector_id
                        WHERE w.business_date = :date AND w.kind = :kind
                          AND (CAST(:collector AS uuid) IS NULL OR w.collector_id = :collector)
                        ORDER BY w.priority, w.account_id LIMIT :limit""")
                .param("date", date).param("kind", kind).param("collector", collector).param("limit", limit)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5).strip(), rs.getLong(6), rs.getInt(7), rs.getBigDecimal(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)))
                .list();
    }

    /** How many items a queue holds on a date; {@code unassigned}: only those nobody has. */
    public long count(String kind, LocalDate date, boolean unassigned) {
        return jdbc.sql("""
                        SELECT count(*) FROM work_item WHERE business_date = :date AND kind = :kind
                          AND (NOT :unassigned OR collector_id IS NULL)""")
                .param("date", date).param("kind", kind).param("unassigned", unassigned).query(Long.class).single();
    }

    /** The collector's next account after {@code account} in the day's queue, if any. */
    public java.util.Optional<UUID> next(UUID collector, LocalDate date, UUID account) {
        return jdbc.sql("""
                        SELECT w.account_id FROM work_item w, work_item me
                        WHERE me.business_date = :date AND me.account_id = :account
                          AND w.business_date = :date AND w.kind = 'COLLECT' AND w.collector_id = :collector
                          AND (w.priority, w.account_id) > (me.priority, me.account_id)
                        ORDER BY w.priority, w.account_id LIMIT 1""")
                .param("date", date).param("account", account).param("collector", collector).query(UUID.class)
                .optional();
    }

    /** A supervisor gives an account to a collector of a team; today's queue item follows. */
    @Transactional
    public void reassign(UUID account, String username, LocalDate date, String by) {
        record Who(UUID id, String team) {
        }
        Who who = jdbc.sql("""
                        SELECT u.id, m.team FROM app_user u JOIN collector_team_member m
                          ON m.tenant_id = u.tenant_id AND m.user_id = u.id
                        WHERE u.username = :username AND u.enabled ORDER BY m.team LIMIT 1""")
                .param("username", username).query((rs, n) -> new Who(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional().orElseThrow(() -> new BadRequestException("'" + username
                        + "' is not an active member of any collector team; add them with PUT /api/v1/teams/{code}."));
        if (jdbc.sql("SELECT count(*) FROM account WHERE id = :id").param("id", account).query(Long.class).single() == 0) {
            throw new NotFoundException("account", account);
        }
        batch.update(ASSIGN, TenantContext.require(), account, who.id(), who.team(), date, by);
        jdbc.sql("""
                        UPDATE work_item SET collector_id = :collector, team = :team, reason = 'REASSIGNED'
                        WHERE account_id = :account AND business_date = :date AND kind = 'COLLECT'""")
                .param("collector", who.id()).param("team", who.team()).param("account", account).param("date", date)
                .update();
        audit.record(AuditEntry.of("ACCOUNT_REASSIGNED", "account", account).withDetail(Map.of("collector", username,
                "team", who.team())));
    }

    public List<Team> teams() {
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT m.team, u.username FROM collector_team_member m
                        JOIN app_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id ORDER BY m.team, u.username""")
                .query((rs, n) -> members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("SELECT code, name, languages, buckets, products, rank FROM collector_team ORDER BY rank, code")
                .query((rs, n) -> new Team(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()), List.of((String[]) rs.getArray(4).getArray()),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getInt(6),
                        members.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    /** Creates or replaces a team and its members. */
    @Transactional
    public Team putTeam(String code, Team t, String by) {
        if (!io.candor.platform.Codes.valid(code)) {
            throw new BadRequestException("A team code is " + io.candor.platform.Codes.RULE + ", e.g. m2-mandarin.");
        }
        UUID tenant = TenantContext.require();
        List<UUID> ids = new ArrayList<>();
        for (String username : t.members()) {
            Optional<UUID> id = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username)
                    .query(UUID.class).optional();
            ids.add(id.orElseThrow(() -> new BadRequestException("There is no user '" + username + "' in this tenant.")));
        }
        jdbc.sql("""
                        INSERT INTO collector_team (tenant_id, code, name, languages, buckets, products, rank)
                        VALUES (:tenant, :code, :name, :languages, :buckets, :products, :rank)
                        ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name, languages = excluded.languages,
                            buckets = excluded.buckets, products = excluded.products, rank = excluded.rank""")
                .param("tenant", tenant).param("code", code).param("name", t.name())
                .param("languages", t.languages().toArray(String[]::new)).param("buckets", t.buckets().toArray(String[]::new))
                .param("products", t.products().toArray(String[]::new)).param("rank", t.rank()).update();
        jdbc.sql("DELETE FROM collector_team_member WHERE team = :code").param("code", code).update();
        for (UUID id : ids) {
            jdbc.sql("INSERT INTO collector_team_member (tenant_id, team, user_id) VALUES (:tenant, :team, :user)")
                    .param("tenant", tenant).param("team", code).param("user", id).update();
        }
        audit.record(AuditEntry.of("TEAM_CHANGED", "collector_team", code).withDetail(Map.of("members", t.members().size())));
        return teams().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }
}
