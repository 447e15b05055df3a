package io.candor.telephony;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.candor.platform.Actor;
import io.candor.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The recorded calls of an account, for the screens that play them (the account 360, QA, the debtor's portal):
 * listed with their outcome and length, listened to as WAV — each listening an audited read of the debtor's data.
 */
@Service
public class CallRecordings {

    /** A call of the account: when, how it ended, and whether its recording can still be heard. */
    public record Recorded(UUID id, Instant startedAt, @Nullable String outcome, @Nullable Long durationMs,
                           boolean audio, @Nullable String sha256) {
    }

    private final JdbcClient jdbc;
    private final Calls calls;

    CallRecordings(JdbcClient jdbc, Calls calls) {
        this.jdbc = jdbc;
        this.calls = calls;
    }

    /** The account's calls, newest first (at most 50). */
    public List<Recorded> of(UUID account) {
        return jdbc.sql("""
                        SELECT id, started_at, outcome, recording_ms, recording_sha256, recording_erased_at FROM call
                        WHERE account_id = :a ORDER BY started_at DESC LIMIT 50""")
                .param("a", account)
                .query((rs, n) -> recorded(rs))
                .list();
    }

    private static Recorded recorded(java.sql.ResultSet rs) throws java.sql.SQLException {
        long ms = rs.getLong(4);
        Long duration = rs.wasNull() ? null : ms;
        String sha = rs.getString(5);
        return new Recorded(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3), duration, sha != null && rs.getObject(6) == null, sha);
    }

    /** The call an AI conversation was on, with its account, when it was a call with a recording still held. */
    public record OfConversation(UUID account, Recorded call) {
    }

    /** The recorded call an agent conversation was on, if it was one and its recording is still held. */
    public java.util.Optional<OfConversation> ofConversation(UUID conversation) {
        return jdbc.sql("""
                        SELECT id, started_at, outcome, recording_ms, recording_sha256, recording_erased_at, account_id
                        FROM call WHERE conversation_id = :c AND recording_sha256 IS NOT NULL
                          AND recording_erased_at IS NULL LIMIT 1""")
                .param("c", conversation)
                .query((rs, n) -> new OfConversation(rs.getObject(7, UUID.class), recorded(rs)))
                .optional();
    }

    /** A call's recording of this account as WAV, the read audited with its purpose; 404 for another account's. */
    public byte[] listen(UUID account, UUID call, String purpose) {
        return listen(account, call, purpose, null);
    }

    /** As {@link #listen(UUID, UUID, String)}, the read audited as {@code as} (the debtor in the portal). */
    public byte[] listen(UUID account, UUID call, String purpose, @Nullable Actor as) {
        boolean ours = jdbc.sql("SELECT EXISTS (SELECT 1 FROM call WHERE id = :call AND account_id = :a)")
                .param("call", call).param("a", account).query(Boolean.class).single();
        if (!ours) {
            throw new NotFoundException("call of this account", call);
        }
        return calls.recording(call, purpose, as);
    }
}
