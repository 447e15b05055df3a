package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.telephony.media.Wav;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An AI call through the API to SIPp on loopback as the debtor's phone: the gate allows it, the call rings, is
 * answered in PCMA, the agent speaks its disclosure while SIPp speaks and keys 1 and 5, SIPp hangs up; the call ends
 * ENDED with those digits, its quality figures, and a recording whose SHA-256 the download matches and the evidence
 * log holds.
 */
@CandorIntegrationTest
class CallsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String collector;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("calls");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
    }

    @Test
    void anAiCallRingsIsAnsweredCarriesTheKeysAndLeavesAVerifiedRecording() throws Exception {
        UUID account = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        try (Sipp debtor = Sipp.start("answer-play-hangup", dir, "-mi", "127.0.0.1")) {
            Api.Response trunk = api.put("/api/v1/channels/VOICE_AI", admin, """
                    {"settings": {"host": "127.0.0.1", "port": "%d", "transport": "udp", "from": "4008001234",
                                  "maxCalls": "2"}, "secret": "trunk-pw"}""".formatted(debtor.port));
            assertThat(trunk.status()).as(trunk.body()).isEqualTo(200);
            Api.Response placed = api.post("/api/v1/accounts/" + account + "/calls", collector,
                    "{\"channel\": \"VOICE_AI\"}", "Idempotency-Key", "call-1");
            assertThat(placed.status()).as(placed.body()).isEqualTo(202);
            String id = placed.json().get("id").asString();

            JsonNode call = eventually(id, c -> c.get("state").asString().equals("ENDED"));
            debtor.assertScenarioPassed();
            assertThat(call.get("state").asString()).as(call.toString()).isEqualTo("ENDED");
            assertThat(call.get("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(call.get("dtmf").asString()).as("the digits SIPp keyed, in order").isEqualTo("15");
            assertThat(call.get("durationMs").asLong()).isGreaterThan(9_000);
            assertThat(call.get("quality").get("codec").asString()).isEqualTo("PCMA");
            assertThat(call.get("quality").get("packetsReceived").asLong()).isEqualTo(256);
            assertThat(call.get("transcript").get(0).get("speaker").asString()).isEqualTo("agent");
            assertThat(call.get("transcript").get(0).get("text").asString()).contains("自动语音呼叫").contains("录音");

            String sha = call.get("recording").get("sha256").asString();
            HttpResponse<byte[]> wav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + call.get("recording").get("url").asString()))
                    .header("Authorization", "Bearer " + collector).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(wav.statusCode()).isEqualTo(200);
            assertThat(wav.headers().firstValue("Content-Type")).contains("audio/wav");
            assertThat(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(wav.body())))
                    .as("the download is the recording the call reports").isEqualTo(sha);
            assertThat(Wav.format(wav.body()).channels()).isEqualTo(2);
            assertThat(CallMediaTests.rms(Wav.channel(wav.body(), 0), 0, 7 * 8000)).as("the debtor's speech")
                    .isGreaterThan(100);
            assertThat(CallMediaTests.rms(Wav.channel(wav.body(), 1), 0, 3 * 8000)).as("the agent's disclosure")
                    .isGreaterThan(300);

            TenantContext.run(tenant.id(), () -> {
                assertThat(jdbc.sql("SELECT (SELECT count(*) FROM evidence_entry WHERE type = 'CALL_RECORDED') + "
                        + "(SELECT count(*) FROM evidence_pending WHERE type = 'CALL_RECORDED')")
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("SELECT outcome FROM contact_event WHERE channel = 'VOICE_AI'").query(String.class)
                        .single()).as("the keyed opening: the right party").isEqualTo("RIGHT_PARTY_CONTACT");
                assertThat(jdbc.sql("SELECT count(*) FROM call_recording_chunk").query(Long.class).single())
                        .isGreaterThanOrEqualTo(2);
                assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE resource_type = 'call_recording'")
                        .query(Long.class).single()).as("listening to the recording is an audited read").isEqualTo(1);
            });
            // the same key places no second call
            Api.Response again = api.post("/api/v1/accounts/" + account + "/calls", collector,
                    "{\"channel\": \"VOICE_AI\"}", "Idempotency-Key", "call-1");
            assertThat(again.json().get("id").asString()).isEqualTo(id);
        }
    }

    @Test
    void aCallTheGateRefusesRingsNobodyAndSaysWhenItIsAllowed() {
        UUID account = tenant.accounts().get(1);
        Api.Response trunk = api.put("/api/v1/channels/VOICE_AI", admin, """
                {"settings": {"host": "127.0.0.1", "port": "5999", "transport": "udp"}}""");
        assertThat(trunk.status()).isEqualTo(200);
        // the debtor asked not to be called by the AI agent
        Api.Response pref = api.post("/api/v1/contact-points/" + tenants.contactPoint(tenant, account, "PHONE")
                + "/opt-outs", collector, "{\"channel\": \"VOICE_AI\"}");
        Api.Response refused = api.post("/api/v1/accounts/" + account + "/calls", collector,
                "{\"channel\": \"VOICE_AI\"}");
        assertThat(refused.status()).as(pref.body() + " / " + refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("refused this call");
        assertThat(refused.json().get("rules").isArray()).isTrue();
        TenantContext.run(tenant.id(), () -> assertThat(jdbc.sql("SELECT count(*) FROM call").query(Long.class).single())
                .isZero());
    }

    @Test
    void aTrunkThatIsNotSetOrWronglySetSaysWhatToFix() {
        UUID account = tenant.accounts().get(2);
        Api.Response none = api.post("/api/v1/accounts/" + account + "/calls", collector, "{\"channel\": \"VOICE_AI\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("detail").asString()).contains("PUT /api/v1/channels/VOICE_AI");
        api.put("/api/v1/channels/VOICE_AI", admin, "{\"settings\": {\"host\": \"127.0.0.1\", \"transport\": \"tls\"}}");
        Api.Response tls = api.post("/api/v1/accounts/" + account + "/calls", collector, "{\"channel\": \"VOICE_AI\"}");
        assertThat(tls.json().get("detail").asString()).contains("udp");
        Api.Response human = api.post("/api/v1/accounts/" + account + "/calls", collector,
                "{\"channel\": \"VOICE_HUMAN\"}");
        assertThat(human.status()).isEqualTo(400);
    }

    JsonNode eventually(String id, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(45));
        JsonNode c = api.get("/api/v1/calls/" + id, collector).json();
        while (!done.test(c) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            c = api.get("/api/v1/calls/" + id, collector).json();
        }
        return c;
    }
}
