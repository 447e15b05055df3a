package io.candor.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.identity.Role;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.CursorPage;
import io.candor.platform.web.NotFoundException;
import io.candor.privacy.FieldCipher;
import io.candor.privacy.Masking;
import io.candor.privacy.PersonalField;
import io.candor.privacy.SearchHash;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads accounts of the current tenant; every read of debtor data is audited with its purpose. */
@Service
public class Accounts {

    /** List filters; {@code null} means any. */
    public record Filter(@Nullable UUID portfolio, @Nullable String bucket, @Nullable String status) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final SearchHash searchHash;
    private final AuditTrail audit;

    Accounts(JdbcClient jdbc, FieldCipher cipher, SearchHash searchHash, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.searchHash = searchHash;
        this.audit = audit;
    }

    /**
     * The accounts of the debtor with this national id, found by its keyed hash: the id is never decrypted
     * for the search, and the search is audited (without the id itself).
     */
    @Transactional
    public List<AccountSummary> findByNationalId(String nationalId, String purpose) {
        List<AccountSummary> found = jdbc.sql(SUMMARY_SELECT + " WHERE d.national_id_index = :hash ORDER BY a.id LIMIT 100")
                .param("hash", searchHash.of(TenantContext.require(), "national_id", nationalId))
                .query(Accounts::summary).list();
        audit.record(new AuditEntry(AuditAction.DEBTOR_SEARCHED, "account_list", null, purpose,
                Map.of("by", "national_id", "accounts", found.size())));
        return found;
    }

    /** An open account of the book (the oldest), to fill a preview from; none in an empty book. */
    public Optional<UUID> sample() {
        return jdbc.sql("SELECT id FROM account WHERE status = 'OPEN' ORDER BY id LIMIT 1").query(UUID.class).optional();
    }

    /** What a search looks in: the debtor's name (from its start), a phone number, a national id, the reference. */
    public enum SearchBy { ANY, NAME, PHONE, NATIONAL_ID, REFERENCE }

    /** A search of the book, with its filters (null: any). */
    public record Search(String text, SearchBy by, @Nullable String bucket, @Nullable String status,
                         @Nullable String creditor) {
    }

    /**
     * Accounts found by the debtor's name (from its start, any case), a phone number (its digits, in any format), a
     * national id (exact, through its keyed hash: never decrypted), or the creditor's reference or the account id;
     * {@link SearchBy#ANY} tries each the text could be. At most {@code limit}; the search is audited with what was
     * searched by (not the text).
     */
    @Transactional
    public List<AccountSummary> search(Search q, int limit, String purpose) {
        String text = q.text().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String digits = text.replaceAll("\\D", "");
        boolean any = q.by() == SearchBy.ANY;
        boolean byName = any || q.by() == SearchBy.NAME;
        boolean byPhone = (any || q.by() == SearchBy.PHONE) && digits.length() >= 7 && text.matches("[+\\d\\s()-]+");
        boolean byId = (any || q.by() == SearchBy.NATIONAL_ID) && text.matches("[0-9A-Za-z]{6,30}");
        boolean byRef = any || q.by() == SearchBy.REFERENCE;
        // each way to find the text is its own indexable branch; the planner would scan the whole book for one
        // predicate that ORs them
        List<String> branches = new ArrayList<>();
        UUID asId = uuidOf(text);
        if (byRef) {
            branches.add("SELECT id FROM account WHERE creditor_ref = :text");
            if (asId != null) {
                branches.add("SELECT id FROM account WHERE id = :uuid");
            }
        }
        if (byName) {
            branches.add("""
                    SELECT a.id FROM debtor d JOIN account a ON a.tenant_id = d.tenant_id AND a.debtor_id = d.id
                    WHERE d.name_key ~>=~ :from AND d.name_key ~<~ :to""");
        }
        if (byId) {
            branches.add("""
                    SELECT a.id FROM debtor d JOIN account a ON a.tenant_id = d.tenant_id AND a.debtor_id = d.id
                    WHERE d.national_id_index = :hash""");
        }
        if (byPhone) {
            branches.add("""
                    SELECT a.id FROM contact_point cp
                    JOIN account a ON a.tenant_id = cp.tenant_id AND a.debtor_id = cp.debtor_id
                    WHERE cp.kind = 'PHONE' AND cp.match_key ~>=~ :phoneFrom AND cp.match_key ~<~ :phoneTo""");
        }
        String name = text.toLowerCase(Locale.ROOT);
        String phone = new StringBuilder(digits.length() > 11 && digits.startsWith("86") ? digits.substring(2) : digits)
                .reverse().toString();
        List<AccountSummary> found = jdbc.sql("WITH hits AS (" + String.join("\nUNION\n", branches) + ")\n"
                        + SUMMARY_SELECT + """
                         WHERE a.id IN (SELECT id FROM hits)
                          AND (CAST(:bucket AS text) IS NULL OR a.bucket = :bucket)
                          AND (CAST(:status AS text) IS NULL OR a.status = :status)
                          AND (CAST(:creditor AS text) IS NULL OR p.creditor_id = (SELECT c.id FROM creditor c
                                    WHERE c.code = :creditor))
                        ORDER BY a.dpd DESC, a.id LIMIT :limit""")
                .param("text", text).param("uuid", asId)
                .param("from", name).param("to", name + MAX_CHAR)
                .param("hash", byId ? searchHash.of(TenantContext.require(), "national_id", text) : new byte[0])
                .param("phoneFrom", phone).param("phoneTo", phone + MAX_CHAR)
                .param("bucket", q.bucket()).param("status", q.status()).param("creditor", q.creditor())
                .param("limit", limit)
                .query(Accounts::summary).list();
        audit.record(new AuditEntry(AuditAction.DEBTOR_SEARCHED, "account_list", null, purpose,
                Map.of("by", q.by().name(), "accounts", found.size())));
        return found;
    }

    /** After every character: a key from a prefix up to the prefix and this covers every text that starts with it. */
    private static final String MAX_CHAR = Character.toString(Character.MAX_CODE_POINT);

    private static @Nullable UUID uuidOf(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How many accounts the tenant has, in any status; a count, no personal data. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }

    /** How many open accounts each bucket holds; counts only, no personal data. */
    public List<BucketCount> countByBucket() {
        return jdbc.sql("SELECT bucket, count(*) AS n FROM account WHERE status = 'OPEN' GROUP BY bucket ORDER BY bucket")
                .query((rs, n) -> new BucketCount(rs.getString("bucket"), rs.getLong("n"))).list();
    }

    /** Open accounts in one bucket. */
    public record BucketCount(String bucket, long accounts) {
    }

    @Transactional
    public CursorPage<AccountSummary> list(Filter filter, @Nullable String cursor, int limit, String purpose) {
        List<AccountSummary> rows = jdbc.sql(SUMMARY_SELECT + """
                         WHERE a.id > :after
                          AND (CAST(:portfolio AS uuid) IS NULL OR a.portfolio_id = :portfolio)
                          AND (CAST(:bucket AS text) IS NULL OR a.bucket = :bucket)
                          AND (CAST(:status AS text) IS NULL OR a.status = :status)
                        ORDER BY a.id LIMIT :limit""")
                .param("after", CursorPage.after(cursor)).param("portfolio", filter.portfolio())
                .param("bucket", filter.bucket()).param("status", filter.status()).param("limit", limit + 1)
                .query(Accounts::summary)
                .list();
        CursorPage<AccountSummary> page = CursorPage.of(rows, limit, AccountSummary::id);
        Map<String, Object> detail = new HashMap<>();
        detail.put("accounts", page.items().size());
        detail.put("filter", filter.toString());
        audit.record(new AuditEntry(AuditAction.DEBTOR_DATA_READ, "account_list", null, purpose, detail));
        return page;
    }

    /**
     * Answers not found unless the account is the current tenant's: what every sub-resource of an account (its notes,
     * payments, holds, links …) checks first, so another tenant's account reads as unknown rather than as empty.
     */
    public void requireExists(UUID id) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE id = :id)").param("id", id).query(Boolean.class)
                .single()) {
            throw new NotFoundException("account", id);
        }
    }

    /** The account with this creditor reference, or this id. */
    public Optional<UUID> idByReference(String referenceOrId) {
        return jdbc.sql("SELECT id FROM account WHERE creditor_ref = :r OR id::text = :r ORDER BY id LIMIT 1")
                .param("r", referenceOrId).query(UUID.class).optional();
    }

    @Transactional
    public Optional<AccountDetail> find(UUID id, Set<Role> roles, String purpose) {
        Optional<AccountDetail> found = jdbc.sql("""
                        SELECT a.*, p.code AS portfolio, c.name AS creditor, d.kind, d.full_name, d.national_id_enc,
                               d.national_id_hint, d.birth_date, d.country, d.region, d.language
                        FROM account a
                        JOIN portfolio p ON p.tenant_id = a.tenant_id AND p.id = a.portfolio_id
                        JOIN creditor c ON c.tenant_id = p.tenant_id AND c.id = p.creditor_id
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        WHERE a.id = :id""")
                .param("id", id)
                .query((rs, n) -> detail(rs, roles))
                .optional();
        found.ifPresent(a -> audit.record(AuditEntry.read("account", a.id(), purpose).withDetail(Map.of(
                "debtor", a.debtor().id().toString(),
                "unmasked", unmaskedFields(roles).toString()))));
        return found;
    }

    private static final String SUMMARY_SELECT = """
            SELECT a.id, a.creditor_ref, p.code AS portfolio, a.product, d.full_name, a.currency,
                   a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor AS balance,
                   a.due_date, a.dpd, a.bucket, a.status
            FROM account a
            JOIN portfolio p ON p.tenant_id = a.tenant_id AND p.id = a.portfolio_id
            JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
            """;

    private static AccountSummary summary(ResultSet rs, int n) throws SQLException {
        return new AccountSummary(rs.getObject("id", UUID.class), rs.getString("creditor_ref"),
                rs.getString("portfolio"), rs.getString("product"), rs.getString("full_name"),
                Money.ofMinor(rs.getLong("balance"), rs.getString("currency")),
                rs.getObject("due_date", LocalDate.class), rs.getInt("dpd"), rs.getString("bucket"),
                rs.getString("status"));
    }

    private AccountDetail detail(ResultSet rs, Set<Role> roles) throws SQLException {
        UUID tenant = TenantContext.require();
        String currency = rs.getString("currency");
        Money principal = Money.ofMinor(rs.getLong("principal_minor"), currency);
        Money interest = Money.ofMinor(rs.getLong("interest_minor"), currency);
        Money fees = Money.ofMinor(rs.getLong("fees_minor"), currency);
        Money penalty = Money.ofMinor(rs.getLong("penalty_minor"), currency);
        UUID debtorId = rs.getObject("debtor_id", UUID.class);
        byte[] nationalId = rs.getBytes("national_id_enc");
        String shownId = nationalId == null ? null : PersonalField.NATIONAL_ID.unmaskedFor(roles)
                ? cipher.open(nationalId, PersonalDataContext.nationalId(tenant))
                : hidden(rs.getString("national_id_hint"));
        LocalDate born = rs.getObject("birth_date", LocalDate.class);
        String shownBirth = born == null ? null : PersonalField.BIRTH_DATE.unmaskedFor(roles) ? born.toString()
                : Masking.birthDate(born);
        byte[] bank = rs.getBytes("bank_account_enc");
        String shownBank = bank == null ? null : PersonalField.BANK_ACCOUNT.unmaskedFor(roles)
                ? cipher.open(bank, PersonalDataContext.bankAccount(tenant))
                : Masking.bankAccount(rs.getString("bank_account_last4"));
        AccountDetail.Debtor debtor = new AccountDetail.Debtor(debtorId, rs.getString("kind"), rs.getString("full_name"),
                shownId, shownBirth, rs.getString("country"), rs.getString("region"),
                rs.getString("language"));
        return new AccountDetail(rs.getObject("id", UUID.class), rs.getString("creditor_ref"), rs.getString("creditor"),
                rs.getString("portfolio"), rs.getString("product"),
                new AccountDetail.Balances(principal, interest, fees, penalty, principal.plus(interest).plus(fees).plus(penalty)),
                rs.getObject("due_date", LocalDate.class), rs.getInt("dpd"), rs.getString("bucket"),
                rs.getString("status"), shownBank, rs.getString("assigned_agency"),
                rs.getObject("assigned_collector", UUID.class), debtor, contactPoints(debtorId, roles),
                parties(rs.getObject("id", UUID.class), tenant, roles));
    }

    /** The stored hint as staff see it: not the last four, which prove who the debtor is. */
    private static @Nullable String hidden(@Nullable String hint) {
        return hint == null ? null : Masking.nationalId(hint);
    }

    private List<AccountDetail.Party> parties(UUID account, UUID tenant, Set<Role> roles) {
        return jdbc.sql("""
                        SELECT p.debtor_id, p.role, d.full_name, d.national_id_enc, d.national_id_hint
                        FROM account_party p JOIN debtor d ON d.tenant_id = p.tenant_id AND d.id = p.debtor_id
                        WHERE p.account_id = :account ORDER BY p.role, d.full_name""")
                .param("account", account)
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes("national_id_enc");
                    String id = sealed == null ? null : PersonalField.NATIONAL_ID.unmaskedFor(roles)
                            ? cipher.open(sealed, PersonalDataContext.nationalId(tenant)) : hidden(rs.getString("national_id_hint"));
                    return new AccountDetail.Party(rs.getObject("debtor_id", UUID.class), rs.getString("role"),
                            rs.getString("full_name"), id);
                })
                .list();
    }

    private List<AccountDetail.ContactPoint> contactPoints(UUID debtor, Set<Role> roles) {
        return jdbc.sql("""
                        SELECT id, kind, value, time_zones, source, verified, valid, opted_out, consents
                        FROM contact_point WHERE debtor_id = :debtor ORDER BY kind, id""")
                .param("debtor", debtor)
                .query((rs, n) -> new AccountDetail.ContactPoint(rs.getObject("id", UUID.class),
                        ContactPointKind.valueOf(rs.getString("kind")),
                        shown(ContactPointKind.valueOf(rs.getString("kind")), rs.getString("value"), roles),
                        strings(rs, "time_zones"),
                        rs.getString("source"), rs.getBoolean("verified"), rs.getBoolean("valid"),
                        strings(rs, "opted_out"), strings(rs, "consents")))
                .list();
    }

    private static String shown(ContactPointKind kind, String value, Set<Role> roles) {
        return switch (kind) {
            case PHONE -> PersonalField.PHONE.unmaskedFor(roles) ? value : Masking.phone(value);
            case EMAIL -> PersonalField.EMAIL.unmaskedFor(roles) ? value : Masking.email(value);
            case ADDRESS, APP -> value;
        };
    }

    private static List<String> unmaskedFields(Set<Role> roles) {
        return Arrays.stream(PersonalField.values()).filter(f -> f.unmaskedFor(roles)).map(Enum::name).toList();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }
}
