package io.candor.portfolio.placement;

import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.web.BadRequestException;
import io.candor.portfolio.Creditors;
import io.candor.portfolio.ExchangeRates;
import io.candor.portfolio.Payments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** A payment or exchange-rate file, in the import's transaction, through portfolio's payments and rates. */
@Component
class LedgerImport {

    private final LedgerFiles ledger;
    private final DataSource dataSource;
    private final ImportJobs jobs;
    private final Creditors creditors;
    private final AuditTrail audit;

    LedgerImport(JdbcClient jdbc, Payments payments, ExchangeRates rates, DataSource dataSource, ImportJobs jobs,
            Creditors creditors, AuditTrail audit) {
        this.ledger = new LedgerFiles(jdbc, payments, rates);
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.creditors = creditors;
        this.audit = audit;
    }

    /** Payment and exchange-rate files, in the import's transaction. */
    void run(UUID tenant, PreparedImport p) {
        try (TabularFile file = TabularFile.open(p.file(), p.profile());
             RejectionSpool rejections = new RejectionSpool(tenant, p.job(), RejectedText.unmapped())) {
            String source = "FILE:" + p.request().fileName();
            LedgerFiles.Counts counts = p.request().kind() == ImportJob.Kind.PAYMENT
                    ? ledger.payments(file, p.creditorIn(creditors), source, rejections)
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
}
