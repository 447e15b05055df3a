package io.candor.portfolio.placement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.identity.Role;
import io.candor.platform.CandorProperties;
import io.candor.platform.Failures;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.portfolio.Creditors;
import io.candor.portfolio.ExchangeRates;
import io.candor.portfolio.Payments;
import io.candor.privacy.FieldCipher;
import io.candor.privacy.PersonalField;
import io.candor.privacy.SearchHash;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placement and recall imports. A file is stored and hashed, then imported in one transaction: a crash or
 * kill leaves no partial accounts and the job shows as failed; the same content imported again is a no-op.
 */
@Service
public class PlacementImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlacementImports.class);

    /** A file to import, with the caller's choices. */
    public record Request(ImportJob.Kind kind, String fileName, @Nullable String profile, @Nullable String creditor,
                          @Nullable String portfolio, String requestedBy) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final Tenants tenants;
    private final FieldCipher cipher;
    private final SearchHash searchHash;
    private final AuditTrail audit;
    private final Path spool;
    private final LedgerFiles ledger;
    private final Creditors creditors;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("import-", 1).factory());
    private final Map<UUID, ImportJob.Progress> progress = new ConcurrentHashMap<>();

    PlacementImports(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, ImportJobs jobs,
            ImportProfiles profiles, Tenants tenants, FieldCipher cipher, SearchHash searchHash, AuditTrail audit,
            CandorProperties properties, Payments payments, ExchangeRates rates, Creditors creditors) {
        this.ledger = new LedgerFiles(jdbc, payments, rates);
        this.creditors = creditors;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.jobs = jobs;
        this.profiles = profiles;
        this.tenants = tenants;
        this.cipher = cipher;
        this.searchHash = searchHash;
        this.audit = audit;
        this.spool = properties.dataDir().resolve("imports");
    }

    /** Stores the file and starts its import in the background; returns the job (an earlier one for a repeat). */
    public ImportJob submit(Request request, InputStream content) throws IOException {
        Prepared p = prepare(request, content);
        if (p.repeat() != null) {
            return p.repeat();
        }
        UUID tenant = TenantContext.require();
        workers.submit(() -> TenantContext.run(tenant, () -> run(p)));
        return jobs.find(p.job()).orElseThrow();
    }

    /** Imports in the caller's thread (the demo, the benchmark); returns the finished job. */
    public ImportJob importNow(Request request, InputStream content) throws IOException {
        Prepared p = prepare(request, content);
        if (p.repeat() == null) {
            run(p);
        }
        return find(p.repeat() != null ? p.repeat().id() : p.job()).orElseThrow();
    }

    /** A job with live progress while it runs. */
    public Optional<ImportJob> find(UUID id) {
        return jobs.find(id).map(j -> {
            ImportJob.Progress live = progress.get(id);
            return live == null ? j : new ImportJob(j.id(), j.kind(), j.fileName(), j.sha256(), j.sizeBytes(),
                    j.profile(), j.creditor(), j.portfolio(), j.status(), live.rowsRead(), j.imported(), j.updated(),
                    j.rejected(), j.error(), j.createdAt(), j.startedAt(), j.finishedAt(), live);
        });
    }

    public List<ImportJob> recent(int limit) {
        return jobs.recent(limit);
    }

    /**
     * The rejected rows of a job, with their line, column, reason and text: masked, or raw for the roles that see
     * personal data unmasked ({@link io.candor.privacy.PersonalField#NATIONAL_ID}); reading them is audited.
     */
    public List<ImportJobs.Rejection> rejections(UUID job, long afterSeq, int limit,
            Set<Role> roles) {
        boolean raw = PersonalField.NATIONAL_ID.unmaskedFor(roles);
        audit.record(new AuditEntry(AuditAction.DEBTOR_DATA_READ, "import_rejections", job.toString(), "IMPORT_REVIEW",
                Map.of("unmasked", raw)));
        return jobs.rejections(job, afterSeq, limit, raw);
    }

    private record Prepared(UUID job, Path file, ImportProfile profile, Request request, String creditor,
                            String portfolio, byte[] digest, @Nullable ImportJob repeat) {
    }

    private Prepared prepare(Request request, InputStream content) throws IOException {
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
            return new Prepared(earlier.get().id(), file, profile, request, "", "", digest, earlier.get());
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
        return new Prepared(id, file, profile, request, creditor, portfolio, digest, null);
    }

    private void run(Prepared p) {
        UUID tenant = TenantContext.require();
        long started = System.nanoTime();
        try {
            jobs.started(p.job());
            tx.executeWithoutResult(s -> importFile(tenant, p));
            io.micrometer.core.instrument.Metrics.counter("candor.imports", "kind", p.request().kind().name(),
                    "status", "SUCCEEDED").increment();
            log.info("Import {} ({}) finished in {} ms", p.job(), p.request().fileName(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            String message = e instanceof TabularFile.UnreadableFile || e instanceof BadRequestException
                    ? Failures.messageOf(e) : "The import failed and changed nothing: " + rootMessage(e);
            if (!(e instanceof TabularFile.UnreadableFile)) {
                log.warn("Import {} failed", p.job(), e);
            }
            tx.executeWithoutResult(s -> jobs.failed(p.job(), message));
            io.micrometer.core.instrument.Metrics.counter("candor.imports", "kind", p.request().kind().name(),
                    "status", "FAILED").increment();
        } finally {
            progress.remove(p.job());
            try {
                Files.deleteIfExists(p.file());
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", p.file(), e.getMessage());
            }
        }
    }

    private void importFile(UUID tenant, Prepared p) {
        // the same file uploaded twice at once: the second waits for the first, then finds it done
        byte[] digest = p.digest();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "import:" + tenant + ":" + p.request().kind() + ":" + HexFormat.of()
                        .formatHex(digest))
                .query((rs, n) -> 0).single();
        Optional<ImportJob> done = jobs.succeededWith(p.request().kind(), digest)
                .filter(j -> !j.id().equals(p.job()));
        if (done.isPresent()) {
            throw new TabularFile.UnreadableFile("The same file was imported by job " + done.get().id() + " at the same "
                    + "moment; this copy changed nothing (it is not needed).");
        }
        switch (p.request().kind()) {
            case PLACEMENT, RECALL -> importAccounts(tenant, p);
            case PAYMENT, EXCHANGE_RATE -> importLedger(tenant, p);
        }
    }

    /** Payment and exchange-rate files, in the import's transaction. */
    private void importLedger(UUID tenant, Prepared p) {
        try (TabularFile file = TabularFile.open(p.file(), p.profile());
             RejectionSpool rejections = new RejectionSpool(tenant, p.job(), RejectedText.unmapped())) {
            String source = "FILE:" + p.request().fileName();
            LedgerFiles.Counts counts = p.request().kind() == ImportJob.Kind.PAYMENT
                    ? ledger.payments(file, creditor(p), source, rejections)
                    : ledger.rates(file, source);
            rejections.copyInto(DataSourceUtils.getConnection(dataSource));
            jobs.succeeded(p.job(), counts.read(), counts.posted(), counts.repeated(), counts.rejected());
            audit.record(AuditEntry.of(AuditAction.IMPORT_SUCCEEDED, "import_job", p.job()).withDetail(Map.of(
                    "kind", p.request().kind().name(), "read", counts.read(), "posted", counts.posted(),
                    "rejected", counts.rejected())));
        } catch (TabularFile.UnreadableFile | BadRequestException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void importAccounts(UUID tenant, Prepared p) {
        ImportJob.Kind kind = p.request().kind();
        LocalDate businessDate = tenants.businessDate(tenant);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (TabularFile file = TabularFile.open(p.file(), p.profile());
             Quarantine q = quarantine(tenant, p, file, kind);
             StagingTable staging = StagingTable.create(connection)) {
            Map<CanonicalColumn, Integer> index = q.index();
            RejectionSpool rejections = q.spool();
            RowValidator validator = new RowValidator(kind, p.profile(), index, file.header().size(), file.isWorkbook(),
                    businessDate, tenant, cipher, searchHash);
            long total = Files.size(p.file());
            long read = 0;
            long t0 = System.nanoTime();
            var rows = file.rows();
            while (rows.hasNext()) {
                TabularFile.Row row = rows.next();
                read++;
                switch (validator.validate(row)) {
                    case RowValidator.Result.Valid v -> staging.add(v.row());
                    case RowValidator.Result.Rejected r -> rejections.reject(row, r.problems());
                }
                if ((read & 1023) == 0) {
                    progress.put(p.job(), new ImportJob.Progress(read, file.bytesRead(), total));
                }
            }
            staging.finish();
            rejections.copyInto(connection);
            long t1 = System.nanoTime();
            PlacementMerge merge = new PlacementMerge(jdbc);
            long duplicates = merge.rejectDuplicates(tenant, p.job(), rejections.lastSeq());
            UUID creditor = creditor(p);
            PlacementMerge.Counts counts = kind == ImportJob.Kind.RECALL
                    ? merge.recall(tenant, p.job(), creditor, rejections.lastSeq() + duplicates)
                    : merge.placement(tenant, creditor, creditors.ensurePortfolio(creditor, p.portfolio(), p.request().fileName(), businessDate), businessDate);
            log.info("Import {}: {} rows read, validated and staged in {} ms; merged in {} ms", p.job(), read,
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            long rejected = rejections.rows() + duplicates + counts.rejected();
            jobs.succeeded(p.job(), read, counts.imported(), counts.updated(), rejected);
            audit.record(AuditEntry.of(AuditAction.IMPORT_SUCCEEDED, "import_job", p.job()).withDetail(Map.of(
                    "read", read, "imported", counts.imported(), "updated", counts.updated(), "rejected", rejected)));
        } catch (TabularFile.UnreadableFile | BadRequestException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The file's column mapping and the spool its rejected rows go to, masked by that mapping. */
    private record Quarantine(Map<CanonicalColumn, Integer> index, RejectionSpool spool) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            spool.close();
        }
    }

    private static Quarantine quarantine(UUID tenant, Prepared p, TabularFile file, ImportJob.Kind kind)
            throws IOException {
        Map<CanonicalColumn, Integer> index = columns(file.header(), p.profile(), kind);
        return new Quarantine(index, new RejectionSpool(tenant, p.job(), new RejectedText(index, file.header().size())));
    }

    /** Where each canonical column is in the file; missing required columns refuse the whole file. */
    static Map<CanonicalColumn, Integer> columns(List<String> header, ImportProfile profile, ImportJob.Kind kind) {
        Map<CanonicalColumn, Integer> index = new EnumMap<>(CanonicalColumn.class);
        for (int i = 0; i < header.size(); i++) {
            int at = i;
            profile.columnFor(header.get(i)).ifPresent(c -> {
                if (index.putIfAbsent(c, at) != null) {
                    throw new TabularFile.UnreadableFile("Columns " + (index.get(c) + 1) + " and " + (at + 1)
                            + " both map to " + c.header() + ": keep one, or fix the profile's column names.");
                }
            });
        }
        List<String> missing = Arrays.stream(CanonicalColumn.values())
                .filter(c -> c.requiredIn(kind) && !index.containsKey(c) && profile.defaultFor(c) == null)
                .map(CanonicalColumn::header).toList();
        if (!missing.isEmpty()) {
            throw new TabularFile.UnreadableFile("The file lacks the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + ". Its header is " + header
                    + ". Add them, or map the creditor's own names with an import profile.");
        }
        return index;
    }

    private UUID creditor(Prepared p) {
        if (p.request().kind() == ImportJob.Kind.PLACEMENT) {
            String country = p.profile().defaultFor(CanonicalColumn.COUNTRY);
            return creditors.ensure(p.creditor(), country == null ? "ZZ" : country);
        }
        return creditors.find(p.creditor()).orElseThrow(() -> new BadRequestException(
                "There is no creditor '" + p.creditor() + "': place accounts for it first."));
    }

    private static String firstNonBlank(@Nullable String a, @Nullable String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : fallback;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (Throwable c = t.getCause(); c != null && c != t; c = t.getCause()) {
            t = c;
        }
        return Failures.messageOf(t);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
