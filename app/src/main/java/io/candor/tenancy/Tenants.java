package io.candor.tenancy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Finds and creates tenants. */
@Service
public class Tenants {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Tenants(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** The id of a tenant by its slug, through the one lookup row-level security allows without a tenant. */
    public Optional<UUID> idOf(String slug) {
        return jdbc.sql("SELECT candor_tenant_id(:slug)").param("slug", slug).query(UUID.class).optional();
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

    /**
     * The tenant's business date: the date DPD and plans are computed for. Unless set (for simulation and tests),
     * today in the tenant's time zone.
     */
    public LocalDate businessDate(UUID tenant) {
        return calendar(tenant).businessDate();
    }

    /** A tenant's business date and the zone its days are counted in. */
    public record Calendar(LocalDate businessDate, ZoneId zone) {
    }

    /** The tenant's {@link #businessDate} and time zone, read together. */
    public Calendar calendar(UUID tenant) {
        return jdbc.sql("SELECT business_date, time_zone FROM tenant WHERE id = :id").param("id", tenant)
                .query((rs, n) -> {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    LocalDate set = rs.getObject("business_date", LocalDate.class);
                    return new Calendar(set != null ? set : LocalDate.now(clock.withZone(zone)), zone);
                })
                .optional().orElseThrow(() -> new IllegalStateException("tenant " + tenant + " is not visible"));
    }

    /** Sets (or with {@code null}, clears) the current tenant's business date. */
    public void setBusinessDate(UUID tenant, @Nullable LocalDate date) {
        jdbc.sql("UPDATE tenant SET business_date = :date WHERE id = :id").param("date", date).param("id", tenant).update();
    }

    /** Every tenant's id, for maintenance that works through the tenants one by one. */
    public List<UUID> allIds() {
        return jdbc.sql("SELECT candor_tenant_ids()").query(UUID.class).list();
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
