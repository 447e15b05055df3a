package io.candor.portfolio;

import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.web.NotFoundException;
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

    private final org.springframework.context.ApplicationEventPublisher events;

    ContactPreferences(JdbcClient jdbc, AuditTrail audit, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public void optOut(UUID contactPoint, String channel, boolean out) {
        change(contactPoint, "opted_out", channel, out, out ? "CHANNEL_OPTED_OUT" : "CHANNEL_OPTED_IN");
    }

    @Transactional
    public void consent(UUID contactPoint, String consent, boolean granted) {
        change(contactPoint, "consents", consent, granted, granted ? "CONSENT_GRANTED" : "CONSENT_REVOKED");
    }

    private void change(UUID contactPoint, String column, String value, boolean add, String action) {
        String sql = add
                ? "UPDATE contact_point SET " + column + " = array_append(" + column + ", :v) WHERE id = :id AND NOT (:v = ANY(" + column + "))"
                : "UPDATE contact_point SET " + column + " = array_remove(" + column + ", :v) WHERE id = :id";
        jdbc.sql(sql).param("v", value).param("id", contactPoint).update();
        UUID debtor = jdbc.sql("SELECT debtor_id FROM contact_point WHERE id = :id").param("id", contactPoint)
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("contact point", contactPoint));
        audit.record(AuditEntry.of(action, "debtor", debtor).withDetail(Map.of("contactPoint", contactPoint.toString(),
                "value", value)));
        events.publishEvent(io.candor.platform.evidence.EvidenceEvent.of(action,
                io.candor.platform.evidence.EvidenceEvent.Subject.debtor(debtor), java.time.Instant.now(),
                Map.of("contactPoint", contactPoint.toString(), "value", value)));
    }
}
