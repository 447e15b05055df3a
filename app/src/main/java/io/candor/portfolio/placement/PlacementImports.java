package io.candor.portfolio.placement;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.identity.Role;
import io.candor.privacy.PersonalField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Placement, recall, payment and exchange-rate imports, for the API, the demo and the benchmarks: an upload is stored
 * and hashed ({@link ImportUploads}), then imported in one transaction ({@link ImportWorker}, with
 * {@link AccountsImport} or {@link LedgerImport}): a crash or kill leaves no partial accounts and the job shows as
 * failed; the same content imported again is a no-op.
 */
@Service
public class PlacementImports {

    public record Request(ImportJob.Kind kind, String fileName, @Nullable String profile, @Nullable String creditor,
                          @Nullable String portfolio, String requestedBy) {
    }

    private final ImportUploads uploads;
    private final ImportWorker worker;
    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final AuditTrail audit;

    PlacementImports(ImportUploads uploads, ImportWorker worker, ImportJobs jobs, ImportProfiles profiles,
            AuditTrail audit) {
        this.uploads = uploads;
        this.worker = worker;
        this.jobs = jobs;
        this.profiles = profiles;
        this.audit = audit;
    }

    /** The names of the tenant's mapping profiles. */
    public List<String> profiles() {
        return profiles.names();
    }

    /** Stores the file and starts its import in the background; returns the job (an earlier one for a repeat). */
    public ImportJob submit(Request request, InputStream content) throws IOException {
        PreparedImport p = uploads.prepare(request, content);
        if (p.repeat() != null) {
            return p.repeat();
        }
        worker.submit(p);
        return jobs.find(p.job()).orElseThrow();
    }

    /** Imports in the caller's thread (the demo, the benchmark); returns the finished job. */
    public ImportJob importNow(Request request, InputStream content) throws IOException {
        PreparedImport p = uploads.prepare(request, content);
        ImportJob repeat = p.repeat();
        if (repeat == null) {
            worker.run(p);
        }
        return find(repeat != null ? repeat.id() : p.job()).orElseThrow();
    }

    /** A job with live progress while it runs. */
    public Optional<ImportJob> find(UUID id) {
        return jobs.find(id).map(j -> worker.progress(id).map(live -> new ImportJob(j.id(), j.kind(), j.fileName(),
                j.sha256(), j.sizeBytes(), j.profile(), j.creditor(), j.portfolio(), j.status(), live.rowsRead(),
                j.imported(), j.updated(), j.rejected(), j.error(), j.createdAt(), j.startedAt(), j.finishedAt(), live))
                .orElse(j));
    }

    public List<ImportJob> recent(int limit) {
        return jobs.recent(limit);
    }

    /**
     * The rejected rows of a job, with their line, column, reason and text: masked, or raw for the roles that see
     * personal data unmasked ({@link io.candor.privacy.PersonalField#NATIONAL_ID}); reading them is audited.
     */
    public List<ImportRejection> rejections(UUID job, long afterSeq, int limit,
            Set<Role> roles) {
        boolean raw = PersonalField.NATIONAL_ID.unmaskedFor(roles);
        audit.record(new AuditEntry(AuditAction.DEBTOR_DATA_READ, "import_rejections", job.toString(), "IMPORT_REVIEW",
                Map.of("unmasked", raw)));
        return jobs.rejections(job, afterSeq, limit, raw);
    }

    /** Where each canonical column is in the file; missing required columns refuse the whole file. */
    static Map<CanonicalColumn, Integer> columns(List<String> header, ImportProfile profile, ImportJob.Kind kind) {
        return AccountsImport.columns(header, profile, kind);
    }
}
