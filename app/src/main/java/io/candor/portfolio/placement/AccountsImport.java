package io.candor.portfolio.placement;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.web.BadRequestException;
import io.candor.portfolio.Creditors;
import io.candor.privacy.FieldCipher;
import io.candor.privacy.SearchHash;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * A placement or recall file, in the import's transaction: every row validated ({@link RowValidator}) and staged with
 * {@code COPY}, rejected rows spooled and kept, then merged ({@link PlacementMerge}) into the creditor's portfolio.
 */
@Component
class AccountsImport {

    private static final Logger log = LoggerFactory.getLogger(AccountsImport.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ImportJobs jobs;
    private final Tenants tenants;
    private final FieldCipher cipher;
    private final SearchHash searchHash;
    private final Creditors creditors;
    private final AuditTrail audit;

    AccountsImport(JdbcClient jdbc, DataSource dataSource, ImportJobs jobs, Tenants tenants, FieldCipher cipher,
            SearchHash searchHash, Creditors creditors, AuditTrail audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.tenants = tenants;
        this.cipher = cipher;
        this.searchHash = searchHash;
        this.creditors = creditors;
        this.audit = audit;
    }

    /** Imports the file; {@code progress} hears how far reading has come every 1,024 rows. */
    void run(UUID tenant, PreparedImport p, Consumer<ImportJob.Progress> progress) {
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
                    progress.accept(new ImportJob.Progress(read, file.bytesRead(), total));
                }
            }
            staging.finish();
            rejections.copyInto(connection);
            long t1 = System.nanoTime();
            PlacementMerge merge = new PlacementMerge(jdbc);
            long duplicates = merge.rejectDuplicates(tenant, p.job(), rejections.lastSeq());
            UUID creditor = p.creditorIn(creditors);
            PlacementMerge.Counts counts = kind == ImportJob.Kind.RECALL
                    ? merge.recall(tenant, p.job(), creditor, rejections.lastSeq() + duplicates)
                    : merge.placement(tenant, creditor, creditors.ensurePortfolio(creditor, p.portfolio(), p.request().fileName(),
                            businessDate), businessDate);
            log.info("Import {}: {} rows read, validated and staged in {} ms; merged in {} ms", p.job(), read,
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            long rejected = rejections.rows() + duplicates + counts.rejected();
            Integer max = tenants.limits(tenant).maxAccounts();
            if (max != null && counts.imported() > 0) {
                long now = jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
                if (now > max) {
                    // the whole file is refused: the transaction rolls back, nothing of it stays
                    throw new BadRequestException("This file would bring the organisation to " + now + " accounts; its "
                            + "limit is " + max + " (set by the platform operator). Nothing was imported: ask the "
                            + "operator to raise the limit, or place fewer accounts.");
                }
            }
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

    private static Quarantine quarantine(UUID tenant, PreparedImport p, TabularFile file, ImportJob.Kind kind)
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
}
