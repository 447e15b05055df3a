package io.candor.tenancy;

import java.util.List;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Background work on every tenant (the evidence log's sequencing, checkpoints and self-audit; sending the day's
 * planned messages), each in its own tenant context, one tenant's failure not stopping the others; none starts once
 * the application closes.
 */
@Component
public class EachTenant implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EachTenant.class);

    private final Tenants tenants;
    private volatile boolean closing;

    EachTenant(Tenants tenants) {
        this.tenants = tenants;
    }

    /**
     * Runs {@code work} in each tenant's context, suspended ones too (the evidence log keeps sequencing and signing
     * checkpoints; replies and opt-outs are still read); a failure is logged and that tenant retried next time.
     */
    public void run(String what, Runnable work) {
        runFor(tenants.allIds(), what, work);
    }

    /** Runs outbound work — sending, calling, planning, reminding — in each tenant that is not suspended. */
    public void runActive(String what, Runnable work) {
        runFor(tenants.activeIds(), what, work);
    }

    private void runFor(List<UUID> ids, String what, Runnable work) {
        for (UUID tenant : ids) {
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
