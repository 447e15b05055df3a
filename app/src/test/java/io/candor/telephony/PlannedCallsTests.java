package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day's planned VOICE_AI steps really dial when due: once each (a second round finds nothing), under the plan's
 * key, through the gate at dial time — a debtor who opted out of AI calls since the plan was made is not called, and
 * the planned call is REFUSED with the gate's rule.
 */
@CandorIntegrationTest
class PlannedCallsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlannedCallDialler dialler;

    @TempDir
    Path dir;

    @Test
    void plannedAiCallsDialOnceWhenDueAndTheGateDecidesAgainAtDialTime() throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("planned-calls");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        UUID called = tenant.accounts().get(0);
        UUID optedOut = tenant.accounts().get(1);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, called, "PHONE"));
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, optedOut, "PHONE"));
        api.post("/api/v1/contact-points/" + tenants.contactPoint(tenant, optedOut, "PHONE") + "/opt-outs", admin,
                "{\"channel\": \"VOICE_AI\"}");
        // the debtor presses through the opening, then 9: not the debtor; the agent apologises and hangs up
        try (Sipp phone = Sipp.keying("p3000 1 p1500 9", dir, "-mi", "127.0.0.1")) {
            api.put("/api/v1/channels/VOICE_AI", admin, """
                    {"settings": {"host": "127.0.0.1", "port": "%d", "transport": "udp", "maxCalls": "3"}}"""
                    .formatted(phone.port));
            TenantContext.run(tenant.id(), () -> {
                plan(tenant.id(), called, 0, Instant.now().minusSeconds(60));
                plan(tenant.id(), optedOut, 0, Instant.now().minusSeconds(30));
                plan(tenant.id(), called, 1, Instant.now().plus(Duration.ofHours(2))); // not due yet
                assertThat(dialler.dialDue()).isEqualTo(1);
                assertThat(dialler.dialDue()).as("each planned call dials once").isZero();
            });
            phone.assertScenarioPassed();
            TenantContext.run(tenant.id(), () -> {
                assertThat(jdbc.sql("""
                                SELECT status || ' ' || (call_id IS NOT NULL) || ' ' || array_to_string(rules, ',')
                                FROM plan_action ORDER BY planned_at""").query(String.class).list())
                        .containsExactly("DISPATCHED true ", "REFUSED false OPT-OUT", "PLANNED false ");
                assertThat(jdbc.sql("SELECT idempotency_key FROM call").query(String.class).single())
                        .startsWith("plan:").endsWith(called + ":0");
            });
        }
    }

    private void plan(UUID tenant, UUID account, int step, Instant at) {
        jdbc.sql("""
                        INSERT INTO plan_action (tenant_id, business_date, account_id, step, run_id, channel, template,
                                                 planned_at, tier, path, segment, variant, attempt, expected_value,
                                                 status)
                        VALUES (:t, current_date, :a, :step, :run, 'VOICE_AI', 'ai-first-call', :at, 1, 'early',
                                'all', 'control', 1, 10, 'PLANNED')""")
                .param("t", tenant).param("a", account).param("step", step).param("run", UUID.randomUUID())
                .param("at", java.sql.Timestamp.from(at)).update();
    }
}
