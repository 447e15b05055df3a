package io.candor.platform.web;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import io.candor.platform.tenant.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotency records in PostgreSQL, scoped by row-level security to the current tenant. */
@Component
class IdempotencyStore {

    /** What to do with a request carrying a key. */
    sealed interface Begin {
        record Started() implements Begin {
        }

        record Replay(int status, @Nullable String contentType, byte[] body) implements Begin {
        }

        record Mismatch() implements Begin {
        }

        record InProgress() implements Begin {
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Begin begin(String principal, String key, byte[] requestHash) {
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_record (tenant_id, principal, key, request_hash, created_at)
                        VALUES (:tenant, :principal, :key, :hash, :now) ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.require()).param("principal", principal).param("key", key)
                .param("hash", requestHash).param("now", utc(clock.instant()))
                .update();
        if (inserted == 1) {
            return new Begin.Started();
        }
        Optional<Begin> existing = jdbc.sql("""
                        SELECT request_hash, status, content_type, body FROM idempotency_record
                        WHERE principal = :principal AND key = :key""")
                .param("principal", principal).param("key", key)
                .query((rs, n) -> {
                    if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                        return (Begin) new Begin.Mismatch();
                    }
                    if (rs.getObject("status") == null) {
                        return new Begin.InProgress();
                    }
                    return new Begin.Replay(rs.getInt("status"), rs.getString("content_type"), rs.getBytes("body"));
                })
                .optional();
        return existing.orElseGet(Begin.InProgress::new);
    }

    void complete(String principal, String key, int status, @Nullable String contentType, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_record SET status = :status, content_type = :type, body = :body,
                               completed_at = :now
                        WHERE principal = :principal AND key = :key""")
                .param("status", status).param("type", contentType).param("body", body)
                .param("now", utc(clock.instant()))
                .param("principal", principal).param("key", key)
                .update();
    }

    void abandon(String principal, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE principal = :principal AND key = :key AND status IS NULL")
                .param("principal", principal).param("key", key).update();
    }
}
