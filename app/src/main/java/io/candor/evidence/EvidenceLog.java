package io.candor.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.verify.TlogProof;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the current tenant's log: entries, inclusion proofs against the latest checkpoint, consistency proofs. */
@Service
class EvidenceLog {

    /** An entry with its exact bytes. */
    public record Stored(long index, String type, Instant at, String subject, byte[] entry) {
    }

    private final JdbcClient jdbc;
    private final TileStore tiles;
    private final Checkpoints checkpoints;
    private final Sequencer sequencer;
    private final EvidenceRecorder recorder;

    EvidenceLog(JdbcClient jdbc, TileStore tiles, Checkpoints checkpoints, Sequencer sequencer, EvidenceRecorder recorder) {
        this.jdbc = jdbc;
        this.tiles = tiles;
        this.checkpoints = checkpoints;
        this.sequencer = sequencer;
        this.recorder = recorder;
    }

    /** Records an event and waits until it is in the log; returns its index (for integrations and tests). */
    public long appendNow(EvidenceEvent event) {
        long seq = recorder.record(event);
        sequencer.sequence(true);
        return jdbc.sql("SELECT idx FROM evidence_entry WHERE seq = :seq").param("seq", seq).query(Long.class).single();
    }

    public long size() {
        return Sequencer.size(jdbc);
    }

    public Optional<Stored> entry(long index) {
        return jdbc.sql("SELECT idx, type, at, subject, entry FROM evidence_entry WHERE idx = :idx").param("idx", index)
                .query((rs, n) -> stored(rs)).optional();
    }

    /** The entries about any of {@code subjects} (hex keyed hashes), in log order. */
    public List<Stored> about(Collection<String> subjects) {
        return jdbc.sql("""
                        SELECT idx, type, at, subject, entry FROM evidence_entry
                        WHERE subject = ANY(:subjects) ORDER BY idx""")
                .param("subjects", subjects.stream().map(HexFormat.of()::parseHex).toArray(byte[][]::new))
                .query((rs, n) -> stored(rs)).list();
    }

    /** The tlog-proof of entry {@code index} against the latest checkpoint (409 until one covers it). */
    @Transactional(readOnly = true)
    public String proof(long index) {
        Checkpoints.Stored c = checkpoints.latest().filter(s -> s.size() > index).orElseThrow(() -> new ConflictException(
                "No checkpoint covers entry " + index + " yet: checkpoints are issued every few seconds, try again."));
        return proof(index, c);
    }

    String proof(long index, Checkpoints.Stored c) {
        List<byte[]> path = new TileHashes(tiles.source()).inclusion(index, c.size());
        return new TlogProof(index, path, c.note(), null).text();
    }

    /** RFC 9162 consistency proof between two tree sizes. */
    @Transactional(readOnly = true)
    public List<byte[]> consistency(long from, long to) {
        long size = size();
        if (from < 0 || from > to || to > size) {
            throw new BadRequestException("Ask for 0 ≤ from ≤ to ≤ " + size
                    + " (the log's size); got from=" + from + ", to=" + to + ".");
        }
        return new TileHashes(tiles.source()).consistency(from, to);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong("idx"), rs.getString("type"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                HexFormat.of().formatHex(rs.getBytes("subject")), rs.getBytes("entry"));
    }
}
