package io.candor.portfolio;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the contact gate needs to know about an account's debtor, read under a lock on the debtor's row so that
 * concurrent decisions about one debtor (two dialers, two channels) are taken one after the other.
 */
@Service
public class ContactTargets {

    /**
     * The debtor's jurisdiction (region when known, e.g. {@code BR-SP}, else country), the candidate time zones
     * (of the contact point when it is a phone, else of all the debtor's phones), and the consents and channel
     * opt-outs recorded on the contact point, and the hours the debtor asked to be reached in (their own time).
     */
    public record ContactTarget(UUID accountId, UUID debtorId, String creditor, String jurisdiction, List<String> timeZones,
                                Set<String> consents, Set<String> optedOut, ContactPreferences.@Nullable Hours hours) {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final JdbcClient jdbc;

    ContactTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ContactTarget> lock(UUID account, @Nullable String contactPoint) {
        return read(account, contactPoint, true);
    }

    /** The same facts without the lock: for a preview of the gate's answer, which decides nothing. */
    @Transactional(readOnly = true)
    public Optional<ContactTarget> peek(UUID account, @Nullable String contactPoint) {
        return read(account, contactPoint, false);
    }

    private Optional<ContactTarget> read(UUID account, @Nullable String contactPoint, boolean lock) {
        record Row(UUID debtor, String creditor, String country, @Nullable String region) {
        }
        Optional<Row> row = jdbc.sql("""
                        SELECT d.id, c.code, d.country, d.region FROM account a
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        JOIN creditor c ON c.tenant_id = a.tenant_id AND c.id = a.creditor_id
                        WHERE a.id = :account""" + (lock ? " FOR UPDATE OF d" : ""))
                .param("account", account)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("country").strip(),
                        rs.getString("region")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        String jurisdiction = jurisdiction(r.country(), r.region());
        Set<String> zones = new LinkedHashSet<>();
        Set<String> consents = new LinkedHashSet<>();
        Set<String> optedOut = new LinkedHashSet<>();
        if (contactPoint != null) {
            // the preferences recorded on this contact point (a phone, an e-mail address …)
            jdbc.sql("""
                            SELECT kind, time_zones, consents, opted_out FROM contact_point
                            WHERE debtor_id = :debtor AND value = :value""")
                    .param("debtor", r.debtor()).param("value", contactPoint)
                    .query((rs, n) -> {
                        consents.addAll(Arrays.asList((String[]) rs.getArray("consents").getArray()));
                        optedOut.addAll(Arrays.asList((String[]) rs.getArray("opted_out").getArray()));
                        if (rs.getString("kind").equals("PHONE")) {
                            zones.addAll(Arrays.asList((String[]) rs.getArray("time_zones").getArray()));
                        }
                        return 0;
                    })
                    .list();
            if (zones.isEmpty() && contactPoint.startsWith("+")) {
                zones.addAll(zonesOf(contactPoint)); // a number the debtor's record does not hold (e.g. a third party)
            }
        }
        if (zones.isEmpty()) {
            // not a phone (e-mail, letter, visit): the debtor's local time from all their phones (intersection)
            jdbc.sql("SELECT time_zones FROM contact_point WHERE debtor_id = :debtor AND kind = 'PHONE'")
                    .param("debtor", r.debtor())
                    .query((rs, n) -> zones.addAll(Arrays.asList((String[]) rs.getArray("time_zones").getArray())))
                    .list();
        }
        ContactPreferences.Hours hours = jdbc.sql("""
                        SELECT hours_from, hours_to FROM debtor_contact_preference
                        WHERE debtor_id = :debtor AND hours_from IS NOT NULL""")
                .param("debtor", r.debtor())
                .query((rs, n) -> new ContactPreferences.Hours(rs.getObject(1, java.time.LocalTime.class),
                        rs.getObject(2, java.time.LocalTime.class)))
                .optional().orElse(null);
        return Optional.of(new ContactTarget(account, r.debtor(), r.creditor(), jurisdiction, List.copyOf(zones), Set.copyOf(consents),
                Set.copyOf(optedOut), hours));
    }

    /** The jurisdiction whose rules apply: the region when it names a sub-national pack (BR-SP), else the country. */
    public static String jurisdiction(String country, @Nullable String region) {
        return region != null && region.startsWith(country + "-") ? region : country;
    }

    private static List<String> zonesOf(String number) {
        try {
            return PhoneZones.of(PHONES.parse(number, "ZZ"));
        } catch (NumberParseException e) {
            return List.of();
        }
    }
}
