package io.candor.portal;

import static io.candor.platform.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Hold;
import io.candor.compliance.gate.Holds;
import io.candor.evidence.ContentStore;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.verify.Merkle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dispute from the debtor: the DISPUTE hold stops collection at once, and each document (PDF, JPEG or PNG, checked
 * by its first bytes, at most {@value #MAX_FILES} of {@value #MAX_BYTES} bytes each) is kept in the evidence log's
 * content store, listed against the account with its SHA-256.
 */
@Service
public class DisputeDocuments {

    static final int MAX_FILES = 5;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A file as uploaded. */
    record Upload(String name, String contentType, byte[] bytes) {
    }

    /** A document filed on an account, as staff list it. */
    public record Document(UUID id, String fileName, String contentType, long sizeBytes, String sha256,
                           OffsetDateTime uploadedAt) {
    }

    /** A document's bytes, for download. */
    public record File(Document document, byte[] bytes) {

        /** The file as an attachment of its checked type, never rendered inline. */
        public ResponseEntity<byte[]> attachment() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(document.contentType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(document.fileName(), StandardCharsets.UTF_8).build()
                                    .toString())
                    .body(bytes);
        }
    }

    private final JdbcClient jdbc;
    private final Holds holds;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContentStore content;
    private final AuditTrail audit;

    DisputeDocuments(JdbcClient jdbc, Holds holds, ApplicationEventPublisher events, Clock clock,
            ContentStore content, AuditTrail audit) {
        this.content = content;
        this.audit = audit;
        this.jdbc = jdbc;
        this.holds = holds;
        this.events = events;
        this.clock = clock;
    }

    /** What is wrong with an upload (a message key), or null. */
    static @Nullable String problem(Upload u) {
        if (u.bytes().length > MAX_BYTES) {
            return "too-big";
        }
        return type(u.bytes()) == null ? "wrong-type" : null;
    }

    /** The type the file's first bytes show: PDF, JPEG or PNG. */
    static @Nullable String type(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return "image/png";
        }
        return null;
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Transactional
    public UUID dispute(UUID account, String reason, List<Upload> uploads, String by) {
        UUID hold = holds.set(account, Hold.DISPUTE, "Disputed in the debtor portal: " + reason, null, by).id();
        for (Upload u : uploads) {
            byte[] sha = Merkle.sha256().digest(u.bytes());
            String type = type(u.bytes());
            String name = u.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
            name = name.length() > 200 ? name.substring(0, 200) : name;
            UUID id = Ids.newId();
            jdbc.sql("""
                            INSERT INTO dispute_document (tenant_id, id, account_id, hold_id, file_name, content_type,
                                                          size_bytes, sha256, uploaded_at)
                            VALUES (:t, :id, :a, :hold, :name, :type, :size, :sha, :now)""")
                    .param("t", TenantContext.require()).param("id", id).param("a", account).param("hold", hold)
                    .param("name", name).param("type", type).param("size", u.bytes().length)
                    .param("sha", sha).param("now", utc(clock.instant())).update();
            events.publishEvent(new EvidenceEvent(EvidenceType.DISPUTE_DOCUMENT, EvidenceEvent.Subject.account(account), by,
                    clock.instant(), Map.of("document", id.toString(), "hold", hold.toString(), "contentType",
                    type, "bytes", Integer.toString(u.bytes().length)), List.of(u.bytes())));
        }
        return hold;
    }

    /** The documents filed on an account, oldest first. */
    public List<Document> of(UUID account) {
        return jdbc.sql("""
                        SELECT id, file_name, content_type, size_bytes, encode(sha256, 'hex'), uploaded_at
                        FROM dispute_document WHERE account_id = :a ORDER BY uploaded_at, id""")
                .param("a", account)
                .query((rs, n) -> new Document(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /**
     * A document's bytes from the evidence log's content store, checked against the hash recorded at upload; the
     * read is audited as a read of the debtor's data. Empty when the document is not on the account or its content
     * was erased under retention rules.
     */
    public Optional<File> read(UUID account, UUID document, String purpose) {
        Optional<Document> d = of(account).stream().filter(x -> x.id().equals(document)).findFirst();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = content.verified(d.get().sha256());
        bytes.ifPresent(b -> audit.record(AuditEntry.read("account", account, purpose)
                .withDetail(Map.of("document", document.toString()))));
        return bytes.map(b -> new File(d.get(), b));
    }
}
