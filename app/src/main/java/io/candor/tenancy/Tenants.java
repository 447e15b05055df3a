package io.candor.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.Timestamps;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Finds and creates tenants. */
@Service
public class Tenants {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Tenants(JdbcClient jdbc, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
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

    /** Why and since when a tenant is suspended. */
    public record Suspension(Instant since, String reason) {
    }

    /** A tenant as the platform operator sees it: its name, kind and state, never its data. */
    public record Entry(UUID id, String slug, String name, Tenant.Kind kind, Currency reportingCurrency, ZoneId zone,
                        Instant createdAt, @Nullable Suspension suspension, @Nullable Integer maxUsers,
                        @Nullable Integer maxAccounts) {
    }

    /** Every tenant, oldest first, through the directory function (the one way to list across tenants). */
    public List<Entry> directory() {
        return jdbc.sql("SELECT * FROM candor_tenant_directory()").query(Tenants::entry).list();
    }

    /** One tenant as the directory shows it. */
    public Optional<Entry> entry(UUID id) {
        return jdbc.sql("SELECT * FROM candor_tenant_directory() WHERE id = :id").param("id", id)
                .query(Tenants::entry).optional();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        OffsetDateTime suspended = rs.getObject("suspended_at", OffsetDateTime.class);
        return new Entry(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                Tenant.Kind.valueOf(rs.getString("kind")), Currency.getInstance(rs.getString("reporting_currency")),
                ZoneId.of(rs.getString("time_zone")), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                suspended == null ? null : new Suspension(suspended.toInstant(),
                        Objects.requireNonNullElse(rs.getString("suspended_reason"), "")),
                (Integer) rs.getObject("max_users"), (Integer) rs.getObject("max_accounts"));
    }

    /** The tenant's suspension, if it is suspended; read while working for it. */
    public Optional<Suspension> suspension(UUID tenant) {
        return jdbc.sql("SELECT suspended_at, suspended_reason FROM tenant WHERE id = :id AND suspended_at IS NOT NULL")
                .param("id", tenant)
                .query((rs, n) -> new Suspension(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        Objects.requireNonNullElse(rs.getString(2), "")))
                .optional();
    }

    /** Suspends the current tenant (again: the new reason replaces the old); announces it. */
    public void suspend(UUID tenant, String reason) {
        jdbc.sql("UPDATE tenant SET suspended_at = coalesce(suspended_at, :now), suspended_reason = :reason WHERE id = :id")
                .param("now", Timestamps.utc(clock.instant())).param("reason", reason).param("id", tenant).update();
        events.publishEvent(new TenantSuspended(tenant, reason));
    }

    /** Lifts the current tenant's suspension; announces it. */
    public void resume(UUID tenant) {
        jdbc.sql("UPDATE tenant SET suspended_at = NULL, suspended_reason = NULL WHERE id = :id").param("id", tenant)
                .update();
        events.publishEvent(new TenantResumed(tenant));
    }

    /** What the operator allows a tenant: users and accounts at most (null: no limit). */
    public record Limits(@Nullable Integer maxUsers, @Nullable Integer maxAccounts) {
        public static final Limits NONE = new Limits(null, null);
    }

    /** The current tenant's limits. */
    public Limits limits(UUID tenant) {
        return jdbc.sql("SELECT max_users, max_accounts FROM tenant WHERE id = :id").param("id", tenant)
                .query((rs, n) -> new Limits((Integer) rs.getObject(1), (Integer) rs.getObject(2))).optional()
                .orElse(Limits.NONE);
    }

    /** Sets (or with null, lifts) the current tenant's limits on users and accounts. */
    public void limit(UUID tenant, @Nullable Integer maxUsers, @Nullable Integer maxAccounts) {
        jdbc.sql("UPDATE tenant SET max_users = :users, max_accounts = :accounts WHERE id = :id")
                .param("users", maxUsers).param("accounts", maxAccounts).param("id", tenant).update();
    }

    /** The bytes the current tenant's rows take (as stored rows, uncompressed), in every table keyed by tenant. */
    public long storageBytes() {
        return jdbc.sql("SELECT candor_tenant_storage()").query(Long.class).single();
    }

    /** The ids of the tenants that are not suspended: whose outbound work (sending, calling, planning) runs. */
    public List<UUID> activeIds() {
        return directory().stream().filter(e -> e.suspension() == null).map(Entry::id).toList();
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
