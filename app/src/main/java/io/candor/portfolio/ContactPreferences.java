package io.candor.portfolio;

import java.time.Clock;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.NotFoundException;
import io.candor.privacy.Masking;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a debtor allows on a contact point: per-channel opt-outs ("no more texts") and consents (e.g.
 * {@code PRIOR_EXPRESS_CONSENT}, {@code CONTACT_OUTSIDE_HOURS}). Both take effect at once in the contact gate,
 * and every change is audited.
 */
@Service
public class ContactPreferences {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ContactPreferences(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A debtor's own valid phone, e-mail or app point, masked, with the channels opted out of on it. */
    public record OwnPoint(UUID id, ContactPointKind kind, String masked, Set<String> optedOut) {
    }

    /** The debtor's valid phone, e-mail and app points, as the debtor may manage them: masked, by kind. */
    public List<OwnPoint> ownPoints(UUID debtor) {
        return jdbc.sql("""
                        SELECT id, kind, value, opted_out FROM contact_point WHERE debtor_id = :d AND valid
                          AND kind IN ('PHONE', 'EMAIL', 'APP') ORDER BY kind, id""")
                .param("d", debtor)
                .query((rs, n) -> {
                    ContactPointKind kind = ContactPointKind.valueOf(rs.getString("kind"));
                    String value = rs.getString("value");
                    String masked = switch (kind) {
                        case PHONE -> Masking.phone(value);
                        case EMAIL -> Masking.email(value);
                        case APP, ADDRESS -> "app";
                    };
                    return new OwnPoint(rs.getObject("id", UUID.class), kind, masked,
                            Set.of((String[]) rs.getArray("opted_out").getArray()));
                })
                .list();
    }

    /** Hours of the day, in the debtor's own time, to be reached in: from (inclusive) to (exclusive). */
    public record Hours(LocalTime from, LocalTime to) {

        public Hours {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("the hours start before they end");
            }
        }

        public boolean contains(LocalTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** A debtor's preferred channel and hours, either may be unset. */
    public record Preference(@Nullable String channel, @Nullable Hours hours) {
    }

    public Preference preference(UUID debtor) {
        return jdbc.sql("SELECT preferred_channel, hours_from, hours_to FROM debtor_contact_preference WHERE debtor_id = :d")
                .param("d", debtor)
                .query((rs, n) -> {
                    LocalTime from = rs.getObject(2, LocalTime.class);
                    return new Preference(rs.getString(1), from == null ? null
                            : new Hours(from, rs.getObject(3, LocalTime.class)));
                })
                .optional().orElse(new Preference(null, null));
    }

    /** Records the debtor's preferred channel and hours (the gate keeps to the hours from now on); audited. */
    @Transactional
    public void prefer(UUID debtor, Preference p, String by) {
        jdbc.sql("""
                        INSERT INTO debtor_contact_preference (tenant_id, debtor_id, preferred_channel, hours_from,
                                                               hours_to, updated_by, updated_at)
                        VALUES (:t, :d, :channel, :from, :to, :by, now())
                        ON CONFLICT (tenant_id, debtor_id) DO UPDATE SET preferred_channel = excluded.preferred_channel,
                            hours_from = excluded.hours_from, hours_to = excluded.hours_to,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("t", TenantContext.require()).param("d", debtor)
                .param("channel", p.channel()).param("from", p.hours() == null ? null : p.hours().from())
                .param("to", p.hours() == null ? null : p.hours().to()).param("by", by).update();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("channel", p.channel() == null ? "-" : p.channel());
        facts.put("hours", p.hours() == null ? "-" : p.hours().from() + "-" + p.hours().to());
        audit.record(AuditEntry.of(AuditAction.CONTACT_PREFERENCE_SET, "debtor", debtor).withDetail(new LinkedHashMap<>(facts)));
        events.publishEvent(new EvidenceEvent(EvidenceType.CONTACT_PREFERENCE_SET,
                EvidenceEvent.Subject.debtor(debtor), by, clock.instant(), facts,
                List.of()));
    }

    @Transactional
    public void optOut(UUID contactPoint, String channel, boolean out) {
        change(contactPoint, "opted_out", channel, out, out ? AuditAction.CHANNEL_OPTED_OUT : AuditAction.CHANNEL_OPTED_IN,
                out ? EvidenceType.CHANNEL_OPTED_OUT : EvidenceType.CHANNEL_OPTED_IN);
    }

    @Transactional
    public void consent(UUID contactPoint, String consent, boolean granted) {
        change(contactPoint, "consents", consent, granted, granted ? AuditAction.CONSENT_GRANTED : AuditAction.CONSENT_REVOKED,
                granted ? EvidenceType.CONSENT_GRANTED : EvidenceType.CONSENT_REVOKED);
    }

    private void change(UUID contactPoint, String column, String value, boolean add, AuditAction action,
            EvidenceType evidence) {
        String sql = add
                ? "UPDATE contact_point SET " + column + " = array_append(" + column + ", :v) WHERE id = :id AND NOT (:v = ANY(" + column + "))"
                : "UPDATE contact_point SET " + column + " = array_remove(" + column + ", :v) WHERE id = :id";
        jdbc.sql(sql).param("v", value).param("id", contactPoint).update();
        UUID debtor = jdbc.sql("SELECT debtor_id FROM contact_point WHERE id = :id").param("id", contactPoint)
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("contact point", contactPoint));
        audit.record(AuditEntry.of(action, "debtor", debtor).withDetail(Map.of("contactPoint", contactPoint.toString(),
                "value", value)));
        events.publishEvent(EvidenceEvent.of(evidence,
                EvidenceEvent.Subject.debtor(debtor), clock.instant(),
                Map.of("contactPoint", contactPoint.toString(), "value", value)));
    }
}
