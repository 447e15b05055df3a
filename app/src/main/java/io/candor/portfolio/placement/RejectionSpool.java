package io.candor.portfolio.placement;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * Rejected rows, spooled to a temporary file while the staging COPY holds the connection, then copied into
 * the quarantine in the same transaction: memory stays flat however many rows are bad. Each keeps a bounded prefix
 * of its raw text and the same row masked ({@link RejectedText}).
 */
final class RejectionSpool implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;
    private final UUID tenant;
    private final UUID job;
    private long seq;
    private long rows;

    private final RejectedText text;

    RejectionSpool(UUID tenant, UUID job, RejectedText text) throws IOException {
        this.tenant = tenant;
        this.job = job;
        this.text = text;
        this.file = Files.createTempFile("candor-rejections-", ".copy");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void reject(TabularFile.Row row, List<RowValidator.Problem> problems) throws IOException {
        rows++;
        String raw = escape(RejectedText.bounded(row.raw()));
        String masked = escape(text.masked(row));
        for (RowValidator.Problem p : problems) {
            out.append(tenant.toString()).append('\t').append(job.toString()).append('\t')
                    .append(Long.toString(++seq)).append('\t').append(Long.toString(row.line())).append('\t')
                    .append(p.column() == null ? "\\N" : escape(p.column())).append('\t')
                    .append(escape(p.reason())).append('\t').append(raw).append('\t').append(masked).append('\n');
        }
    }

    /** Rejected rows so far (a row with several problems counts once). */
    long rows() {
        return rows;
    }

    /** The last sequence number used, so later rejections continue after it. */
    long lastSeq() {
        return seq;
    }

    /**
     * Moves the spooled rejections into the quarantine. COPY cannot write a table under row-level security, so
     * it fills a temporary table first; the INSERT from it is checked by the policy like any other.
     */
    void copyInto(Connection connection) throws IOException, SQLException {
        out.close();
        if (seq == 0) {
            return;
        }
        try (Statement s = connection.createStatement();
             Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            s.execute("CREATE TEMP TABLE import_rejects (LIKE import_rejection) ON COMMIT DROP");
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY import_rejects (tenant_id, job_id, seq, line, col, reason, raw, raw_masked) FROM STDIN", in);
            s.execute("INSERT INTO import_rejection SELECT * FROM import_rejects");
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
