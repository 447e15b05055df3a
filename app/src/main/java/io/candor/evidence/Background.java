package io.candor.evidence;

import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/** Background work on every tenant's log (sequencing, checkpoints, self-audit); none starts once the application closes. */
@Component
class Background implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private final Tenants tenants;
    private volatile boolean closing;

    Background(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Runs {@code work} in each tenant's context; a failure is logged and that tenant retried next time. */
    void forEachTenant(String what, Runnable work) {
        for (UUID tenant : tenants.allIds()) {
            if (closing) {
                return;
            }
            try {
                TenantContext.run(tenant, work);
            } catch (RuntimeException e) {
                log.error("{} for tenant {} failed; it will be retried", what, tenant, e);
            }
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }
}
