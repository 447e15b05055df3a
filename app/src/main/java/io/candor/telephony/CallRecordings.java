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
                .query((rs, n) -> {
                    long ms = rs.getLong(4);
                    return new Recorded(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.wasNull() ? null : ms,
                            rs.getString(5) != null && rs.getObject(6) == null, rs.getString(5));
                })
                .list();
    }

    /** A call's recording of this account as WAV, the read audited with its purpose; 404 for another account's. */
    public byte[] listen(UUID account, UUID call, String purpose) {
        return listen(account, call, purpose, null);
    }

    /** As {@link #listen(UUID, UUID, String)}, the read audited as {@code as} (the debtor in the portal). */
    public byte[] listen(UUID account, UUID call, String purpose, @Nullable Actor as) {
        if (of(account).stream().noneMatch(c -> c.id().equals(call))) {
            throw new NotFoundException("call of this account", call);
        }
        return calls.recording(call, purpose, as);
    }
}
