package io.candor.tenancy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Finds and creates tenants. */
@Service
public class Tenants {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Tenants(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The id of a tenant by its slug, through the one lookup row-level security allows without a tenant. */
    public Optional<UUID> idOf(String slug) {
        return jdbc.sql("SELECT candor_tenant_id(:slug)").param("slug", slug).query(UUID.class).optional();
    }

    /** A tenant by slug; empty when unknown. */
    public Optional<Tenant> findBySlug(String slug) {
        return idOf(slug).flatMap(id -> TenantContext.call(id, () -> find(id)));
    }

    /** The current tenant's record, or another's only while working for it. */
    public Optional<Tenant> find(UUID id) {
        return jdbc.sql("SELECT id, slug, name, kind, reporting_currency, time_zone FROM tenant WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Tenant(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("name"), Tenant.Kind.valueOf(rs.getString("kind")),
                        Currency.getInstance(rs.getString("reporting_currency")),
                        ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    /** Creates a tenant in its own transaction; the slug must be new. */
    public Tenant create(String slug, String name, Tenant.Kind kind, Currency reportingCurrency, ZoneId zone) {
        Tenant tenant = new Tenant(Ids.newId(), slug, name, kind, reportingCurrency, zone);
        TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> register(tenant)));
        return tenant;
    }

    /**
     * Registers a tenant in the caller's transaction, which must already work for that tenant: so a tenant
     * and its first data (users, a portfolio) can be created all or nothing.
     */
    public void register(Tenant tenant) {
        if (!tenant.id().equals(TenantContext.current().orElse(null))) {
            throw new IllegalStateException("register a tenant while working for it");
        }
        jdbc.sql("""
                        INSERT INTO tenant (id, slug, name, kind, reporting_currency, time_zone)
                        VALUES (:id, :slug, :name, :kind, :currency, :zone)""")
                .param("id", tenant.id()).param("slug", tenant.slug()).param("name", tenant.name())
                .param("kind", tenant.kind().name())
                .param("currency", tenant.reportingCurrency().getCurrencyCode()).param("zone", tenant.timeZone().getId())
                .update();
    }
}
