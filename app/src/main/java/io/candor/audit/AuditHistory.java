package io.candor.audit;

import java.util.List;

import io.candor.platform.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A long synthetic audit history for the current tenant, for the pages benchmark ({@code bench pages}): reads of
 * the given accounts' data by the given users over the last year, written in one statement in the trail's own
 * table (the audit module owns it), with time-ordered ids as the trail's own (PostgreSQL 18's {@code uuidv7}). Nothing in
 * Candor's own work calls this.
 */
@Component
public class AuditHistory {

    private final JdbcClient jdbc;

    AuditHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code rows} reads spread over the last 365 days, round-robin over the users and accounts. */
    public void synthesize(int rows, List<String> users, List<String> accounts) {
        jdbc.sql("""
                        INSERT INTO audit_event (tenant_id, id, at, actor, action, resource_type, resource_id, purpose,
                                                 detail)
                        SELECT :tenant, uuidv7(-(g % 525600) * interval '1 minute'),
                               now() - (g % 525600) * interval '1 minute',
                               (CAST(:users AS text[]))[1 + g % cardinality(CAST(:users AS text[]))], 'DEBTOR_DATA_READ',
                               'account', (CAST(:accounts AS text[]))[1 + g % cardinality(CAST(:accounts AS text[]))],
                               'COLLECTION', '{}'
                        FROM generate_series(1, :rows) g""")
                .param("tenant", TenantContext.require()).param("users", users.toArray(String[]::new))
                .param("accounts", accounts.toArray(String[]::new)).param("rows", rows).update();
    }
}
