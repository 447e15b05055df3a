package io.candor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.identity.Role;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
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

    @Test
    void seedsTwoTenantsWithEveryRoleAndAMultiCountryPortfolioOnce() {
        seeder.seed();
        seeder.seed(); // a second run changes nothing
        Api api = new Api(port);
        for (String tenant : new String[] {"demo-bank", "demo-agency"}) {
            for (Role role : Role.values()) {
                assertThat(api.token(tenant, role.name().toLowerCase(), DemoSeeder.PASSWORD)).startsWith("cnd_");
            }
        }
        String admin = api.token("demo-bank", "admin", DemoSeeder.PASSWORD);
        int accounts = 0;
        String cursor = "";
        java.util.Set<String> currencies = new java.util.HashSet<>();
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
    }
}
