package io.candor.portfolio;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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
     * The debtor's jurisdiction (region when known, e.g. {@code BR-SP}, else country), what the named contact point
     * resolved to on this account, the candidate time zones (of that point when it is a phone, else of all the
     * debtor's phones), the consents and channel opt-outs recorded on that point, and the hours the debtor asked to be
     * reached in (their own time).
     */
    public record ContactTarget(UUID accountId, UUID debtorId, String creditor, String jurisdiction,
                                ContactPointResolution point, List<String> timeZones, Set<String> consents,
                                Set<String> optedOut, ContactPreferences.@Nullable Hours hours) {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** What a phone number may be written with: digits (also full-width), spaces, + ( ) - . and nothing else. */
    private static final Pattern PHONE_SPELLING = Pattern.compile("[0-9\\uFF10-\\uFF19+()\\-.\\s\\u3000]{3,40}");

    private final JdbcClient jdbc;

    ContactTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A valid contact point of a debtor with what a planner checks: its zones, consents and channel opt-outs. */
    public record ReachablePoint(UUID id, ContactPointKind kind, String value, List<String> timeZones,
                                 List<String> consents, List<String> optedOut) {
    }

    /** The valid contact points of these debtors, per debtor, by id. */
    public Map<UUID, List<ReachablePoint>> reachable(Collection<UUID> debtors) {
        Map<UUID, List<ReachablePoint>> points = new HashMap<>();
        if (debtors.isEmpty()) {
            return points;
        }
        jdbc.sql("""
                        SELECT debtor_id, id, kind, value, time_zones, consents, opted_out FROM contact_point
                        WHERE valid AND debtor_id = ANY(:debtors) ORDER BY debtor_id, id""")
                .param("debtors", debtors.toArray(UUID[]::new))
                .query((rs, n) -> points.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new ReachablePoint(rs.getObject(2, UUID.class), ContactPointKind.valueOf(rs.getString(3)),
                                rs.getString(4), strings(rs.getArray(5)), strings(rs.getArray(6)),
                                strings(rs.getArray(7)))))
                .list();
        return points;
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A debtor's contact point, and one of the debtor's accounts: whom a message from that point may be about. */
    public record Sender(UUID point, UUID account) {
    }

    /** Who wrote from this e-mail address (any case): its points and their debtors' accounts. */
    public List<Sender> byEmail(String address) {
        return jdbc.sql("""
                        SELECT cp.id, a.id FROM contact_point cp JOIN account a ON a.debtor_id = cp.debtor_id
                        WHERE cp.kind = 'EMAIL' AND cp.match_key = :address ORDER BY cp.id, a.id""")
                .param("address", address.toLowerCase(Locale.ROOT)).query((rs, n) -> new Sender(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class))).list();
    }

    /** Who texted from this number (its digits): its points and their debtors' accounts. */
    public List<Sender> byPhoneDigits(String digits) {
        return jdbc.sql("""
                        SELECT cp.id, a.id FROM contact_point cp JOIN account a ON a.debtor_id = cp.debtor_id
                        WHERE cp.kind = 'PHONE' AND cp.match_key = :reversed ORDER BY cp.id, a.id""")
                .param("reversed", new StringBuilder(digits).reverse().toString()).query((rs, n) -> new Sender(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class))).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ContactTarget> lock(UUID account, ContactPointRef point) {
        return read(account, point, true);
    }

    /** The same facts without the lock: for a preview of the gate's answer, which decides nothing. */
    @Transactional(readOnly = true)
    public Optional<ContactTarget> peek(UUID account, ContactPointRef point) {
        return read(account, point, false);
    }

    private record Candidate(ContactPointResolution.Resolved point, String holderCountry, List<String> zones,
                             List<String> consents, List<String> optedOut) {
    }

    private Optional<ContactTarget> read(UUID account, ContactPointRef ref, boolean lock) {
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
        Optional<Candidate> found = ref instanceof ContactPointRef.Missing ? Optional.empty()
                : candidates(account).stream().filter(c -> matches(ref, c)).findFirst();
        ContactPointResolution resolution = found.<ContactPointResolution>map(Candidate::point)
                .orElseGet(() -> new ContactPointResolution.Unresolved(ref instanceof ContactPointRef.Missing
                        ? ContactPointResolution.Failure.MISSING : ContactPointResolution.Failure.NOT_ON_ACCOUNT));
        Set<String> zones = new LinkedHashSet<>();
        Set<String> consents = new LinkedHashSet<>();
        Set<String> optedOut = new LinkedHashSet<>();
        found.ifPresent(c -> {
            consents.addAll(c.consents());
            optedOut.addAll(c.optedOut());
            if (c.point().kind() == ContactPointKind.PHONE) {
                zones.addAll(c.zones());
            }
        });
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
                .query((rs, n) -> new ContactPreferences.Hours(rs.getObject(1, LocalTime.class),
                        rs.getObject(2, LocalTime.class)))
                .optional().orElse(null);
        return Optional.of(new ContactTarget(account, r.debtor(), r.creditor(), jurisdiction, resolution,
                List.copyOf(zones), Set.copyOf(consents), Set.copyOf(optedOut), hours));
    }

    /** Every contact point of the account's parties: the debtor's own first, then guarantors' and co-borrowers'. */
    private List<Candidate> candidates(UUID account) {
        return jdbc.sql("""
                        WITH holder AS (
                            SELECT a.tenant_id, a.debtor_id, 'DEBTOR' AS role, 0 AS rank FROM account a WHERE a.id = :account
                            UNION ALL
                            SELECT p.tenant_id, p.debtor_id, p.role, 1 FROM account_party p WHERE p.account_id = :account)
                        SELECT cp.id, cp.kind, cp.value, cp.valid, cp.debtor_id, h.role, d.country, cp.time_zones,
                               cp.consents, cp.opted_out
                        FROM holder h
                        JOIN debtor d ON d.tenant_id = h.tenant_id AND d.id = h.debtor_id
                        JOIN contact_point cp ON cp.tenant_id = h.tenant_id AND cp.debtor_id = h.debtor_id
                        ORDER BY h.rank, cp.valid DESC, cp.verified DESC, cp.id""")
                .param("account", account)
                .query((rs, n) -> new Candidate(new ContactPointResolution.Resolved(rs.getObject("id", UUID.class),
                        ContactPointKind.valueOf(rs.getString("kind")), rs.getString("value"), rs.getObject("debtor_id",
                        UUID.class), rs.getString("role"), rs.getBoolean("valid")), rs.getString("country").strip(),
                        Arrays.asList((String[]) rs.getArray("time_zones").getArray()),
                        Arrays.asList((String[]) rs.getArray("consents").getArray()),
                        Arrays.asList((String[]) rs.getArray("opted_out").getArray())))
                .list();
    }

    /** Does the reference name this contact point: by id, or by a spelling that normalises to its stored value? */
    static boolean matches(ContactPointRef ref, Candidate c) {
        ContactPointResolution.Resolved p = c.point();
        return switch (ref) {
            case ContactPointRef.ById b -> b.id().equals(p.id());
            case ContactPointRef.Spelled s -> switch (p.kind()) {
                case PHONE -> normalisedPhone(s.text(), c.holderCountry()).map(p.value()::equals).orElse(false);
                case EMAIL -> normalisedEmail(s.text()).equals(normalisedEmail(p.value()));
                case ADDRESS, APP -> collapsed(s.text()).equalsIgnoreCase(collapsed(p.value()));
            };
            case ContactPointRef.Missing m -> false;
        };
    }

    /**
     * A number as a person may write it, in E.164 when it is a valid number read in the holder's country: {@code
     * 13800138000}, {@code +86 138 0013 8000} and {@code 0086-138-0013-8000} are the same number. A masked number
     * ({@code 138****8000}) or anything with letters is no number.
     */
    static Optional<String> normalisedPhone(String text, String country) {
        if (!PHONE_SPELLING.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber n = PHONES.parse(text, country);
            return PHONES.isValidNumber(n) ? Optional.of(PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** An e-mail address compared without case and surrounding space (no provider treats case as significant). */
    static String normalisedEmail(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "mailto:", 0, 7)) {
            t = t.substring(7);
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** The jurisdiction whose rules apply: the region when it names a sub-national pack (BR-SP), else the country. */
    public static String jurisdiction(String country, @Nullable String region) {
        return region != null && region.startsWith(country + "-") ? region : country;
    }
}
