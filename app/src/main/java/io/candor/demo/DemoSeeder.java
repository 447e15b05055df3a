package io.candor.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;

import io.candor.identity.NewUser;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.CandorProperties;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
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
    private final DemoPortfolio portfolio;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoSeeder(CandorProperties properties, Tenants tenants, Users users, DemoPortfolio portfolio,
            TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.portfolio = portfolio;
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

    private void seedTenant(Tenant tenant, LocalDate businessDate, DemoPortfolio.Book book) {
        if (tenants.idOf(tenant.slug()).isPresent()) {
            log.info("Demo tenant {} exists; left as it is", tenant.slug());
            return;
        }
        long started = System.nanoTime();
        int accounts = TenantContext.call(tenant.id(), () -> tx.execute(s -> {
            tenants.register(tenant);
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase(Locale.ROOT);
                users.create(new NewUser(name, displayName(role, book), name + "@" + tenant.slug() + ".example",
                        PASSWORD, EnumSet.of(role), book == DemoPortfolio.Book.LENDER ? "zh-CN" : "en"));
            }
            return portfolio.load(book, businessDate);
        }));
        log.info("Demo tenant {} seeded: {} users, {} accounts in {} ms", tenant.slug(), Role.values().length,
                accounts, (System.nanoTime() - started) / 1_000_000);
    }

    private static String displayName(Role role, DemoPortfolio.Book book) {
        String en = switch (role) {
            case ADMIN -> "Alex Admin";
            case SUPERVISOR -> "Sam Supervisor";
            case COLLECTOR -> "Chris Collector";
            case COMPLIANCE_OFFICER -> "Casey Compliance";
            case AGENCY_USER -> "Avery Agency";
            case AUDITOR -> "Jordan Auditor";
        };
        String zh = switch (role) {
            case ADMIN -> "王管理";
            case SUPERVISOR -> "李主管";
            case COLLECTOR -> "张催收";
            case COMPLIANCE_OFFICER -> "陈合规";
            case AGENCY_USER -> "刘委外";
            case AUDITOR -> "赵审计";
        };
        return book == DemoPortfolio.Book.LENDER ? zh + " " + en : en;
    }
}
