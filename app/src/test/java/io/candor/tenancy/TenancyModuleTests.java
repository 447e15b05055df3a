package io.candor.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

import io.candor.compliance.gate.ContactGate;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The tenancy module on its own (with the shared platform: configuration and the database), not the whole
 * application: a tenant's calendar, and row-level security hiding one tenant from another.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class TenancyModuleTests {

    @Autowired
    Tenants tenants;

    @Autowired
    ApplicationContext context;

    @Test
    void onlyTheModuleAndTheSharedPlatformAreStarted() {
        assertThat(context.getBeanNamesForType(Tenants.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(Accounts.class)).as("portfolio is another module").isEmpty();
        assertThat(context.getBeanNamesForType(ContactGate.class)).as("compliance is another module").isEmpty();
    }

    @Test
    void aTenantsBusinessDateIsTodayInItsOwnZoneUntilOneIsSet() {
        Tenant mexico = tenants.create("mx-" + System.nanoTime(), "Cobranza MX", Tenant.Kind.AGENCY,
                Currency.getInstance("MXN"), ZoneId.of("America/Mexico_City"));
        Tenants.Calendar calendar = TenantContext.call(mexico.id(), () -> tenants.calendar(mexico.id()));
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Mexico_City"));
        assertThat(calendar.businessDate()).isEqualTo(LocalDate.now(ZoneId.of("America/Mexico_City")));

        TenantContext.run(mexico.id(), () -> tenants.setBusinessDate(mexico.id(), LocalDate.of(2026, 11, 23)));
        assertThat(TenantContext.call(mexico.id(), () -> tenants.businessDate(mexico.id())))
                .isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void oneTenantCannotReadAnothersCalendar() {
        Tenant a = tenants.create("a-" + System.nanoTime(), "A", Tenant.Kind.LENDER, Currency.getInstance("CNY"),
                ZoneId.of("Asia/Shanghai"));
        Tenant b = tenants.create("b-" + System.nanoTime(), "B", Tenant.Kind.LENDER, Currency.getInstance("CNY"),
                ZoneId.of("Asia/Shanghai"));
        assertThat(TenantContext.call(a.id(), () -> tenants.find(b.id()))).isEmpty();
        assertThatThrownBy(() -> TenantContext.call(a.id(), () -> tenants.calendar(b.id())))
                .hasMessageContaining("is not visible");
    }
}
