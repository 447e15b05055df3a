package io.candor.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.Kamailio;
import io.candor.support.TestTenants;
import io.candor.telephony.Baresip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Collectors on the floor with real phones: Kamailio as the tenant's registrar (the configuration Candor ships),
 * baresip as the collector's softphone. READY only while the phone is registered; a pause needs its reason; a phone
 * that goes puts its collector OFFLINE at the next check; every change is kept.
 */
@CandorIntegrationTest
class AgentsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    PhoneWatch watch;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aCollectorIsReadyOnlyWhileTheirPhoneIsRegisteredAndGoesOfflineWhenItGoes() throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("floor");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);

        Api.Response noRegistrar = api.put("/api/v1/agents/me/state", collector,
                "{\"state\":\"READY\",\"extension\":\"1001\"}");
        assertThat(noRegistrar.status()).isEqualTo(409);
        assertThat(noRegistrar.body()).contains("No registrar is set");

        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")))) {
            assertThat(api.put("/api/v1/channels/VOICE_HUMAN", admin,
                    "{\"settings\":{\"registrar\":\"127.0.0.1:" + registrar.port + "\"}}").status()).isEqualTo(200);
            Api.Response notRegistered = api.put("/api/v1/agents/me/state", collector,
                    "{\"state\":\"READY\",\"extension\":\"1001\"}");
            assertThat(notRegistered.status()).isEqualTo(409);
            assertThat(notRegistered.body()).contains("Extension 1001 is not registered");

            Baresip phone = Baresip.registered(Files.createDirectories(dir.resolve("phone")), "1001", registrar.port,
                    new short[0]);
            try {
                Api.Response ready = api.put("/api/v1/agents/me/state", collector,
                        "{\"state\":\"READY\",\"extension\":\"1001\"}");
                assertThat(ready.status()).as(ready.body()).isEqualTo(200);
                assertThat(ready.json().get("state").asString()).isEqualTo("READY");
                assertThat(ready.json().get("checkedAt").isNull()).isFalse();

                // the same extension cannot be someone else's at once
                Api.Response taken = api.put("/api/v1/agents/me/state", supervisor,
                        "{\"state\":\"PAUSED\",\"reason\":\"MEETING\",\"extension\":\"1001\"}");
                assertThat(taken.status()).isEqualTo(409);
                assertThat(taken.body()).contains("signed in to the floor by collector");

                Api.Response noReason = api.put("/api/v1/agents/me/state", collector, "{\"state\":\"PAUSED\"}");
                assertThat(noReason.status()).isEqualTo(400);
                assertThat(noReason.body()).contains("Say why you pause");
                Api.Response dialersOwn = api.put("/api/v1/agents/me/state", collector, "{\"state\":\"ON_CALL\"}");
                assertThat(dialersOwn.status()).isEqualTo(400);
                assertThat(dialersOwn.body()).contains("set by the dialer");

                Api.Response paused = api.put("/api/v1/agents/me/state", collector,
                        "{\"state\":\"PAUSED\",\"reason\":\"BREAK\"}");
                assertThat(paused.status()).isEqualTo(200);
                assertThat(paused.json().get("reason").asString()).isEqualTo("BREAK");
                assertThat(api.put("/api/v1/agents/me/state", collector, "{\"state\":\"READY\"}").status())
                        .isEqualTo(200);
                assertThat(TenantContext.call(tenant.id(), watch::check)).as("the phone answers").isZero();
            } finally {
                phone.kill();
            }
            // the phone is gone without unregistering: the next check takes its collector off the floor
            assertThat(TenantContext.call(tenant.id(), watch::check)).isEqualTo(1);
            JsonNode floor = api.get("/api/v1/agents", supervisor).json();
            assertThat(floor).hasSize(1);
            assertThat(floor.get(0).get("state").asString()).isEqualTo("OFFLINE");
            assertThat(floor.get(0).get("reason").asString()).isEqualTo("PHONE_UNREACHABLE");
        }
        assertThat(api.get("/api/v1/agents", collector).status()).as("a collector sees only their own").isEqualTo(403);
        // every change kept, in order
        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT state || coalesce(':' || reason, '') FROM agent_state_change WHERE username = 'collector' "
                        + "ORDER BY at, seq").query(String.class).list()))
                .containsExactly("READY", "PAUSED:BREAK", "READY", "OFFLINE:PHONE_UNREACHABLE");
    }
}
