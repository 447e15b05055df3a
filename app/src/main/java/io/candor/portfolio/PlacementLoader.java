package io.candor.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.ids.Ids;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.privacy.FieldCipher;
import io.candor.privacy.Masking;
import io.candor.privacy.SearchHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a validated placement for the current tenant in the caller's transaction: creditor and portfolio
 * (created if new), debtors with sealed national ids, contact points normalised to E.164 with their time
 * zones, and accounts with their aging bucket.
 */
@Service
public class PlacementLoader {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final SearchHash searchHash;
    private final AuditTrail audit;

    PlacementLoader(JdbcTemplate jdbc, FieldCipher cipher, SearchHash searchHash, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.searchHash = searchHash;
        this.audit = audit;
    }

    /** Loads the placement; returns the number of accounts written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int load(Placement placement) {
        UUID tenant = TenantContext.require();
        UUID creditor = upsertCreditor(tenant, placement);
        UUID portfolio = Ids.newId();
        jdbc.update("INSERT INTO portfolio (tenant_id, id, creditor_id, code, name, placed_on) VALUES (?,?,?,?,?,?)",
                tenant, portfolio, creditor, placement.portfolioCode(), placement.portfolioName(), placement.placedOn());
        List<Object[]> debtors = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> accounts = new ArrayList<>();
        for (Placement.Row r : placement.rows()) {
            UUID debtor = Ids.newId();
            byte[] idSealed = r.nationalId() == null ? null : cipher.seal(r.nationalId(), PersonalDataContext.nationalId(tenant));
            byte[] idHash = r.nationalId() == null ? null : searchHash.of(tenant, "national_id", r.nationalId());
            debtors.add(new Object[] {tenant, debtor, r.company() ? "COMPANY" : "PERSON", r.debtorName(), idSealed, idHash,
                    r.nationalId() == null ? null : Masking.nationalId(r.nationalId()), r.birthDate(), r.country(),
                    r.region(), r.language()});
            if (r.phone() != null) {
                Phonenumber.PhoneNumber phone = parsePhone(r);
                contacts.add(contact(tenant, debtor, "PHONE", PHONES.format(phone, PhoneNumberUtil.PhoneNumberFormat.E164),
                        ZONES.getTimeZonesForNumber(phone).stream()
                                .filter(z -> !z.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())).toList()));
            }
            if (r.email() != null) {
                contacts.add(contact(tenant, debtor, "EMAIL", r.email().toLowerCase(Locale.ROOT), List.of()));
            }
            if (r.address() != null) {
                contacts.add(contact(tenant, debtor, "ADDRESS", r.address(), List.of()));
            }
            String bank = r.bankAccount();
            accounts.add(new Object[] {tenant, Ids.newId(), portfolio, debtor, r.creditorRef(), r.product().name(),
                    r.currency().getCurrencyCode(), minor(r.principal(), r), minor(r.interest(), r), minor(r.fees(), r),
                    minor(r.penalty(), r), r.dueDate(), r.dpd(), Bucket.of(r.dpd()), "OPEN",
                    bank == null ? null : cipher.seal(bank, PersonalDataContext.bankAccount(tenant)),
                    bank == null ? null : bank.substring(Math.max(0, bank.length() - 4))});
        }
        jdbc.batchUpdate("""
                INSERT INTO debtor (tenant_id, id, kind, full_name, national_id_enc, national_id_index, national_id_hint,
                                    birth_date, country, region, language)
                VALUES (?,?,?,?,?,?,?,?,?,?,?)""", debtors);
        jdbc.batchUpdate("""
                INSERT INTO contact_point (tenant_id, id, debtor_id, kind, value, time_zones, source, verified)
                VALUES (?,?,?,?,?,CAST(? AS text[]),?,?)""", contacts);
        jdbc.batchUpdate("""
                INSERT INTO account (tenant_id, id, portfolio_id, debtor_id, creditor_ref, product, currency,
                                     principal_minor, interest_minor, fees_minor, penalty_minor, due_date, dpd, bucket,
                                     status, bank_account_enc, bank_account_last4)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", accounts);
        audit.record(AuditEntry.of("PLACEMENT_LOADED", "portfolio", portfolio).withDetail(Map.of(
                "code", placement.portfolioCode(), "accounts", accounts.size())));
        return accounts.size();
    }

    private UUID upsertCreditor(UUID tenant, Placement p) {
        List<UUID> existing = jdbc.queryForList("SELECT id FROM creditor WHERE code = ?", UUID.class, p.creditorCode());
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        UUID id = Ids.newId();
        jdbc.update("INSERT INTO creditor (tenant_id, id, code, name, country) VALUES (?,?,?,?,?)",
                tenant, id, p.creditorCode(), p.creditorName(), p.creditorCountry());
        return id;
    }

    private static Object[] contact(UUID tenant, UUID debtor, String kind, String value, List<String> zones) {
        return new Object[] {tenant, Ids.newId(), debtor, kind, value, "{" + String.join(",", zones) + "}",
                "PLACEMENT", false};
    }

    private static Phonenumber.PhoneNumber parsePhone(Placement.Row r) {
        try {
            Phonenumber.PhoneNumber n = PHONES.parse(r.phone(), r.country());
            if (!PHONES.isValidNumber(n)) {
                throw new IllegalArgumentException("row " + r.creditorRef() + ": phone " + r.phone()
                        + " is not a valid number for " + r.country());
            }
            return n;
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("row " + r.creditorRef() + ": phone " + r.phone() + " cannot be read: "
                    + e.getMessage());
        }
    }

    private static long minor(java.math.BigDecimal amount, Placement.Row r) {
        return Money.of(amount, r.currency()).minor();
    }
}
