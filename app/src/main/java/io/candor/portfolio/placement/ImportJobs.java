package io.candor.portfolio.placement;

import static io.candor.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Import jobs and their rejections in PostgreSQL (row-level security: the current tenant's only). */
@Component
class ImportJobs {

    private static final String COLUMNS = "id, kind, file_name, content_sha256, size_bytes, profile, creditor_code, "
            + "portfolio_code, status, rows_read, imported, updated, rejected, error, created_at, started_at, finished_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportJobs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(UUID id, ImportJob.Kind kind, String fileName, byte[] sha256, long size, @Nullable String profile,
            String creditor, String portfolio, String createdBy) {
        jdbc.sql("""
                        INSERT INTO import_job (tenant_id, id, kind, file_name, content_sha256, size_bytes, profile,
                                                creditor_code, portfolio_code, status, created_by, created_at)
                        VALUES (:tenant, :id, :kind, :file, :sha, :size, :profile, :creditor, :portfolio, 'QUEUED',
                                :by, :now)""")
                .param("tenant", TenantContext.require()).param("id", id).param("kind", kind.name())
                .param("file", fileName).param("sha", sha256).param("size", size).param("profile", profile)
                .param("creditor", creditor).param("portfolio", portfolio).param("by", createdBy).param("now", now())
                .update();
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = :id").param("id", id)
                .query(ImportJobs::job).optional();
    }

    /** The earlier successful import of the same content, if any. */
    Optional<ImportJob> succeededWith(ImportJob.Kind kind, byte[] sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE kind = :kind AND content_sha256 = :sha "
                        + "AND status = 'SUCCEEDED' ORDER BY id LIMIT 1")
                .param("kind", kind.name()).param("sha", sha256).query(ImportJobs::job).optional();
    }

    List<ImportJob> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(ImportJobs::job).list();
    }

    void started(UUID id) {
        jdbc.sql("UPDATE import_job SET status = 'RUNNING', started_at = :now WHERE id = :id")
                .param("now", now()).param("id", id).update();
    }

    void succeeded(UUID id, long read, long imported, long updated, long rejected) {
        jdbc.sql("""
                        UPDATE import_job SET status = 'SUCCEEDED', rows_read = :read, imported = :imported,
                               updated = :updated, rejected = :rejected, finished_at = :now WHERE id = :id""")
                .param("read", read).param("imported", imported).param("updated", updated).param("rejected", rejected)
                .param("now", now()).param("id", id).update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("UPDATE import_job SET status = 'FAILED', error = :error, finished_at = :now WHERE id = :id")
                .param("error", error).param("now", now()).param("id", id).update();
    }

    /** Jobs left queued or running by a stopped server: their transaction never committed. */
    int failInterrupted() {
        return jdbc.sql("""
                        UPDATE import_job SET status = 'FAILED', finished_at = :now,
                               error = 'The server stopped during this import; no accounts were changed. Import the file again.'
                        WHERE status IN ('QUEUED', 'RUNNING')""")
                .param("now", now()).update();
    }

    /** Rejections with their raw text ({@code raw}) or masked; rows merged before masking existed are masked now. */
    List<ImportRejection> rejections(UUID job, long afterSeq, int limit, boolean raw) {
        return jdbc.sql("""
                        SELECT seq, line, col, reason, raw, raw_masked FROM import_rejection
                        WHERE job_id = :job AND seq > :after ORDER BY seq LIMIT :limit""")
                .param("job", job).param("after", afterSeq).param("limit", limit)
                .query((rs, n) -> new ImportRejection(rs.getLong("seq"), rs.getLong("line"), rs.getString("col"),
                        raw ? rs.getString("reason") : RejectedText.maskLooksPersonal(rs.getString("reason")),
                        raw ? RejectedText.bounded(rs.getString("raw"))
                        : rs.getString("raw_masked") != null ? rs.getString("raw_masked")
                        : RejectedText.bounded(RejectedText.maskLooksPersonal(rs.getString("raw")))))
                .list();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        return new ImportJob(rs.getObject("id", UUID.class), ImportJob.Kind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), HexFormat.of().formatHex(rs.getBytes("content_sha256")),
                rs.getLong("size_bytes"), rs.getString("profile"), rs.getString("creditor_code"),
                rs.getString("portfolio_code"), ImportJob.Status.valueOf(rs.getString("status")),
                rs.getLong("rows_read"), rs.getLong("imported"), rs.getLong("updated"), rs.getLong("rejected"),
                rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "started_at"), instant(rs, "finished_at"),
                null);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
