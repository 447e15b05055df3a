package io.candor.portfolio.placement;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.candor.platform.Failures;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.micrometer.core.instrument.Metrics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a prepared import in one transaction — in the background (two workers) or in the caller's thread: the same
 * content uploaded twice at once waits for the first and then finds it done; a failure leaves nothing written and
 * the job FAILED with a message that says what to fix; the spooled upload is deleted either way.
 */
@Component
class ImportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ImportJobs jobs;
    private final AccountsImport accounts;
    private final LedgerImport ledger;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("import-", 1).factory());
    private final Map<UUID, ImportJob.Progress> progress = new ConcurrentHashMap<>();

    ImportWorker(JdbcClient jdbc, TransactionTemplate tx, ImportJobs jobs, AccountsImport accounts, LedgerImport ledger) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.jobs = jobs;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /** Runs the import in the background, in the current tenant. */
    void submit(PreparedImport p) {
        UUID tenant = TenantContext.require();
        workers.submit(() -> TenantContext.run(tenant, () -> run(p)));
    }

    /** How far a running import has read, if it runs. */
    Optional<ImportJob.Progress> progress(UUID job) {
        return Optional.ofNullable(progress.get(job));
    }

    /** Runs the import in the caller's thread. */
    void run(PreparedImport p) {
        UUID tenant = TenantContext.require();
        long started = System.nanoTime();
        try {
            jobs.started(p.job());
            tx.executeWithoutResult(s -> importFile(tenant, p));
            Metrics.counter("candor.imports", "kind", p.request().kind().name(),
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
            Metrics.counter("candor.imports", "kind", p.request().kind().name(),
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

    private void importFile(UUID tenant, PreparedImport p) {
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
            case PLACEMENT, RECALL -> accounts.run(tenant, p, read -> progress.put(p.job(), read));
            case PAYMENT, EXCHANGE_RATE -> ledger.run(tenant, p);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (Throwable c = t.getCause(); c != null && c != t; c = t.getCause()) {
            t = c;
        }
        return Failures.messageOf(t);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
