package io.candor.workbench;

import static io.candor.platform.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Collectors' notes on an account: kept, never edited; each one evidence-logged (its text in the content store). */
@Service
class AccountNotes {

    /** One note. */
    public record Note(UUID id, String text, String writtenBy, OffsetDateTime writtenAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountNotes(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Note write(UUID account, String text, String by) {
        if (text.isBlank() || text.length() > 4000) {
            throw new BadRequestException("A note is 1 to 4000 characters.");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO account_note (tenant_id, id, account_id, text, written_by, written_at)
                        VALUES (:t, :id, :a, :text, :by, :now)""")
                .param("t", TenantContext.require()).param("id", id).param("a", account).param("text", text.strip())
                .param("by", by).param("now", utc(clock.instant())).update();
        events.publishEvent(new EvidenceEvent(EvidenceType.ACCOUNT_NOTE, EvidenceEvent.Subject.account(account), by,
                clock.instant(), Map.of("note", id.toString()),
                List.of(text.strip().getBytes(StandardCharsets.UTF_8))));
        return of(account).getFirst();
    }

    /** An account's notes, newest first. */
    public List<Note> of(UUID account) {
        return jdbc.sql("""
                        SELECT id, text, written_by, written_at FROM account_note WHERE account_id = :a
                        ORDER BY written_at DESC, id DESC""")
                .param("a", account)
                .query((rs, n) -> new Note(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }
}
