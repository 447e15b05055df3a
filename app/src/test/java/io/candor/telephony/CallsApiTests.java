package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
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
 * answered in PCMA, the agent speaks its disclosure while SIPp speaks, and SIPp keys through the opening, its date of
 * birth, a promise (amount and day) and the end; the agent hangs up. The call ends ENDED and VERIFIED with the keys
 * (the date of birth kept back), its quality figures, a recording whose SHA-256 the download matches and the evidence
 * log holds, silent while the date of birth was keyed — and the promise is an arrangement.
 */
@CandorIntegrationTest
class CallsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.candor.tenancy.Tenants businessDates;

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
    void anAiCallIsAnsweredAndTheDebtorKeysAPromiseThatBecomesAnArrangement() throws Exception {
        UUID account = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        LocalDate by = TenantContext.call(tenant.id(), () -> businessDates.businessDate(tenant.id())).plusDays(10);
        String day = String.format(Locale.ROOT, "%02d%02d", by.getMonthValue(), by.getDayOfMonth());
        // press 1 through the opening, key the date of birth, choose 1 (a promise), key 500, the day, then hash to end
        try (Sipp debtor = Sipp.keying("p7500 1 p2500 19900307# p3000 1 p2500 500# p2500 " + day + "# p4000 #", dir,
                "-mi", "127.0.0.1")) {
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
            assertThat(call.get("outcome").asString()).as("answered by the debtor, who proved it: " + call).isEqualTo("VERIFIED");
            assertThat(call.get("dtmf").asString()).as("the keys SIPp sent, in order; the date of birth kept back")
                    .isEqualTo("1xxxxxxxx#1500#" + day + "##");
            assertThat(call.toString()).doesNotContain("19900307");
            assertThat(call.get("quality").get("codec").asString()).isEqualTo("PCMA");
            assertThat(call.get("quality").get("packetsReceived").asLong()).isGreaterThan(250);
            JsonNode transcript = call.get("transcript");
            assertThat(transcript.get(0).get("speaker").asString()).isEqualTo("agent");
            assertThat(transcript.get(0).get("text").asString()).contains("自动语音呼叫").contains("录音");
            assertThat(transcript.toString()).as("the agent confirmed the promise it recorded")
                    .contains("已记录：您承诺在" + by + "前还款500.00 CNY").contains("感谢您的接听");

            String sha = call.get("recording").get("sha256").asString();
            assertThat(call.get("recording").get("keepUntil").asString()).as("CN-06: two years from the call")
                    .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusYears(2).toString());
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
            // from the identity question to its answer both channels are silence (the transcript's times are the
            // recording's)
            int first = atMs(transcript, "x", true);
            int hash = atMs(transcript, "#", false);
            assertThat(hash).isGreaterThan(first);
            int from = first * 8, to = hash * 8;
            assertThat(CallMediaTests.rms(Wav.channel(wav.body(), 0), from, to)).as("the debtor's side, keying").isZero();
            assertThat(CallMediaTests.rms(Wav.channel(wav.body(), 1), from, to)).as("Candor's side").isZero();
            assertThat(CallMediaTests.rms(Wav.channel(wav.body(), 1), to + 8000, to + 3 * 8000))
                    .as("the agent's reply after the answer is heard again").isGreaterThan(300);

            TenantContext.run(tenant.id(), () -> {
                assertThat(jdbc.sql("SELECT (SELECT count(*) FROM evidence_entry WHERE type = 'CALL_RECORDED') + "
                        + "(SELECT count(*) FROM evidence_pending WHERE type = 'CALL_RECORDED')")
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("SELECT outcome FROM contact_event WHERE channel = 'VOICE_AI'").query(String.class)
                        .single()).as("the conversation verified the right party").isEqualTo("RIGHT_PARTY_CONTACT");
                assertThat(jdbc.sql("""
                                SELECT kind || ' ' || total_minor || ' ' || status FROM arrangement
                                WHERE account_id = :a""").param("a", account).query(String.class).single())
                        .as("the keyed promise is an arrangement").startsWith("PROMISE 50000 ");
                assertThat(jdbc.sql("SELECT count(*) FROM agent_turn WHERE debtor_text LIKE '%19900307%'")
                        .query(Long.class).single()).as("the date of birth is stored nowhere").isZero();
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

    /** When the debtor keyed a key (the first or last such entry), in ms from the start of the call. */
    static int atMs(JsonNode transcript, String key, boolean first) {
        int found = -1;
        for (JsonNode e : transcript) {
            if (e.get("speaker").asString().equals("debtor") && e.get("key").asString().equals(key)) {
                found = e.get("atMs").asInt();
                if (first) {
                    return found;
                }
                if (found > 0) {
                    return found; // the first hash after the masked digits
                }
            }
        }
        return found;
    }

    /** Also: the creditor keeps its recordings five years, longer than China's two. */
    @Test
    void anAnsweringMachineIsHungUpOnAfterTheOpeningAndCountedAsVoicemail() throws Exception {
        UUID account = tenant.accounts().get(2);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        String creditor = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT c.code FROM creditor c JOIN portfolio p ON p.creditor_id = c.id
                        JOIN account a ON a.portfolio_id = p.id WHERE a.id = :a""").param("a", account)
                .query(String.class).single());
        Api.Response kept = api.put("/api/v1/creditors/" + creditor, admin, """
                {"name": "Test bank", "jurisdictions": ["CN"], "keepRecordingsYears": 5}""");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("keepRecordingsYears").asInt()).isEqualTo(5);
        assertThat(api.put("/api/v1/creditors/" + creditor, admin, """
                {"name": "Test bank", "jurisdictions": ["CN"], "keepRecordingsYears": 31}""").body())
                .contains("keepRecordingsYears", "0 to 30");
        // SIPp's recording talks on for seconds at once, and nothing is keyed: a machine's greeting
        try (Sipp machine = Sipp.keying("p100", dir, "-mi", "127.0.0.1")) {
            api.put("/api/v1/channels/VOICE_AI", admin, """
                    {"settings": {"host": "127.0.0.1", "port": "%d", "transport": "udp"}}""".formatted(machine.port));
            String id = api.post("/api/v1/accounts/" + account + "/calls", collector, "{\"channel\": \"VOICE_AI\"}")
                    .json().get("id").asString();
            JsonNode call = eventually(id, c -> c.get("state").asString().equals("ENDED"));
            machine.assertScenarioPassed();
            assertThat(call.get("outcome").asString()).as(call.toString()).isEqualTo("VOICEMAIL");
            assertThat(call.get("recording").get("keepUntil").asString()).as("the creditor's five years")
                    .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusYears(5).toString());
            assertThat(call.get("durationMs").asLong()).as("not the opening twice and the waits")
                    .isLessThan(2 * AgentCallScript.NO_INPUT.toMillis());
            TenantContext.run(tenant.id(), () -> assertThat(jdbc.sql("""
                            SELECT outcome FROM contact_event WHERE channel = 'VOICE_AI' AND account_id = :a""")
                    .param("a", account).query(String.class).single()).isEqualTo("VOICEMAIL"));
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
        return api.eventually("/api/v1/calls/" + id, collector, done, Duration.ofSeconds(45));
    }
}
