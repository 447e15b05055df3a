package io.candor.portfolio.placement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.CandorProperties;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an upload: spools it to {@code data-dir/imports/<tenant>/<job>.upload} while hashing it (SHA-256), finds an
 * earlier import of the same content (then nothing is done again), and creates the job with its creditor and
 * portfolio codes — audited.
 */
@Component
class ImportUploads {

    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Path spool;

    ImportUploads(ImportJobs jobs, ImportProfiles profiles, Tenants tenants, AuditTrail audit, TransactionTemplate tx,
            CandorProperties properties) {
        this.jobs = jobs;
        this.profiles = profiles;
        this.tenants = tenants;
        this.audit = audit;
        this.tx = tx;
        this.spool = properties.dataDir().resolve("imports");
    }

    /** Stores the upload and creates its job; for content imported before, the earlier job as {@code repeat}. */
    PreparedImport prepare(PlacementImports.Request request, InputStream content) throws IOException {
        UUID tenant = TenantContext.require();
        ImportProfile profile = request.profile() == null ? ImportProfile.CANONICAL
                : profiles.find(request.profile()).orElseThrow(() -> new BadRequestException("There is no import profile '"
                + request.profile() + "'. Create it with PUT /api/v1/import-profiles/" + request.profile() + "."));
        UUID id = Ids.newId();
        Path dir = Files.createDirectories(spool.resolve(tenant.toString()));
        Path file = dir.resolve(id + ".upload");
        MessageDigest sha = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            size = content.transferTo(out);
        }
        byte[] digest = sha.digest();
        if (size == 0) {
            Files.deleteIfExists(file);
            throw new BadRequestException("The file is empty: send a CSV or XLSX placement file.");
        }
        Optional<ImportJob> earlier = jobs.succeededWith(request.kind(), digest);
        if (earlier.isPresent()) {
            Files.deleteIfExists(file);
            return new PreparedImport(earlier.get().id(), file, profile, request, "", "", digest, earlier.get());
        }
        String creditor = firstNonBlank(request.creditor(), profile.creditor(),
                tenants.find(tenant).orElseThrow().slug()).toUpperCase(Locale.ROOT);
        String portfolio = firstNonBlank(request.portfolio(), null,
                // the id's random end: a time-ordered id starts alike for files imported within a minute
                creditor + "-" + tenants.businessDate(tenant) + "-" + id.toString().substring(28));
        tx.executeWithoutResult(s -> {
            jobs.insert(id, request.kind(), request.fileName(), digest, size, request.profile(), creditor, portfolio,
                    request.requestedBy());
            audit.record(AuditEntry.of(AuditAction.IMPORT_SUBMITTED, "import_job", id).withDetail(Map.of(
                    "kind", request.kind().name(), "file", request.fileName(), "bytes", size)));
        });
        return new PreparedImport(id, file, profile, request, creditor, portfolio, digest, null);
    }

    private static String firstNonBlank(@Nullable String a, @Nullable String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : fallback;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
