package io.candor.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

import io.candor.identity.NewUser;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.CandorProperties;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.Accounts;
import io.candor.portfolio.PlacementCsv;
import io.candor.portfolio.placement.ImportJob;
import io.candor.portfolio.placement.PlacementImports;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds {@code demo-bank} and {@code demo-agency} when the demo is enabled. A tenant that exists is left as
 * it is; a tenant is created with its users and portfolio in one transaction, so a crash leaves nothing half
 * seeded and the next start completes it.
 */
@Component
class DemoSeeder {

    static final String PASSWORD = "candor-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final CandorProperties properties;
    private final Tenants tenants;
    private final Users users;
    private final PlacementImports imports;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DemoStrategy strategy;
    private final DemoHistory history;
    private final DemoPortal portal;
    private final DemoModel model;
    private final DemoSandbox sandbox;

    DemoSeeder(CandorProperties properties, Tenants tenants, Users users, PlacementImports imports, Accounts accounts,
            TransactionTemplate tx, Clock clock, DemoStrategy strategy, DemoHistory history, DemoModel model,
            DemoPortal portal, DemoSandbox sandbox) {
        this.sandbox = sandbox;
        this.portal = portal;
        this.strategy = strategy;
        this.history = history;
        this.model = model;
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.imports = imports;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnStart() {
        if (properties.demo().enabled()) {
            seed();
        }
    }

    void seed() {
        LocalDate businessDate = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        seedTenant(new Tenant(Ids.newId(), "demo-bank", "Demo Bank 演示银行", Tenant.Kind.LENDER,
                Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai")), businessDate, DemoPortfolio.Book.LENDER);
        seedTenant(new Tenant(Ids.newId(), "demo-agency", "Demo Agency 演示催收", Tenant.Kind.AGENCY,
                Currency.getInstance("USD"), ZoneId.of("Asia/Singapore")), businessDate, DemoPortfolio.Book.AGENCY);
    }

    /**
     * The tenant with its users in one transaction; then its placement through the import path (a restart
     * after a crash between the two completes the seed).
     */
    private void seedTenant(Tenant tenant, LocalDate businessDate, DemoPortfolio.Book book) {
        UUID id = tenants.idOf(tenant.slug()).orElseGet(() -> {
            TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> {
                tenants.register(tenant);
                for (Role role : Role.tenantRoles()) {
                    String name = role.name().toLowerCase(Locale.ROOT);
                    users.create(new NewUser(name, displayName(role, book), name + "@" + tenant.slug() + ".example",
                            PASSWORD, EnumSet.of(role), book == DemoPortfolio.Book.LENDER ? "zh-CN" : "en"));
                }
            }));
            return tenant.id();
        });
        TenantContext.run(id, () -> {
            sandbox.connect(tenant.slug());
            if (!accounts.countByBucket().isEmpty()) {
                log.info("Demo tenant {} has its portfolio; left as it is", tenant.slug());
                history.seed(tenant.slug(), businessDate);
                model.seed(tenant.slug());
                strategy.seed(tenant.slug());
                portal.announce(tenant.slug());
                return;
            }
            DemoPortfolio.DemoFile file = DemoPortfolio.file(book, businessDate);
            try {
                ImportJob job = imports.importNow(new PlacementImports.Request(ImportJob.Kind.PLACEMENT,
                        "demo-" + file.portfolio() + ".csv", null, file.creditor(), file.portfolio(), "demo"),
                        new ByteArrayInputStream(PlacementCsv.of(file.rows())));
                log.info("Demo tenant {} seeded: {} users, {} accounts imported, {} rejected", tenant.slug(),
                        Role.tenantRoles().size(), job.imported(), job.rejected());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            history.seed(tenant.slug(), businessDate);
            model.seed(tenant.slug());
            strategy.seed(tenant.slug());
            portal.announce(tenant.slug());
        });
    }

    private static String displayName(Role role, DemoPortfolio.Book book) {
        String en = switch (role) {
            case ADMIN -> "Alex Admin";
            case SUPERVISOR -> "Sam Supervisor";
            case COLLECTOR -> "Chris Collector";
            case COMPLIANCE_OFFICER -> "Casey Compliance";
            case AGENCY_USER -> "Avery Agency";
            case AUDITOR -> "Jordan Auditor";
            case OPERATOR -> "Operator";
        };
        String zh = switch (role) {
            case ADMIN -> "王管理";
            case SUPERVISOR -> "李主管";
            case COLLECTOR -> "张催收";
            case COMPLIANCE_OFFICER -> "陈合规";
            case AGENCY_USER -> "刘委外";
            case AUDITOR -> "赵审计";
            case OPERATOR -> "平台运营";
        };
        return book == DemoPortfolio.Book.LENDER ? zh + " " + en : en;
    }
}
