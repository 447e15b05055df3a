package io.candor.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.Kamailio;
import io.candor.support.TestTenants;
import io.candor.telephony.Baresip;
import io.candor.telephony.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A progressive campaign on real peers: three collectors' baresip phones registered with Kamailio, twenty debtors
 * answered by SIPp on the trunk. Each answered debtor is bridged to a ready collector (a line per ready collector,
 * so nobody waits), every call recorded, nobody abandoned.
 */
@CandorIntegrationTest
class CampaignCallTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    io.candor.identity.Users users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aProgressiveCampaignBridgesEachAnsweredDebtorToAReadyCollectorAndAbandonsNobody() throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("campaign");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        for (String name : List.of("collector2", "collector3")) {
            io.candor.platform.tenant.TenantContext.run(tenant.id(), () -> users.create(new io.candor.identity.NewUser(
                    name, name, null, TestTenants.PASSWORD, java.util.EnumSet.of(io.candor.identity.Role.COLLECTOR),
                    "en")));
        }
        assertThat(api.put("/api/v1/teams/floor", supervisor, """
                {"code":"floor","name":"Floor","languages":[],"buckets":[],"products":[],"rank":1,
                 "members":["collector","collector2","collector3"]}""").status()).isEqualTo(200);
        List<UUID> accounts = tenants.addAccounts(tenant, "dial", 20);
        for (UUID a : accounts) {
            TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, a, "PHONE"));
        }
        Path scenario = dir.resolve("debtors.xml");
        try (var in = getClass().getResourceAsStream("/sipp/answer-talk-bye.xml")) {
            Files.writeString(scenario, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replace("RING_MS", "500").replace("TALK_MS", "2500"), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")));
             Baresip p1 = Baresip.registered(Files.createDirectories(dir.resolve("c1")), "1001", registrar.port, tone(1000));
             Baresip p2 = Baresip.registered(Files.createDirectories(dir.resolve("c2")), "1002", registrar.port, tone(1200));
             Baresip p3 = Baresip.registered(Files.createDirectories(dir.resolve("c3")), "1003", registrar.port, tone(1400));
             Sipp debtors = Sipp.run(scenario, Files.createDirectories(dir.resolve("sipp")), "-m", "20")) {
            assertThat(api.put("/api/v1/channels/VOICE_HUMAN", admin, """
                    {"settings":{"host":"127.0.0.1","port":"%d","from":"4008001234","registrar":"127.0.0.1:%d","maxCalls":"50"}}"""
                    .formatted(debtors.port, registrar.port)).status()).isEqualTo(200);
            int ext = 1001;
            for (String name : List.of("collector", "collector2", "collector3")) {
                String token = api.token(tenant.slug(), name, TestTenants.PASSWORD);
                Api.Response r = api.put("/api/v1/agents/me/state", token,
                        "{\"state\":\"READY\",\"extension\":\"" + ext++ + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            Api.Response bad = api.post("/api/v1/campaigns", supervisor,
                    "{\"name\":\"x\",\"team\":\"nope\",\"mode\":\"PREDICTIVE\",\"ringSeconds\":10}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("team").contains("caller").contains("callBack").contains("15");

            String body = "{\"name\":\"Day one\",\"team\":\"floor\",\"mode\":\"PROGRESSIVE\",\"queue\":\"LIST\","
                    + "\"accounts\":" + accounts.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]"))
                    + ",\"caller\":\"华信资产\",\"callBack\":\"4008001234\",\"wrapUpSeconds\":0}";
            Api.Response made = api.post("/api/v1/campaigns", supervisor, body);
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String id = made.json().get("campaign").get("id").asString();
            assertThat(made.json().get("campaign").get("state").asString()).isEqualTo("READY");
            assertThat(api.post("/api/v1/campaigns/" + id + "/start", supervisor, "{}").status()).isEqualTo(200);

            JsonNode v = null;
            for (int i = 0; i < 1200; i++) {
                v = api.get("/api/v1/campaigns/" + id, supervisor).json();
                JsonNode c = v.get("counters");
                if (c.get("remaining").asLong() == 0 && c.get("ringing").asLong() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            JsonNode c = v.get("counters");
            assertThat(c.get("placed").asLong()).as(v.toString()).isEqualTo(20);
            assertThat(c.get("bridged").asLong()).as(v.toString()).isEqualTo(20);
            assertThat(c.get("abandoned").asLong()).as(v.toString()).isZero();
            assertThat(v.get("pacedAs").asString()).isEqualTo("PROGRESSIVE");
            for (JsonNode w : v.get("abandoned")) {
                assertThat(w.get("rate").asDouble()).isZero();
                assertThat(w.get("live").asLong()).isEqualTo(20);
            }
            debtors.assertScenarioPassed();
            List<String> takers = io.candor.platform.tenant.TenantContext.call(tenant.id(), () -> jdbc.sql("""
                            SELECT placed_by FROM call WHERE account_id = ANY(:a) AND outcome = 'ANSWERED'
                              AND recording_sha256 IS NOT NULL""")
                    .param("a", accounts.toArray(UUID[]::new)).query(String.class).list());
            assertThat(takers).as("every call answered, recorded, and taken by a collector").hasSize(20);
            assertThat(takers).as("all three collectors took calls").contains("collector", "collector2", "collector3");
            JsonNode offer = api.get("/api/v1/agents/me/offer", api.token(tenant.slug(), "collector",
                    TestTenants.PASSWORD)).json();
            assertThat(accounts).as("the collector's screen opens the account of the call bridged to them")
                    .contains(UUID.fromString(offer.get("account").asString()));
        }
    }

    private static short[] tone(double hz) {
        short[] s = new short[8000 * 60];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }
}
