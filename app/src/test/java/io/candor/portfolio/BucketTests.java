package io.candor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Aging buckets: the glossary's boundaries by default, a tenant's own per product. */
@CandorIntegrationTest
class BucketTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    TestTenants tenants;

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} days past due is {1}")
    @CsvSource({"0,M0", "1,M1", "30,M1", "31,M2", "60,M2", "61,M3", "150,M5", "151,M6", "180,M6", "181,M7+", "999,M7+"})
    void bucketBoundariesFollowTheGlossary(int dpd, String bucket) {
        assertThat(JdbcClient.create(dataSource).sql("SELECT candor_account_bucket('CREDIT_CARD', ?)").param(dpd)
                .query(String.class).single()).isEqualTo(bucket);
    }

    @Test
    void aTenantSetsItsOwnBoundariesPerProductAndTheCloseUsesThem() {
        TestTenants.TestTenant t = tenants.create("bucket");
        Api api = new Api(port);
        String admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        assertThat(api.send("PUT", "/api/v1/bucket-schemes/CREDIT_CARD", admin, "[90,180,270,360,450,540]").status())
                .isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/bucket-schemes/CREDIT_CARD", admin, "[90,80,270,360,450,540]").status())
                .isEqualTo(400);
        api.send("PUT", "/api/v1/business-date", admin, "{\"date\":\"2026-12-15\"}");
        api.post("/api/v1/eod-close", admin, "{}");
        // due 2026-10-01, 75 days past due on 2026-12-15: M1 under the tenant's 90-day buckets, M3 by default
        assertThat(api.get("/api/v1/accounts/" + t.accounts().getFirst(), admin).json().get("bucket").asString())
                .isEqualTo("M1");
    }
}
