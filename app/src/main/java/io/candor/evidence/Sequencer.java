package io.candor.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.EachTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed records from {@code evidence_pending} into the log in order, in batches: each gets the next
 * index, its leaf hash is computed by the database ({@code sha256(0x00 ‖ entry)}), and the tiles are updated — all in
 * one transaction, so a crash leaves either the whole batch sequenced or none of it, and the next run resumes.
 * One sequencer per tenant at a time, across nodes (a transaction-scoped advisory lock).
 */
@Component
class Sequencer {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TileStore tiles;
    private final Map<UUID, TileAppender> appenders = new ConcurrentHashMap<>();
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    private final EachTenant background;

    Sequencer(JdbcClient jdbc, TransactionTemplate tx, TileStore tiles, EachTenant background) {
        this.background = background;
        this.jdbc = jdbc;
        this.tx = tx;
        this.tiles = tiles;
    }

    @Scheduled(fixedDelay = 200)
    void sequenceAll() {
        background.run("Sequencing the evidence log", () -> sequence(false));
    }

    /** Sequences everything pending for the current tenant; {@code wait}: wait for another node's batch. Returns the size. */
    long sequence(boolean wait) {
        UUID tenant = TenantContext.require();
        if (!wait && !pending()) {
            return -1; // the scheduled run: nothing to do costs one cheap query, not a locked transaction
        }
        ReentrantLock lock = locks.computeIfAbsent(tenant, t -> new ReentrantLock());
        if (!wait && !lock.tryLock()) {
            return -1;
        }
        if (wait) {
            lock.lock();
        }
        try {
            long size;
            do {
                Long done = tx.execute(s -> batch(tenant, wait));
                if (done == null || done < 0) {
                    return -1;
                }
                size = done;
            } while (pending());
            return size;
        } catch (RuntimeException e) {
            appenders.remove(tenant);
            tiles.forget();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Each tenant's log size, as the {@code candor_evidence_entries} gauge reads it. */
    private final Map<UUID, AtomicLong> logSize =
            new ConcurrentHashMap<>();

    /** The current tenant's log size: the next index to assign. */
    static long size(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(idx) + 1, 0) FROM evidence_entry").query(Long.class).single();
    }

    private boolean pending() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM evidence_pending)").query(Boolean.class).single());
    }

    /** One batch; returns the log size after it, or -1 when another node holds the log. */
    private long batch(UUID tenant, boolean wait) {
        String key = "candor-evidence:" + tenant;
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", key).query().singleRow();
        } else if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", key).query(Boolean.class).single())) {
            return -1;
        }
        long size = size(jdbc);
        // how long the oldest record waited for its index: the log's sequencing lag
        jdbc.sql("SELECT min(at) FROM evidence_pending").query(OffsetDateTime.class).optional()
                .ifPresent(oldest -> io.micrometer.core.instrument.Metrics.timer("candor.evidence.sequencing.lag")
                        .record(Duration.between(oldest.toInstant(), Instant.now())));
        TileAppender appender = appenders.get(tenant);
        if (appender == null || appender.size() != size) {
            tiles.forget();
            appender = new TileAppender(size, tiles.source());
        }
        List<byte[]> leaves = jdbc.sql("""
                        WITH batch AS (
                            DELETE FROM evidence_pending WHERE seq IN (
                                SELECT seq FROM evidence_pending ORDER BY seq LIMIT :limit)
                            RETURNING tenant_id, seq, type, at, subject, entry),
                        numbered AS (
                            SELECT *, :size + row_number() OVER (ORDER BY seq) - 1 AS idx FROM batch)
                        INSERT INTO evidence_entry (tenant_id, idx, seq, type, at, subject, entry)
                        SELECT tenant_id, idx, seq, type, at, subject, entry FROM numbered ORDER BY idx
                        RETURNING idx, sha256('\\x00'::bytea || entry) AS leaf""")
                .param("limit", BATCH).param("size", size)
                .query((rs, n) -> new Object[] {rs.getLong("idx"), rs.getBytes("leaf")})
                .list().stream()
                .sorted(Comparator.comparingLong(r -> (Long) r[0]))
                .map(r -> (byte[]) r[1])
                .toList();
        if (!leaves.isEmpty()) {
            tiles.write(appender.add(leaves));
        }
        appenders.put(tenant, appender);
        logSize.computeIfAbsent(tenant, t -> io.micrometer.core.instrument.Metrics.gauge("candor.evidence.entries",
                List.of(io.micrometer.core.instrument.Tag.of("tenant", t.toString())),
                new AtomicLong())).set(appender.size());
        return appender.size();
    }
}
