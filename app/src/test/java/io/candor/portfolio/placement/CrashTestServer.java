package io.candor.portfolio.placement;

import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;

import io.candor.CandorApplication;
import io.candor.identity.NewUser;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Candor as {@link ImportCrashTests} runs it in a separate process: the whole application, with one empty tenant and
 * its administrator created at the first start (the demo's portfolio, history and plan are not what the test is
 * about). Not a {@code @Configuration}: component scanning must not pick it up in other tests.
 */
public class CrashTestServer {

    static final String TENANT = "crash";
    static final String ADMIN = "admin";
    static final String PASSWORD = "crash-test-password";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CandorApplication.class, CrashTestServer.class).run(args);
    }

    @Bean
    ApplicationRunner oneTenant(Tenants tenants, Users users) {
        return args -> {
            if (tenants.idOf(TENANT).isPresent()) {
                return;
            }
            Tenant t = tenants.create(TENANT, "Crash test lender", Tenant.Kind.LENDER, Currency.getInstance("CNY"),
                    ZoneId.of("Asia/Shanghai"));
            TenantContext.run(t.id(), () -> users.create(new NewUser(ADMIN, "Administrator", null, PASSWORD,
                    EnumSet.of(Role.ADMIN), "en")));
        };
    }
}
