package io.candor.operator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.identity.NewUser;
import io.candor.identity.Passwords;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.FieldProblem;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Accounts;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and runs organisations for the platform operator. A new organisation and its administrator are created in
 * one transaction in the new tenant's context: an administrator that cannot be created leaves no organisation.
 */
@Service
class Onboarding {

    /** Slugs no organisation may take: the platform's own and names the web and API use. */
    static final Set<String> RESERVED = Set.of("platform", "api", "admin", "administrator", "operator", "root",
            "system", "candor", "www", "login", "logout", "portal", "p", "static", "assets", "actuator", "health",
            "support", "help", "docs", "swagger", "webjars");

    /** The organisation asked for, and its first administrator. */
    record NewTenant(@Nullable String slug, @Nullable String name, @Nullable String kind,
                     @Nullable String reportingCurrency, @Nullable String timeZone, @Nullable String locale,
                     @Nullable Admin admin) {
    }

    /** The first administrator of a new organisation. */
    record Admin(@Nullable String username, @Nullable String displayName, @Nullable String email,
                 @Nullable String password) {
    }

    /** An organisation as the operator sees it: its record and figures, never its data. */
    record Details(Tenants.Entry tenant, long users, long accounts, long storageBytes, @Nullable Instant lastActivity) {
    }

    private final Tenants tenants;
    private final Users users;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    Onboarding(Tenants tenants, Users users, Accounts accounts, AuditTrail audit, TransactionTemplate tx) {
        this.tenants = tenants;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
    }

    /** Creates an organisation and its administrator, or nothing; every problem of the request is named at once. */
    Tenant create(NewTenant r) {
        List<FieldProblem> problems = new ArrayList<>();
        String slug = r.slug() == null ? "" : r.slug().strip().toLowerCase(Locale.ROOT);
        if (!slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            problems.add(new FieldProblem("slug",
                    "2 to 63 lower-case letters, digits and '-', starting with a letter or digit, e.g. acme-bank"));
        } else if (RESERVED.contains(slug)) {
            problems.add(new FieldProblem("slug", "'" + slug + "' is reserved; choose another"));
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "the organisation's name, 1 to 200 characters"));
        }
        Tenant.Kind kind = null;
        try {
            kind = Tenant.Kind.valueOf(String.valueOf(r.kind()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null || kind == Tenant.Kind.PLATFORM) {
            problems.add(new FieldProblem("kind", "LENDER or AGENCY"));
        }
        Currency currency = null;
        try {
            currency = Currency.getInstance(String.valueOf(r.reportingCurrency()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("reportingCurrency",
                    "an ISO 4217 currency code, e.g. CNY, USD, MXN"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(String.valueOf(r.timeZone()).strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "an IANA time zone, e.g. Asia/Shanghai"));
        }
        String locale = r.locale() == null ? "en" : r.locale().strip();
        if (!List.of("en", "zh-CN", "zh-TW").contains(locale)) {
            problems.add(new FieldProblem("locale", "en, zh-CN or zh-TW"));
        }
        Admin admin = r.admin() == null ? new Admin(null, null, null, null) : r.admin();
        String username = admin.username() == null ? "" : admin.username().strip();
        if (!username.matches("[a-z0-9._@-]{1,64}")) {
            problems.add(new FieldProblem("admin.username",
                    "1 to 64 lower-case letters, digits, '.', '_', '@' or '-'"));
        }
        String password = admin.password() == null ? "" : admin.password();
        String weak = Passwords.weakness(password, username, slug);
        if (weak != null) {
            problems.add(new FieldProblem("admin.password", weak));
        }
        if (!problems.isEmpty() || kind == null || currency == null || zone == null) {
            throw new InvalidInputException("The organisation was not created: " + problems.size() + " problem"
                    + (problems.size() > 1 ? "s" : "") + " to fix.", problems);
        }
        if (tenants.idOf(slug).isPresent()) {
            throw new ConflictException("An organisation '" + slug + "' exists already: choose another slug.");
        }
        Tenant tenant = new Tenant(Ids.newId(), slug, name, kind, currency, zone);
        String displayName = admin.displayName() == null || admin.displayName().isBlank() ? username
                : admin.displayName().strip();
        TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> {
            tenants.register(tenant);
            users.create(new NewUser(username, displayName, admin.email(), password, EnumSet.of(Role.ADMIN), locale));
        }));
        audit.record(AuditEntry.of(AuditAction.TENANT_CREATED, "tenant", tenant.id())
                .withDetail(Map.of("slug", slug, "kind", kind.name(), "admin", username)));
        return tenant;
    }

    List<Tenants.Entry> all() {
        return tenants.directory();
    }

    /** One organisation with its figures (counted in its own context: counts, no debtor data). */
    Details details(UUID id) {
        Tenants.Entry entry = entry(id);
        return TenantContext.call(id, () -> new Details(entry, users.count(), accounts.count(),
                tenants.storageBytes(), audit.lastAt()));
    }

    Tenants.Entry suspend(UUID id, @Nullable String reason) {
        Tenants.Entry entry = entry(id);
        if (entry.kind() == Tenant.Kind.PLATFORM) {
            throw new BadRequestException("The platform organisation cannot be suspended.");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new BadRequestException("Say why the organisation is suspended (reason, 1 to 500 characters): its "
                    + "users are shown it.");
        }
        TenantContext.run(id, () -> tx.executeWithoutResult(s -> tenants.suspend(id, reason.strip())));
        audit.record(AuditEntry.of(AuditAction.TENANT_SUSPENDED, "tenant", id).withDetail(Map.of("reason",
                reason.strip())));
        return entry(id);
    }

    Tenants.Entry resume(UUID id) {
        entry(id);
        TenantContext.run(id, () -> tx.executeWithoutResult(s -> tenants.resume(id)));
        audit.record(AuditEntry.of(AuditAction.TENANT_RESUMED, "tenant", id));
        return entry(id);
    }

    Tenants.Entry limit(UUID id, @Nullable Integer maxUsers, @Nullable Integer maxAccounts) {
        if ((maxUsers != null && maxUsers < 1) || (maxAccounts != null && maxAccounts < 1)) {
            throw new BadRequestException("Limits are 1 or more (leave one out for no limit).");
        }
        entry(id);
        TenantContext.run(id, () -> tx.executeWithoutResult(s -> tenants.limit(id, maxUsers, maxAccounts)));
        Map<String, Object> detail = new HashMap<>();
        detail.put("maxUsers", maxUsers == null ? "none" : maxUsers);
        detail.put("maxAccounts", maxAccounts == null ? "none" : maxAccounts);
        audit.record(AuditEntry.of(AuditAction.TENANT_LIMITS_SET, "tenant", id).withDetail(detail));
        return entry(id);
    }

    private Tenants.Entry entry(UUID id) {
        return tenants.entry(id).orElseThrow(() -> new NotFoundException("tenant", id));
    }
}
