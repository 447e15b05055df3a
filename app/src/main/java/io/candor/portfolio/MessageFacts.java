package io.candor.portfolio;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a message to a debtor is filled with and sent to: the debtor's name and language, the creditor, the balance,
 * and the first valid contact point of each kind. Reading it is a read of debtor data, audited with its purpose.
 */
@Service
public class MessageFacts {

    /** A contact point a message can go to. */
    public record Point(UUID id, ContactPointKind kind, String value, List<String> timeZones) {
    }

    /** The facts of one open account. */
    public record Facts(UUID account, UUID debtor, String debtorName, String creditor, String creditorCode,
                        Money balance, String language, String country, @Nullable String region,
                        Map<ContactPointKind, Point> points, @Nullable LocalDate birthDate, @Nullable String idLast4) {

        public Optional<Point> point(ContactPointKind kind) {
            return Optional.ofNullable(points.get(kind));
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MessageFacts(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The last four characters of the stored hint (the number's first three and last four are kept). */
    public static @Nullable String last4(@Nullable String hint) {
        return hint == null || hint.length() < 4 ? null : hint.substring(hint.length() - 4);
    }

    /** The point of this kind a message to the debtor goes to: the first valid one, verified first. */
    public Optional<UUID> pointFor(UUID debtor, ContactPointKind kind) {
        return jdbc.sql("SELECT id FROM contact_point WHERE debtor_id = :debtor AND valid AND kind = :kind" + FIRST)
                .param("debtor", debtor).param("kind", kind.name()).query(UUID.class).optional();
    }

    /** Which of a debtor's valid points of a kind a message goes to: verified ones first. */
    private static final String FIRST = " ORDER BY verified DESC, id LIMIT 1";

    @Transactional
    public Optional<Facts> of(UUID account, String purpose) {
        Optional<Facts> facts = jdbc.sql("""
                        SELECT a.id, a.debtor_id, d.full_name, c.name AS creditor, c.code AS creditor_code, a.currency,
                               a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor AS balance,
                               d.language, d.country, d.region, d.birth_date, d.national_id_hint
                        FROM account a
                        JOIN portfolio p ON p.tenant_id = a.tenant_id AND p.id = a.portfolio_id
                        JOIN creditor c ON c.tenant_id = p.tenant_id AND c.id = p.creditor_id
                        JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        WHERE a.id = :id AND a.status = 'OPEN'""")
                .param("id", account)
                .query((rs, n) -> new Facts(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                        rs.getString("full_name"), rs.getString("creditor"), rs.getString("creditor_code"),
                        Money.ofMinor(rs.getLong("balance"), rs.getString("currency").strip()), rs.getString("language"),
                        rs.getString("country").strip(), rs.getString("region"), new LinkedHashMap<>(),
                        rs.getObject("birth_date", LocalDate.class), last4(rs.getString("national_id_hint"))))
                .optional();
        facts.ifPresent(f -> {
            jdbc.sql("""
                            SELECT id, kind, value, time_zones FROM contact_point WHERE debtor_id = :debtor AND valid
                            ORDER BY verified DESC, id""")
                    .param("debtor", f.debtor())
                    .query((rs, n) -> {
                        ContactPointKind kind = ContactPointKind.valueOf(rs.getString("kind"));
                        return f.points().putIfAbsent(kind, new Point(rs.getObject("id", UUID.class), kind,
                                rs.getString("value"), List.of((String[]) rs.getArray("time_zones").getArray())));
                    })
                    .list();
            audit.record(AuditEntry.read("account", account, purpose));
        });
        return facts;
    }
}
