package io.candor.telephony;

import static io.candor.platform.Timestamps.utc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.agent.Conversations;
import io.candor.compliance.Outcome;
import io.candor.compliance.gate.ContactGate;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.ConflictException;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, the calls a stopped server left going (killed, or the machine lost power) are ended: the recording
 * spooled on this machine is kept up to its last chunk whose hash and chain the database holds — so what is kept is
 * provably what was recorded — stored and logged as {@code CALL_RECORDED} with {@code interrupted}; the contact is
 * counted (answered: someone was reached; not answered: a failed dial); the call's conversation ends.
 * (Calls run in the process that placed them: one node's spool is its own.)
 */
@Component
class CallRecovery {

    private static final Logger log = LoggerFactory.getLogger(CallRecovery.class);

    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Calls calls;
    private final ContactGate gate;
    private final Conversations conversations;
    private final Clock clock;

    CallRecovery(Tenants tenants, JdbcClient jdbc, TransactionTemplate tx, Calls calls, ContactGate gate,
            Conversations conversations, Clock clock) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tx = tx;
        this.calls = calls;
        this.gate = gate;
        this.conversations = conversations;
        this.clock = clock;
    }

    private record Interrupted(UUID id, UUID account, @Nullable UUID contact, @Nullable UUID conversation,
                               boolean answered, String codec) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void endInterrupted() {
        for (UUID tenant : tenants.allIds()) {
            int n;
            try {
                n = TenantContext.call(tenant, this::recover);
            } catch (RuntimeException e) {
                // a call that cannot be recovered now must not stop the server; the next start tries again
                log.error("The interrupted calls of tenant {} could not all be ended: {}", tenant, e.getMessage(), e);
                continue;
            }
            if (n > 0) {
                log.warn("{} call(s) of tenant {} the server stopped during were ended, their recordings kept up to "
                        + "the last chunk", n, tenant);
            }
        }
    }

    /** In a tenant's context: ends every call left going; returns how many. */
    int recover() {
        List<Interrupted> left = jdbc.sql("""
                        SELECT id, account_id, contact_event_id, conversation_id, answered_at IS NOT NULL,
                               coalesce(quality ->> 'codec', 'unknown') FROM call
                        WHERE state <> 'ENDED' ORDER BY started_at""")
                .query((rs, n) -> new Interrupted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getBoolean(5), rs.getString(6)))
                .list();
        for (Interrupted c : left) {
            Path spool = calls.spoolOf(c.id());
            byte[] wav = null;
            long ms = 0;
            int kept = 0;
            if (c.answered() && Files.exists(spool)) {
                List<CallRecorder.Chunk> chunks = jdbc.sql("""
                                SELECT chunk, bytes, sha256, chain FROM call_recording_chunk WHERE call_id = :id
                                ORDER BY chunk""")
                        .param("id", c.id()).query((rs, n) -> new CallRecorder.Chunk(rs.getInt(1), rs.getInt(2),
                                rs.getString(3), rs.getString(4))).list();
                try {
                    long proven = CallRecorder.provenBytes(spool, chunks);
                    if (proven > 0) {
                        wav = CallRecorder.assemble(spool, proven);
                        ms = proven / 4 * 1000 / CallRecorder.RATE;
                        kept = countWithin(chunks, proven);
                    }
                } catch (IOException e) {
                    log.warn("The spooled recording of call {} could not be read: {}", c.id(), e.getMessage());
                }
            }
            end(c, wav, ms, kept);
            calls.dropSpool(c.id());
        }
        return left.size();
    }

    private void end(Interrupted c, byte @Nullable [] wav, long ms, int chunks) {
        String detail = "interrupted: the server stopped during the call; "
                + (wav == null ? "nothing of it was recorded" : "the recording is kept up to its last complete chunk ("
                + chunks + " × 5 s)");
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            UPDATE call SET state = 'ENDED', outcome = :outcome, ended_at = :now, detail = :detail,
                                   recording_sha256 = :hash, recording_ms = :ms
                            WHERE id = :id AND state <> 'ENDED'""")
                    .param("outcome", c.answered() ? "ANSWERED" : "FAILED").param("now", utc(clock.instant()))
                    .param("detail", detail).param("hash", wav == null ? null : io.candor.verify.Entry.contentHash(wav))
                    .param("ms", wav == null ? null : ms).param("id", c.id()).update();
            if (wav != null) {
                calls.logRecording(c.id(), c.account(), ms, c.codec(), wav, Map.of("interrupted", "true"));
                calls.retain(c.id(), c.account());
            }
            if (c.contact() != null) {
                try {
                    gate.recordOutcome(c.contact(), c.answered() ? Outcome.THIRD_PARTY_CONTACT : Outcome.FAILED);
                } catch (ConflictException already) {
                    // the conversation had told the gate who answered
                }
            }
        });
        if (c.conversation() != null) {
            conversations.callEnded(c.conversation());
        }
    }

    /** How many of the chunks, in order, lie within the first {@code bytes}. */
    private static int countWithin(List<CallRecorder.Chunk> chunks, long bytes) {
        long at = 0;
        int n = 0;
        for (CallRecorder.Chunk c : chunks) {
            if (at + c.bytes() > bytes) {
                break;
            }
            at += c.bytes();
            n++;
        }
        return n;
    }
}
