package io.candor.evidence;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.EachTenant;
import io.candor.verify.Checkpoint;
import io.candor.verify.Entry;
import io.candor.verify.Merkle;
import io.candor.verify.NoteKey;
import io.candor.verify.VerificationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log checks itself, independently of its tiles: it re-reads every entry in order, recomputes every leaf
 * hash and the tree root at the size of every signed checkpoint, verifies each checkpoint's signature, and
 * re-hashes every content blob still held. A changed, reordered, deleted or truncated entry, changed content, a
 * forged or forked checkpoint, or tiles that disagree with the entries raise an alarm.
 */
@Component
class SelfAudit {

    private static final int PAGE = 10_000;

    /** What an audit found. */
    public record Report(long size, int checkpoints, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Checkpoints checkpoints;
    private final TileStore tiles;
    private final ContentStore content;
    private final NoteKey.Signer signer;
    private final Clock clock;

    private final EachTenant background;

    SelfAudit(JdbcClient jdbc, TransactionTemplate tx, Checkpoints checkpoints, TileStore tiles, ContentStore content,
            NoteKey.Signer signer, Clock clock, EachTenant background) {
        this.background = background;
        this.jdbc = jdbc;
        this.tx = tx;
        this.checkpoints = checkpoints;
        this.tiles = tiles;
        this.content = content;
        this.signer = signer;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.evidence.audit-interval:10m}", initialDelayString = "${candor.evidence.audit-interval:10m}")
    void auditAll() {
        background.run("The evidence self-audit", this::run);
    }

    /** Audits the current tenant's log, records the result, and alarms on any problem. */
    public Report run() {
        Report report = tx.execute(s -> audit());
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO evidence_audit (tenant_id, id, at, size, ok, problems)
                            VALUES (:tenant, :id, :at, :size, :ok, :problems)""")
                    .param("tenant", TenantContext.require()).param("id", Ids.newId()).param("at", utc(clock.instant()))
                    .param("size", report.size()).param("ok", report.ok())
                    .param("problems", report.problems().toArray(String[]::new)).update();
            report.problems().forEach(checkpoints::alarm);
        });
        return report;
    }

    private Report audit() {
        List<String> problems = new ArrayList<>();
        List<Checkpoints.Stored> signed = checkpoints.all();
        NoteKey.Verifier key = signer.verifier();
        for (Checkpoints.Stored c : signed) {
            try {
                Checkpoint parsed = Checkpoint.open(c.note(), key);
                if (parsed.size() != c.size() || !Arrays.equals(parsed.root(), c.root())
                        || !parsed.origin().equals(checkpoints.origin())) {
                    problems.add("checkpoint of size " + c.size() + ": its signed note says something else");
                }
            } catch (VerificationException e) {
                problems.add("checkpoint of size " + c.size() + ": " + e.getMessage());
            }
        }
        CompactRange range = new CompactRange();
        int next = 0; // the next checkpoint to compare
        long expected = 0;
        while (true) {
            List<EvidenceLog.Stored> page = jdbc.sql("""
                            SELECT idx, type, at, subject, entry FROM evidence_entry
                            WHERE idx >= :from ORDER BY idx LIMIT :limit""")
                    .param("from", expected).param("limit", PAGE)
                    .query((rs, n) -> new EvidenceLog.Stored(rs.getLong("idx"), rs.getString("type"),
                            rs.getObject("at", OffsetDateTime.class).toInstant(),
                            HexFormat.of().formatHex(rs.getBytes("subject")), rs.getBytes("entry"))).list();
            for (EvidenceLog.Stored e : page) {
                if (e.index() != expected) {
                    problems.add("entries " + expected + " to " + (e.index() - 1) + " are missing: deleted from the log");
                    return new Report(expected, signed.size(), problems);
                }
                checkContent(e, problems);
                range.add(Merkle.leafHash(e.entry()));
                expected++;
                while (next < signed.size() && signed.get(next).size() == expected) {
                    if (!Arrays.equals(range.root(), signed.get(next).root())) {
                        problems.add("the entries do not match the signed checkpoint of size " + expected
                                + ": an entry up to index " + (expected - 1) + " was changed, reordered or replaced");
                    }
                    next++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (next < signed.size()) {
            problems.add("the log holds " + expected + " entries but a checkpoint of size "
                    + signed.get(signed.size() - 1).size() + " was signed: the log was truncated");
        }
        if (expected > 0) {
            try {
                if (!Arrays.equals(new TileHashes(tiles.source()).root(expected), range.root())) {
                    problems.add("the tiles disagree with the entries at size " + expected);
                }
            } catch (IllegalStateException e) {
                problems.add("the tiles are incomplete: " + e.getMessage());
            }
        }
        return new Report(expected, signed.size(), problems);
    }

    private void checkContent(EvidenceLog.Stored e, List<String> problems) {
        try {
            for (String h : Entry.decode(e.entry()).contents()) {
                content.get(h).ifPresent(bytes -> {
                    if (!Entry.contentHash(bytes).equals(h)) {
                        problems.add("content " + h + " of entry " + e.index() + " was changed");
                    }
                });
            }
        } catch (VerificationException ex) {
            problems.add("entry " + e.index() + " cannot be read: " + ex.getMessage());
        }
    }

    /** The roots of a growing tree with O(log n) memory: the perfect subtrees along its right edge. */
    static final class CompactRange {

        private final List<byte[]> hashes = new ArrayList<>();
        private long size;

        void add(byte[] leaf) {
            byte[] h = leaf;
            for (long s = size; (s & 1) == 1; s >>= 1) {
                h = Merkle.nodeHash(hashes.removeLast(), h);
            }
            hashes.add(h);
            size++;
        }

        byte[] root() {
            byte[] r = hashes.getLast();
            for (int i = hashes.size() - 2; i >= 0; i--) {
                r = Merkle.nodeHash(hashes.get(i), r);
            }
            return r;
        }
    }
}
