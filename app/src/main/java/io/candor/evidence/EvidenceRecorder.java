package io.candor.evidence;

import static io.candor.platform.Timestamps.utc;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.tenant.TenantContext;
import io.candor.privacy.SearchHash;
import io.candor.verify.Entry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns published evidence events into log entries, in the publisher's transaction: the content goes to the
 * content store, the PII-free entry to {@code evidence_pending}; the sequencer gives it its index. A rolled-back
 * action leaves no entry (at most an unreferenced blob).
 */
@Component
class EvidenceRecorder {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SearchHash searchHash;
    private final ContentStore content;

    EvidenceRecorder(JdbcClient jdbc, JdbcTemplate batch, SearchHash searchHash, ContentStore content) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.searchHash = searchHash;
        this.content = content;
    }

    @EventListener
    void on(EvidenceEvent event) {
        record(event);
    }

    @EventListener
    void on(EvidenceEvent.Batch batch) {
        UUID tenant = TenantContext.require();
        List<Object[]> rows = new ArrayList<>(batch.events().size());
        for (EvidenceEvent event : batch.events()) {
            Entry entry = entry(tenant, event);
            rows.add(new Object[] {tenant, event.type(), utc(event.at()), HexFormat.of().parseHex(entry.subject()),
                    entry.encode()});
        }
        this.batch.batchUpdate("INSERT INTO evidence_pending (tenant_id, type, at, subject, entry) VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    /** Records an event; returns its place in the queue (the sequence number, not yet the log index). */
    public long record(EvidenceEvent event) {
        UUID tenant = TenantContext.require();
        Entry entry = entry(tenant, event);
        return jdbc.sql("""
                        INSERT INTO evidence_pending (tenant_id, type, at, subject, entry)
                        VALUES (:tenant, :type, :at, :subject, :entry) RETURNING seq""")
                .param("tenant", tenant).param("type", event.type()).param("at", utc(event.at()))
                .param("subject", HexFormat.of().parseHex(entry.subject())).param("entry", entry.encode())
                .query(Long.class).single();
    }

    /** The log entry of an event: content stored apart by hash, the subject by its keyed hash. */
    private Entry entry(UUID tenant, EvidenceEvent event) {
        List<String> hashes = new ArrayList<>();
        event.contents().forEach(c -> hashes.add(content.put(c)));
        String actor = event.actor() != null ? event.actor()
                : CurrentUser.find().map(u -> u.username()).orElse("system");
        return new Entry(event.type(), event.at(), actor, subjectHash(tenant, event.subject()), hashes,
                new TreeMap<>(event.facts()));
    }

    /** The keyed hash an entry names its subject by (HMAC-SHA-256 under the tenant's index key), in hex. */
    String subjectHash(UUID tenant, EvidenceEvent.Subject subject) {
        return HexFormat.of().formatHex(searchHash.of(tenant, "evidence-subject",
                subject.kind().name() + ":" + subject.id()));
    }
}
