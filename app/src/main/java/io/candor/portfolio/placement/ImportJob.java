package io.candor.portfolio.placement;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An import of one file: its status and counts as the API shows them. */
public record ImportJob(UUID id, Kind kind, String fileName, String sha256, long sizeBytes, @Nullable String profile,
                        String creditor, String portfolio, Status status, long read, long imported, long updated,
                        long rejected, @Nullable String error, Instant createdAt, @Nullable Instant startedAt,
                        @Nullable Instant finishedAt, @Nullable Progress progress) {

    /**
     * A placement adds or updates accounts; a recall closes them; a payment file posts payments by creditor
     * reference; an exchange-rate file stores daily rates.
     */
    public enum Kind { PLACEMENT, RECALL, PAYMENT, EXCHANGE_RATE }

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** While running: how far the file has been read, for progress bars. */
    public record Progress(long rowsRead, long bytesRead, long bytesTotal) {
    }
}
