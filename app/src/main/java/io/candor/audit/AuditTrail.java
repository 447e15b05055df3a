package io.candor.audit;

import static io.candor.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.Actor;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records audit events for the current tenant, in the caller's transaction: an audited change and its
 * audit event commit or roll back together. The actor is the signed-in user, or {@code system}.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    private final ApplicationEventPublisher events;

    AuditTrail(JdbcClient jdbc, Clock clock, JsonMapper json, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** Records an entry for the signed-in user (or {@code system}). */
    public void record(AuditEntry entry) {
        recordAs(currentActor(), entry);
    }

    /** Records an entry for a named actor, e.g. a user who is signing in. */
    public void recordAs(@Nullable Actor actor, AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO audit_event (tenant_id, id, at, actor_id, actor, action, resource_type, resource_id,
                                                 purpose, detail)
                        VALUES (:tenant, :id, :at, :actorId, :actor, :action, :type, :resourceId, :purpose,
                                CAST(:detail AS jsonb))""")
                .param("tenant", TenantContext.require())
                .param("id", Ids.newId())
                .param("at", utc(clock.instant()))
                .param("actorId", actor == null ? null : actor.userId())
                .param("actor", actor == null ? "system" : actor.username())
                .param("action", entry.action().name())
                .param("type", entry.resourceType())
                .param("resourceId", entry.resourceId())
                .param("purpose", entry.purpose())
                .param("detail", json.writeValueAsString(entry.detail()))
                .update();
        evidenceOfRead(actor, entry);
    }

    /** A staff read of an account's or a debtor's data is evidence too (who read, when, why). */
    private void evidenceOfRead(@Nullable Actor actor, AuditEntry entry) {
        if (entry.action() != AuditAction.DEBTOR_DATA_READ || entry.resourceId() == null) {
            return;
        }
        EvidenceEvent.Subject subject;
        try {
            UUID id = UUID.fromString(entry.resourceId());
            subject = switch (entry.resourceType()) {
                case "account" -> EvidenceEvent.Subject.account(id);
                case "debtor" -> EvidenceEvent.Subject.debtor(id);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return;
        }
        if (subject != null) {
            events.publishEvent(new EvidenceEvent(EvidenceType.STAFF_READ, subject, actor == null ? "system" : actor.username(),
                    clock.instant(), Map.of("purpose", entry.purpose() == null ? "UNSPECIFIED" : entry.purpose()),
                    List.of()));
        }
    }

    /** When the current tenant last did anything audited, if ever. */
    public @Nullable Instant lastAt() {
        OffsetDateTime at = jdbc.sql("SELECT max(at) FROM audit_event").query(OffsetDateTime.class).optional()
                .orElse(null);
        return at == null ? null : at.toInstant();
    }

    /** The current tenant's events, newest first, optionally for one resource. */
    public CursorPage<AuditEvent> list(@Nullable String resourceType, @Nullable String resourceId,
            @Nullable String cursor, int limit) {
        // UUIDv7 ids grow with time, so "before the cursor, descending" pages from newest to oldest.
        UUID before = cursor == null ? new UUID(-1L, -1L) : CursorPage.after(cursor);
        List<AuditEvent> rows = jdbc.sql("""
                        SELECT id, at, actor_id, actor, action, resource_type, resource_id, purpose, detail::text
                        FROM audit_event
                        WHERE id < :before
                          AND (CAST(:type AS text) IS NULL OR lower(resource_type) = lower(:type))
                          AND (CAST(:rid AS text) IS NULL OR resource_id = :rid)
                        ORDER BY id DESC LIMIT :limit""")
                .param("before", before).param("type", resourceType).param("rid", resourceId)
                .param("limit", limit + 1)
                .query(AuditTrail::event)
                .list();
        return CursorPage.of(rows, limit, AuditEvent::id);
    }

    /** What the audit page searches by (null: any): an account or other resource id, a user, a day range. */
    public record Query(@Nullable String resourceId, @Nullable String actor, @Nullable LocalDate from,
                        @Nullable LocalDate to, boolean readsOnly) {
    }

    /**
     * The events matching the query, newest first, {@code limit} at most before {@code cursor}; with
     * {@code readsOnly}, the reads and searches of debtors' data only ({@link AuditAction#DEBTOR_DATA_READ},
     * {@link AuditAction#DEBTOR_SEARCHED}). Days are UTC.
     */
    public CursorPage<AuditEvent> search(Query q, @Nullable String cursor, int limit) {
        UUID before = cursor == null ? new UUID(-1L, -1L) : CursorPage.after(cursor);
        List<AuditEvent> rows = jdbc.sql("""
                        SELECT id, at, actor_id, actor, action, resource_type, resource_id, purpose, detail::text
                        FROM audit_event
                        WHERE id < :before
                          AND (CAST(:rid AS text) IS NULL OR resource_id = :rid)
                          AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                          AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
                          AND (NOT :reads OR action IN ('DEBTOR_DATA_READ', 'DEBTOR_SEARCHED'))
                        ORDER BY id DESC LIMIT :limit""")
                .param("before", before).param("rid", q.resourceId()).param("actor", q.actor())
                .param("from", q.from() == null ? null : q.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("to", q.to() == null ? null : q.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("reads", q.readsOnly()).param("limit", limit + 1)
                .query(AuditTrail::event)
                .list();
        return CursorPage.of(rows, limit, AuditEvent::id);
    }

    private static AuditEvent event(ResultSet rs, int n) throws SQLException {
        return new AuditEvent(rs.getObject("id", UUID.class), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor"), rs.getString("action"),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("purpose"),
                rs.getString("detail"));
    }

    private static @Nullable Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor a ? a : null;
    }
}
