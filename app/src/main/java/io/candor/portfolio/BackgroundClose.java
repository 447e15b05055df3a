package io.candor.portfolio;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the end-of-day close the business-day page starts in the background (one close at a time per process),
 * so the page can show its progress while it runs; a close already running for the tenant's date is not started
 * twice. A close interrupted by a stop resumes from its checkpoint when it is started again.
 */
@Component
class BackgroundClose implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundClose.class);

    private final EndOfDayClose close;
    private final Tenants tenants;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("eod-close")
            .factory());
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    BackgroundClose(EndOfDayClose close, Tenants tenants) {
        this.close = close;
        this.tenants = tenants;
    }

    /** Starts closing the tenant's business date; returns the date being closed. */
    LocalDate start() {
        UUID tenant = TenantContext.require();
        LocalDate date = tenants.businessDate(tenant);
        String key = tenant + ":" + date;
        if (running.add(key)) {
            worker.submit(() -> TenantContext.run(tenant, () -> {
                try {
                    close.close(date);
                } catch (RuntimeException e) {
                    log.warn("The close of {} for tenant {} stopped; closing again resumes it", date, tenant, e);
                } finally {
                    running.remove(key);
                }
            }));
        }
        return date;
    }

    /** Whether this process is closing the date for the current tenant now. */
    boolean isRunning(LocalDate date) {
        return running.contains(TenantContext.require() + ":" + date);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
