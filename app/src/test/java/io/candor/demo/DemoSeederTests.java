package io.candor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.identity.Role;
import io.candor.platform.tenant.TenantContext;
import io.candor.strategy.planning.PlanRuns;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CandorIntegrationTest
class DemoSeederTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoSeeder seeder;

    @Autowired
    Tenants tenants;

    @Autowired
    PlanRuns runs;

    @Test
    void seedsTwoTenantsWithEveryRoleAndAMultiCountryPortfolioOnce() {
        seeder.seed();
        seeder.seed(); // a second run changes nothing
        Api api = new Api(port);
        for (String tenant : new String[] {"demo-bank", "demo-agency"}) {
            for (Role role : Role.tenantRoles()) {
                assertThat(api.token(tenant, role.name().toLowerCase(), DemoSeeder.PASSWORD)).startsWith("cnd_");
            }
        }
        String admin = api.token("demo-bank", "admin", DemoSeeder.PASSWORD);
        int accounts = 0;
        String cursor = "";
        Set<String> currencies = new HashSet<>();
        do {
            JsonNode page = api.get("/api/v1/accounts?limit=500" + cursor, admin).json();
            accounts += page.get("items").size();
            page.get("items").forEach(a -> currencies.add(a.get("balance").get("currency").asString()));
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(accounts).isEqualTo(DemoPortfolio.LENDER_ACCOUNTS);
        assertThat(currencies).contains("CNY", "HKD", "TWD", "SGD");
        JsonNode agency = api.get("/api/v1/accounts?limit=500",
                api.token("demo-agency", "agency_user", DemoSeeder.PASSWORD)).json();
        assertThat(agency.get("items").valueStream().map(a -> a.get("balance").get("currency").asString()).distinct()
                .count()).isGreaterThanOrEqualTo(6);

        // the first plan shows every tier and hand-off on the demo history
        for (String tenant : new String[] {"demo-bank", "demo-agency"}) {
            UUID id = tenants.idOf(tenant).orElseThrow();
            PlanRuns.Run run = TenantContext.call(id,
                    () -> runs.latest().orElseThrow());
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            @SuppressWarnings("unchecked")
            Map<String, Object> tiers = (Map<String, Object>) run.summary().get("tiers");
            @SuppressWarnings("unchecked")
            Map<String, Object> treatments = (Map<String, Object>) run.summary().get("treatments");
            assertThat(tiers).as(tenant).containsKeys("1", "2", "3");
            assertThat(treatments).as(tenant).containsKeys("OnPath", "ToSupervisor", "Stopped", "Paused", "Holdout");
            @SuppressWarnings("unchecked")
            Map<String, Object> paths = (Map<String, Object>) run.summary().get("paths");
            assertThat(paths).as(tenant).containsKeys("legal", "human-care", "early-digital", "early-sms-first");
            @SuppressWarnings("unchecked")
            Map<String, Object> model = (Map<String, Object>) run.summary().get("model");
            assertThat(model).as(tenant + ": every account scored by the approved demo model")
                    .containsEntry("name", DemoModel.NAME).containsEntry("scored", run.summary().get("accounts"));
        }
    }
}
