package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.identity.UserView;
import io.candor.identity.Users;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.Accounts;
import io.candor.strategy.planning.CollectorTeams.Member;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's work queues as collectors and supervisors read them: a collector's queue, the supervisors' queue, the
 * next account, and re-assignment by a supervisor. {@link QueueFilling} fills them after the plan.
 */
@Service
public class WorkQueues {

    /** One item of a queue. */
    public record Item(UUID account, String creditorRef, String bucket, String product, String currency,
                       long balanceMinor, int priority, BigDecimal expectedValue, String kind, String reason,
                       @Nullable String team, @Nullable String collector) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CollectorTeams teams;
    private final AccountReadModel facts;
    private final Accounts accounts;
    private final Users users;
    private final AuditTrail audit;

    WorkQueues(JdbcClient jdbc, JdbcTemplate batch, CollectorTeams teams, AccountReadModel facts, Accounts accounts,
            Users users, AuditTrail audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.teams = teams;
        this.facts = facts;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    /** A collector's queue for a date, highest priority first. */
    public List<Item> queue(@Nullable UUID collector, String kind, LocalDate date) {
        return queue(collector, kind, date, 1000);
    }

    /** The first {@code limit} items of a queue. */
    public List<Item> queue(@Nullable UUID collector, String kind, LocalDate date, int limit) {
        record Row(UUID account, int priority, BigDecimal value, String kind, String reason, @Nullable String team,
                   @Nullable UUID collector) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT account_id, priority, expected_value, kind, reason, team, collector_id FROM work_item
                        WHERE business_date = :date AND kind = :kind
                          AND (CAST(:collector AS uuid) IS NULL OR collector_id = :collector)
                        ORDER BY priority, account_id LIMIT :limit""")
                .param("date", date).param("kind", kind).param("collector", collector).param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class)))
                .list();
        Map<UUID, AccountFacts> byId = new HashMap<>();
        facts.of(rows.stream().map(Row::account).toList()).forEach(a -> byId.put(a.id(), a));
        Map<UUID, UserView> people = users.of(rows.stream().map(Row::collector).filter(Objects::nonNull).distinct()
                .toList());
        List<Item> items = new ArrayList<>();
        for (Row r : rows) {
            AccountFacts a = byId.get(r.account());
            if (a == null) {
                continue;
            }
            UserView who = r.collector() == null ? null : people.get(r.collector());
            items.add(new Item(r.account(), a.reference(), a.bucket(), a.product(),
                    a.balance().currency().getCurrencyCode(), a.balance().minor(), r.priority(), r.value(), r.kind(),
                    r.reason(), r.team(), who == null ? null : who.username()));
        }
        return items;
    }

    /** The accounts of a team's COLLECT queue on a date, highest priority first: what a dialer campaign rings. */
    public List<UUID> teamAccounts(String team, LocalDate date) {
        return jdbc.sql("""
                        SELECT account_id FROM work_item WHERE business_date = :date AND kind = 'COLLECT' AND team = :team
                        ORDER BY priority, account_id""")
                .param("date", date).param("team", team).query(UUID.class).list();
    }

    /** The usernames of a team's members, or empty when the tenant has no such team. */
    public Optional<List<String>> members(String team) {
        return teams.teams().stream().filter(t -> t.code().equals(team)).findFirst()
                .map(CollectorTeams.Team::members);
    }

    /** How many items a queue holds on a date; {@code unassigned}: only those nobody has. */
    public long count(String kind, LocalDate date, boolean unassigned) {
        return jdbc.sql("""
                        SELECT count(*) FROM work_item WHERE business_date = :date AND kind = :kind
                          AND (NOT :unassigned OR collector_id IS NULL)""")
                .param("date", date).param("kind", kind).param("unassigned", unassigned).query(Long.class).single();
    }

    /** The collector's next account after {@code account} in the day's queue, if any. */
    public Optional<UUID> next(UUID collector, LocalDate date, UUID account) {
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
        Member who = teams.membership(username).orElseThrow(() -> new BadRequestException("'" + username
                + "' is not an active member of any collector team; add them with PUT /api/v1/teams/{code}."));
        accounts.requireExists(account);
        batch.update(QueueFilling.ASSIGN, TenantContext.require(), account, who.id(), who.team(), date, by);
        jdbc.sql("""
                        UPDATE work_item SET collector_id = :collector, team = :team, reason = 'REASSIGNED'
                        WHERE account_id = :account AND business_date = :date AND kind = 'COLLECT'""")
                .param("collector", who.id()).param("team", who.team()).param("account", account).param("date", date)
                .update();
        audit.record(AuditEntry.of(AuditAction.ACCOUNT_REASSIGNED, "account", account).withDetail(Map.of("collector", username,
                "team", who.team())));
    }
}
