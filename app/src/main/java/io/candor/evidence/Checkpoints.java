package io.candor.evidence;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.CandorProperties;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.EachTenant;
import io.candor.verify.Checkpoint;
import io.candor.verify.NoteKey;
import io.candor.verify.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints (C2SP tlog-checkpoint in a signed note): issued every couple of seconds while the log grows.
 * Two checkpoints of one size with different roots are a fork: the second is refused and an alarm raised.
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /** A stored checkpoint. */
    public record Stored(long size, byte[] root, String note) {
    }

    private final JdbcClient jdbc;
    private final TileStore tiles;
    private final NoteKey.Signer signer;
    private final AuditTrail audit;
    private final Clock clock;
    private final String originPrefix;

    private final EachTenant background;

    Checkpoints(JdbcClient jdbc, TileStore tiles, NoteKey.Signer signer, AuditTrail audit, Clock clock,
            CandorProperties properties, EachTenant background) {
        this.background = background;
        this.jdbc = jdbc;
        this.tiles = tiles;
        this.signer = signer;
        this.audit = audit;
        this.clock = clock;
        this.originPrefix = properties.evidence().originPrefix();
    }

    /** The current tenant's log origin line. */
    public String origin() {
        return originPrefix + TenantContext.require();
    }

    public NoteKey.Verifier verifier() {
        return signer.verifier();
    }

    @Scheduled(fixedDelayString = "${candor.evidence.checkpoint-interval:2s}")
    void issueAll() {
        background.run("Issuing an evidence checkpoint", this::issue);
    }

    /** Signs a checkpoint of the log as it is, when it grew since the last one; returns the latest. */
    @Transactional
    public Optional<Stored> issue() {
        long size = Sequencer.size(jdbc);
        Optional<Stored> latest = latest();
        if (size == 0 || (latest.isPresent() && latest.get().size() >= size)) {
            return latest;
        }
        byte[] root = new TileHashes(tiles.source()).root(size);
        String note = SignedNote.sign(new Checkpoint(origin(), size, root, List.of()).text(), signer);
        Optional<byte[]> existing = jdbc.sql("SELECT root FROM evidence_checkpoint WHERE size = :size")
                .param("size", size).query(byte[].class).optional();
        if (existing.isPresent()) {
            if (!Arrays.equals(existing.get(), root)) {
                alarm("FORK: a checkpoint of size " + size + " with another root exists; the log was rewritten");
            }
            return latest();
        }
        jdbc.sql("""
                        INSERT INTO evidence_checkpoint (tenant_id, size, root, note, issued_at)
                        VALUES (:tenant, :size, :root, :note, :at)""")
                .param("tenant", TenantContext.require()).param("size", size).param("root", root).param("note", note)
                .param("at", utc(clock.instant())).update();
        return Optional.of(new Stored(size, root, note));
    }

    public Optional<Stored> latest() {
        return jdbc.sql("SELECT size, root, note FROM evidence_checkpoint ORDER BY size DESC LIMIT 1").query(STORED).optional();
    }

    public List<Stored> all() {
        return jdbc.sql("SELECT size, root, note FROM evidence_checkpoint ORDER BY size").query(STORED).list();
    }

    private static final RowMapper<Stored> STORED = (rs, n) -> new Stored(rs.getLong("size"),
            rs.getBytes("root"), rs.getString("note"));

    void alarm(String problem) {
        log.error("EVIDENCE ALARM for tenant {}: {}", TenantContext.require(), problem);
        audit.record(AuditEntry.of(AuditAction.EVIDENCE_ALARM, "evidence_log", origin()).withDetail(Map.of("problem", problem)));
    }
}
