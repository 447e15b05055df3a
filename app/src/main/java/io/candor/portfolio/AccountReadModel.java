package io.candor.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.money.Money;
import io.candor.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portfolio's read model for other modules: {@link AccountFacts} of one account or many, by id, with the account's
 * row locked when the caller is about to change something that depends on its balance. The balance expression and
 * the account → debtor → creditor join are written here once.
 */
@Service
public class AccountReadModel {

    /** An account's balance in minor units, for SQL on table {@code account} aliased {@code a}. */
    static final String BALANCE = "(a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor)";

    /** The account with its debtor and creditor (aliases a, d, c). */
    static final String ACCOUNT_JOIN = """
            account a
            JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
            JOIN creditor c ON c.tenant_id = a.tenant_id AND c.id = a.creditor_id""";

    private static final String FACTS = """
            SELECT a.id, a.creditor_ref, a.debtor_id, d.full_name, d.kind, d.language, d.country, d.region, a.portfolio_id,
                   a.creditor_id, c.code AS creditor_code, c.name AS creditor_name, a.product, a.status, a.dpd,
                   a.bucket, a.currency, a.principal_minor, a.interest_minor, a.fees_minor, a.penalty_minor
            FROM""" + " " + ACCOUNT_JOIN + "\n";

    /** The open accounts with ids from {@code from} (inclusive) to {@code to} (exclusive), null bounds open, by id. */
    public List<AccountFacts> openBetween(@Nullable UUID from, @Nullable UUID to) {
        return jdbc.sql(FACTS + """
                        WHERE a.status = 'OPEN' AND (CAST(:from AS uuid) IS NULL OR a.id >= :from)
                          AND (CAST(:to AS uuid) IS NULL OR a.id < :to) ORDER BY a.id""")
                .param("from", from).param("to", to).query(AccountReadModel::facts).list();
    }

    /** Ids that cut the open accounts into ranges of {@code size} (each the first of its range but the first). */
    public List<UUID> openRangeBounds(int size) {
        return jdbc.sql("""
                        SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM account
                                        WHERE status = 'OPEN') x
                        WHERE rn % :size = 1 AND rn > 1 ORDER BY id""")
                .param("size", size).query(UUID.class).list();
    }

    /** What the portal asks a debtor to prove: the birth date and the last four characters of the identity number. */
    public record IdentityProof(@Nullable LocalDate birthDate, @Nullable String idLast4) {
    }

    private final JdbcClient jdbc;

    AccountReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountFacts> find(UUID account) {
        return jdbc.sql(FACTS + "WHERE a.id = :id").param("id", account).query(AccountReadModel::facts).optional();
    }

    /** The account's facts; not found unless it is the current tenant's. */
    public AccountFacts require(UUID account) {
        return find(account).orElseThrow(() -> new NotFoundException("account", account));
    }

    /**
     * The account's facts with its row locked until the caller's transaction ends: what a change that depends on the
     * balance (an arrangement, its monitoring) reads, so payments and other changes to the account wait for it.
     */
    @Transactional
    public AccountFacts lock(UUID account) {
        return jdbc.sql(FACTS + "WHERE a.id = :id FOR UPDATE OF a").param("id", account)
                .query(AccountReadModel::facts).optional().orElseThrow(() -> new NotFoundException("account", account));
    }

    /** The facts of these accounts (the missing and other tenants' left out), in id order. */
    public List<AccountFacts> of(Collection<UUID> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FACTS + "WHERE a.id = ANY(:ids) ORDER BY a.id").param("ids", accounts.toArray(UUID[]::new))
                .query(AccountReadModel::facts).list();
    }

    /** What the debtor of this account proves in the portal; not found unless it is the current tenant's. */
    public IdentityProof identityProof(UUID account) {
        return jdbc.sql("""
                        SELECT d.birth_date, d.national_id_hint FROM account a
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id WHERE a.id = :a""")
                .param("a", account)
                .query((rs, n) -> new IdentityProof(rs.getObject(1, LocalDate.class),
                        MessageFacts.last4(rs.getString(2))))
                .optional().orElseThrow(() -> new NotFoundException("account", account));
    }

    static AccountFacts facts(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency").strip();
        return new AccountFacts(rs.getObject("id", UUID.class), rs.getString("creditor_ref"),
                rs.getObject("debtor_id", UUID.class), rs.getString("full_name"), rs.getString("kind").equals("COMPANY"),
                rs.getString("language"), rs.getString("country").strip(), rs.getString("region"),
                rs.getObject("portfolio_id", UUID.class),
                rs.getObject("creditor_id", UUID.class), rs.getString("creditor_code"), rs.getString("creditor_name"),
                rs.getString("product"), rs.getString("status"), rs.getInt("dpd"), rs.getString("bucket"),
                Money.ofMinor(rs.getLong("principal_minor"), currency), Money.ofMinor(rs.getLong("interest_minor"), currency),
                Money.ofMinor(rs.getLong("fees_minor"), currency), Money.ofMinor(rs.getLong("penalty_minor"), currency));
    }
}
