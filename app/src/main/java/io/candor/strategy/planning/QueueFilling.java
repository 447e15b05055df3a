package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.compliance.gate.ContactRecords;
import io.candor.identity.UserView;
import io.candor.identity.Users;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.strategy.planning.CollectorTeams.Member;
import io.candor.strategy.planning.QueueAssignment.Candidate;
import io.candor.strategy.planning.QueueAssignment.Placement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills the day's work queues after the plan: the planned human contacts (calls and visits), highest expected value
 * first, placed by {@link QueueAssignment} — with the accounts' languages, buckets and products from portfolio,
 * the teams' enabled members, and who touched each account lately from the contact gate's records — and the
 * accounts with an open complaint in the supervisors' queue.
 */
@Component
class QueueFilling {

    /** Gives an account to a collector (tenant, account, collector, team, date, by), replacing any owner. */
    static final String ASSIGN = """
            INSERT INTO account_assignment (tenant_id, account_id, collector_id, team, assigned_on, assigned_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, account_id) DO UPDATE SET collector_id = excluded.collector_id,
                team = excluded.team, assigned_on = excluded.assigned_on, assigned_by = excluded.assigned_by""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CollectorTeams teams;
    private final AccountReadModel accounts;
    private final ContactRecords records;
    private final Users users;

    QueueFilling(JdbcClient jdbc, JdbcTemplate batch, CollectorTeams teams, AccountReadModel accounts,
            ContactRecords records, Users users) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.teams = teams;
        this.accounts = accounts;
        this.records = records;
        this.users = users;
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

    /** The day's collector queues from the planned human contacts; returns how many items were queued. */
    int fill(UUID run, LocalDate date, int recycleAfterDays) {
        UUID tenant = TenantContext.require();
        Map<UUID, BigDecimal> due = new HashMap<>();
        List<UUID> order = new ArrayList<>();
        jdbc.sql("""
                        SELECT account_id, max(expected_value) AS value FROM plan_action
                        WHERE business_date = :date AND status = 'PLANNED' AND channel IN ('VOICE_HUMAN', 'FIELD_VISIT')
                        GROUP BY account_id ORDER BY value DESC, account_id""")
                .param("date", date)
                .query((rs, n) -> {
                    UUID account = rs.getObject(1, UUID.class);
                    order.add(account);
                    return due.put(account, rs.getBigDecimal(2));
                })
                .list();
        Map<UUID, AccountFacts> facts = new HashMap<>();
        accounts.of(order).forEach(a -> facts.put(a.id(), a));
        List<Candidate> candidates = new ArrayList<>();
        for (UUID id : order) {
            AccountFacts a = facts.get(id);
            BigDecimal value = due.get(id);
            if (a != null && value != null) {
                candidates.add(new Candidate(id, a.language(), a.bucket(), a.product(), value));
            }
        }
        // current owners, and whether they kept the account within the recycling period
        LocalDate since = date.minusDays(recycleAfterDays);
        Map<UUID, Member> owners = new HashMap<>();
        Set<UUID> fresh = new HashSet<>();
        jdbc.sql("SELECT account_id, collector_id, team, assigned_on FROM account_assignment WHERE account_id = ANY(:ids)")
                .param("ids", order.toArray(UUID[]::new))
                .query((rs, n) -> {
                    UUID account = rs.getObject(1, UUID.class);
                    owners.put(account, new Member(rs.getObject(2, UUID.class), rs.getString(3)));
                    if (rs.getObject(4, LocalDate.class).isAfter(since)) {
                        fresh.add(account);
                    }
                    return account;
                })
                .list();
        Instant sinceTime = since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Set<UUID>> touched = records.decidedBy(owners.keySet(), sinceTime);
        Map<UUID, UserView> people = users.of(owners.values().stream().map(Member::id).distinct().toList());
        owners.forEach((account, owner) -> {
            UserView u = people.get(owner.id());
            if (u != null && touched.getOrDefault(u.username(), Set.of()).contains(account)) {
                fresh.add(account);
            }
        });
        Map<UUID, Integer> load = new HashMap<>();
        jdbc.sql("SELECT collector_id, count(*) FROM account_assignment GROUP BY collector_id")
                .query((rs, n) -> load.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        List<Placement> placements = QueueAssignment.place(candidates, teams.teams(), teams.activeMembers(), load,
                owners, fresh);
        List<Object[]> items = new ArrayList<>();
        List<Object[]> assignments = new ArrayList<>();
        for (Placement p : placements) {
            Member chosen = p.collector();
            UUID account = p.candidate().account();
            if (chosen != null && p.reassigned()) {
                assignments.add(new Object[] {tenant, account, chosen.id(), chosen.team(), date,
                        p.reason() == QueueAssignment.Reason.NEW ? "planner" : "planner: recycled"});
            }
            items.add(new Object[] {tenant, date, account, run, chosen == null ? null : chosen.team(),
                    chosen == null ? null : chosen.id(), p.priority(), p.candidate().value(), p.reason().name()});
        }
        batch.batchUpdate(ASSIGN, assignments);
        batch.batchUpdate("""
                INSERT INTO work_item (tenant_id, business_date, account_id, run_id, kind, team, collector_id, priority,
                                       expected_value, reason)
                VALUES (?, ?, ?, ?, 'COLLECT', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", items);
        return items.size();
    }
}
