package io.candor.portfolio.placement;

import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, imports a stopped server left queued or running are marked failed: their transaction never
 * committed, so nothing of them is in the portfolio, and the file can simply be imported again.
 * (One application node runs imports; several nodes would need a lease per job.)
 */
@Component
class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final Tenants tenants;
    private final ImportJobs jobs;

    InterruptedImports(Tenants tenants, ImportJobs jobs) {
        this.tenants = tenants;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void failInterrupted() {
        for (var tenant : tenants.allIds()) {
            int n = TenantContext.call(tenant, jobs::failInterrupted);
            if (n > 0) {
                log.warn("{} interrupted import(s) of tenant {} marked failed", n, tenant);
            }
        }
    }
}
