package io.candor.insight;

import java.util.List;

import io.candor.compliance.Channel;
import io.candor.strategy.planning.ArmOutcomes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outcomes of a champion/challenger experiment, read from every module's records (reporting reads, never
 * writes): strategy's assignments and signals, portfolio's balances and payments, compliance's complaints and
 * contacts. Strategy's variant results and promotions ask through {@link ArmOutcomes}.
 */
@Service
class ExperimentOutcomes implements ArmOutcomes {

    private final JdbcClient jdbc;

    ExperimentOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Accounts> accounts(String strategy, long seed) {
        return jdbc.sql(ACCOUNTS).param("strategy", strategy).param("seed", seed)
                .query((rs, n) -> new Accounts(rs.getString("variant"), rs.getString("currency").strip(),
                        rs.getLong("accounts"), rs.getBigDecimal("balance"), rs.getBigDecimal("collected"),
                        rs.getLong("payers"), rs.getDouble("share_sum"), rs.getDouble("share_squares"),
                        rs.getLong("promises"), rs.getLong("kept"), rs.getLong("complaints")))
                .list();
    }

    @Override
    public List<Contacts> contacts(String strategy, long seed) {
        return jdbc.sql(CONTACTS).param("strategy", strategy).param("seed", seed)
                .query((rs, n) -> new Contacts(rs.getString("variant"), Channel.valueOf(rs.getString("channel")),
                        rs.getLong("contacts")))
                .list();
    }

    /**
     * Per variant and currency: accounts, balance, collected since assignment, payers, recovered shares, promises,
     * kept promises and complaints. Set-based — each record table is read once for the experiment's accounts, not
     * once per account (the per-account subqueries made the supervisor page five times slower).
     */
    private static final String ACCOUNTS = """
            WITH sa AS (
                SELECT tenant_id, variant, account_id, assigned_on FROM strategy_assignment
                WHERE strategy = :strategy AND seed = :seed),
            pay AS (
                SELECT p.account_id, sum(p.applied_minor) AS collected
                FROM payment p JOIN sa ON sa.tenant_id = p.tenant_id AND sa.account_id = p.account_id
                WHERE p.status = 'POSTED' AND p.paid_on >= sa.assigned_on GROUP BY p.account_id),
            sig AS (
                SELECT s.account_id, true AS promised, bool_or(s.signal = 'ARRANGEMENT_BROKEN') AS broken
                FROM account_signal s JOIN sa ON sa.tenant_id = s.tenant_id AND sa.account_id = s.account_id
                WHERE s.signal IN ('ARRANGEMENT_ACTIVE', 'ARRANGEMENT_BROKEN') AND s.since >= sa.assigned_on
                GROUP BY s.account_id),
            hold AS (
                SELECT DISTINCT h.account_id
                FROM account_hold h JOIN sa ON sa.tenant_id = h.tenant_id AND sa.account_id = h.account_id
                WHERE h.hold = 'COMPLAINT_OPEN' AND h.set_at >= sa.assigned_on),
            arm AS (
                SELECT sa.variant, sa.account_id, a.currency,
                       a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor AS outstanding,
                       coalesce(pay.collected, 0) AS collected, coalesce(sig.promised, false) AS promised,
                       coalesce(sig.broken, false) AS broken, hold.account_id IS NOT NULL AS complained
                FROM sa
                JOIN account a ON a.tenant_id = sa.tenant_id AND a.id = sa.account_id
                LEFT JOIN pay ON pay.account_id = sa.account_id
                LEFT JOIN sig ON sig.account_id = sa.account_id
                LEFT JOIN hold ON hold.account_id = sa.account_id)
            SELECT variant, currency, count(*) AS accounts,
                   sum(outstanding + collected) AS balance, sum(collected) AS collected,
                   count(*) FILTER (WHERE collected > 0) AS payers,
                   coalesce(sum(collected::float8 / nullif(outstanding + collected, 0)), 0) AS share_sum,
                   coalesce(sum((collected::float8 / nullif(outstanding + collected, 0)) ^ 2), 0) AS share_squares,
                   count(*) FILTER (WHERE promised) AS promises,
                   count(*) FILTER (WHERE promised AND NOT broken AND collected > 0) AS kept,
                   count(*) FILTER (WHERE complained) AS complaints
            FROM arm GROUP BY variant, currency""";

    private static final String CONTACTS = """
            SELECT sa.variant, e.channel, count(*) AS contacts
            FROM strategy_assignment sa
            JOIN contact_event e ON e.tenant_id = sa.tenant_id AND e.account_id = sa.account_id
                                 AND e.at >= sa.assigned_on
            WHERE sa.strategy = :strategy AND sa.seed = :seed
            GROUP BY sa.variant, e.channel""";
}
