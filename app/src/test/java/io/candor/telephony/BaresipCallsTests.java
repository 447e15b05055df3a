package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.candor.agent.speech.Speech;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The AI voice agent against baresip as the debtor's phone: baresip answers, says a few words, hears the agent, and
 * keys through the opening, the date of birth and a promise. What baresip heard holds the agent's disclosure in the
 * debtor's language (its sound matches the agent's synthesised opening; in English pocketsphinx hears it too), and the
 * promise keyed on the phone is an arrangement.
 */
@CandorIntegrationTest
class BaresipCallsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tenants businessDates;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Speech speech;

    @TempDir
    Path dir;

    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String collector;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("baresip");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
    }

    @Test
    void theMandarinAgentIsHeardOnAPhoneAndTakesAKeypadPromise() throws Exception {
        UUID account = tenant.accounts().getFirst();
        short[] heard = promiseByPhone(account, "CN", "zh-CN");
        CallPrompts prompts = new CallPrompts(speech);
        double mandarin = Envelopes.match(prompts.opening("CN", "zh-CN", "").audio(), heard);
        double english = Envelopes.match(prompts.opening("CN", "en", "").audio(), heard);
        assertThat(mandarin).as("the phone heard the Mandarin disclosure (%.2f; the English one scores %.2f)",
                mandarin, english).isGreaterThan(0.8).isGreaterThan(english + 0.1);
    }

    @Test
    void theEnglishAgentIsHeardOnAPhoneAndTakesAKeypadPromise() throws Exception {
        UUID account = tenant.accounts().get(1);
        speaks(account, "en");
        short[] heard = promiseByPhone(account, "CN", "en");
        CallPrompts prompts = new CallPrompts(speech);
        double english = Envelopes.match(prompts.opening("CN", "en", "").audio(), heard);
        double mandarin = Envelopes.match(prompts.opening("CN", "zh-CN", "").audio(), heard);
        assertThat(english).as("the phone heard the English disclosure (%.2f; the Mandarin one scores %.2f)",
                english, mandarin).isGreaterThan(0.8).isGreaterThan(mandarin + 0.1);
        assertThat(Envelopes.recognise(heard, dir)).as("pocketsphinx hears the disclosure on the phone")
                .contains("recorded");
    }

    /**
     * The debtor portal's other languages are spoken too: a Thai debtor in Thailand hears the default jurisdiction's
     * opening in Thai, in espeak-ng's Thai voice, and keys a promise through the keypad dialogue in Thai.
     */
    @Test
    void theThaiAgentIsHeardOnAPhoneAndTakesAKeypadPromise() throws Exception {
        UUID account = tenant.accounts().getFirst();
        // Thai law's calling hours bind whatever consent says: the phone is in a zone where it is now midday
        int offset = 12 - java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).getHour();
        String zone = "Etc/GMT" + (offset > 0 ? "-" + offset : offset < 0 ? "+" + -offset : "");
        TenantContext.run(tenant.id(), () -> {
            jdbc.sql("""
                            UPDATE debtor SET language = 'th', country = 'TH'
                            WHERE id = (SELECT debtor_id FROM account WHERE id = :a)""")
                    .param("a", account).update();
            jdbc.sql("""
                            UPDATE contact_point SET time_zones = ARRAY[:zone]
                            WHERE debtor_id = (SELECT debtor_id FROM account WHERE id = :a) AND kind = 'PHONE'""")
                    .param("zone", zone).param("a", account).update();
        });
        short[] heard = promiseByPhone(account, "TH", "th");
        CallPrompts prompts = new CallPrompts(speech);
        double thai = Envelopes.match(prompts.opening("TH", "th", "").audio(), heard);
        double english = Envelopes.match(prompts.opening("TH", "en", "").audio(), heard);
        assertThat(thai).as("the phone heard the Thai disclosure (%.2f; the English one scores %.2f)", thai, english)
                .isGreaterThan(0.8).isGreaterThan(english + 0.1);
    }

    /**
     * Speech in: with this machine's recogniser set to hear English, the debtor on baresip answers in words — the
     * opening, "am I speaking with", a plan and a person — and keys the ID's last four (star for X) when asked who they
     * are. Each utterance stops the prompt it interrupts; the plan asked for in words is an arrangement; the call ends
     * handed over to a person; digits are kept only as x.
     */
    @Test
    void theEnglishAgentHearsTheDebtorSpeakOnAPhone() throws Exception {
        UUID account = tenant.accounts().get(2);
        speaks(account, "en");
        // a person says a short hello and waits (no answering machine); the third debtor's ID ends 102X
        String transcript = speaksThroughToAPlanAndAPerson(account, "en", """
                {"recognizer": "LOCAL", "languages": ["en"]}""", List.of("Hello?", "yes", "yes speaking",
                "can i pay in installments", "yes", "i want to speak to a person"), "102*#");
        assertThat(transcript).contains("\"said\":\"yes speaking\"", "\"said\":\"can i pay in installments\"",
                "\"said\":\"i want to speak to a person\"");
    }

    /**
     * Speech in through a Chinese cloud recogniser's real-time protocol: the tenant's CLOUD recogniser (a local gateway
     * speaking the protocol, which answers each utterance it hears with the sentence the test gives it), reached with a
     * token Candor made from the tenant's AccessKey pair at a local token service, hears the Mandarin debtor on
     * baresip, who keys the date of birth and speaks through to a plan and a person.
     */
    @Test
    void theMandarinAgentHearsTheDebtorThroughACloudRecogniser() throws Exception {
        UUID account = tenant.accounts().get(2);
        List<String> said = List.of("喂", "好的", "是我本人", "能不能分期还啊", "同意", "我要找人工客服");
        com.sun.net.httpserver.HttpServer tokens = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        tokens.createContext("/", x -> {
            boolean signed = x.getRequestURI().getRawQuery().contains("Action=CreateToken")
                    && x.getRequestURI().getRawQuery().contains("AccessKeyId=LTAI-test");
            byte[] b = (signed ? "{\"Token\":{\"Id\":\"nls-token\",\"ExpireTime\":" + (Instant.now().getEpochSecond()
                    + 86_400) + "}}" : "{\"Code\":\"SignatureDoesNotMatch\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.sendResponseHeaders(signed ? 200 : 400, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        tokens.start();
        try (io.candor.agent.speech.FakeSpeechGateway gateway = io.candor.agent.speech.FakeSpeechGateway.answering(
                "nls-token", said)) {
            String transcript = speaksThroughToAPlanAndAPerson(account, "zh-CN", """
                    {"recognizer": "CLOUD", "languages": ["zh-CN"], "gateway": "ws://127.0.0.1:%d/ws/v1",
                     "appKey": "candor-test", "accessKeyId": "LTAI-test", "accessKeySecret": "s3cret",
                     "tokenService": "http://127.0.0.1:%d/"}""".formatted(gateway.port, tokens.getAddress().getPort()),
                    said, "19900307#");
            assertThat(transcript).contains("\"said\":\"能不能分期还啊\"", "\"said\":\"我要找人工客服\"")
                    .doesNotContain("\"said\":\"喂\"");
            assertThat(gateway.commands).extracting(c -> c.path("header").path("appkey").asString())
                    .contains("candor-test");
        } finally {
            tokens.stop(0);
        }
    }

    /**
     * A call in words on baresip, on one timeline from the answer: the first words at once, the second once the
     * opening was heard whole, the third to the greeting; then {@code identity} keyed; then a plan, yes, a person.
     * Returns the call's transcript once it ended verified, with the plan an arrangement, the conversation handed over
     * and no digit of the identity answer kept.
     */
    private String speaksThroughToAPlanAndAPerson(UUID account, String language, String speechIn, List<String> said,
            String identity) throws Exception {
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        Api.Response set = api.put("/api/v1/channels/VOICE_AI/speech-in", admin, speechIn);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        long opening = new CallPrompts(speech).opening("CN", language, "").audio().length / 8 + 3_500;
        long[] at = {0, opening, opening + 4_000, opening + 13_000, opening + 18_000, opening + 23_000};
        short[] line = new short[8000 * 120];
        for (int i = 0; i < at.length; i++) {
            put(line, at[i], said.get(i), language);
        }
        try (Baresip phone = Baresip.start(dir, number(account), line)) {
            String id = answered(phone, account);
            Thread.sleep(opening + 8_500);
            phone.key(identity, 300);
            JsonNode call = eventually(id, c -> c.get("state").asString().equals("ENDED"), 60);
            String transcript = call.get("transcript").toString();
            assertThat(call.get("outcome").asString()).as(transcript).isEqualTo("VERIFIED");
            assertThat(call.get("dtmf").asString()).isEqualTo("x".repeat(identity.length() - 1) + "#");
            TenantContext.run(tenant.id(), () -> {
                assertThat(jdbc.sql("SELECT kind FROM arrangement WHERE account_id = :a").param("a", account)
                        .query(String.class).list()).as(transcript).containsExactly("PLAN");
                assertThat(jdbc.sql("""
                                SELECT c.state FROM agent_conversation c JOIN call ON call.conversation_id = c.id
                                WHERE call.id = :id""").param("id", UUID.fromString(id)).query(String.class).single())
                        .isEqualTo("HANDED_OVER");
                assertThat(jdbc.sql("""
                                SELECT count(*) FROM agent_turn t JOIN call ON call.conversation_id = t.conversation_id
                                WHERE call.id = :id AND t.debtor_text ~ '[0-9]'""").param("id", UUID.fromString(id))
                        .query(Integer.class).single()).as("no digit of the identity answer is kept").isZero();
            });
            return transcript;
        } finally {
            api.send("DELETE", "/api/v1/channels/VOICE_AI/speech-in", admin, null);
        }
    }

    /** The account's debtor speaks {@code language}. */
    private void speaks(UUID account, String language) {
        TenantContext.run(tenant.id(), () -> jdbc.sql("""
                        UPDATE debtor SET language = :l WHERE id = (SELECT debtor_id FROM account WHERE id = :a)""")
                .param("l", language).param("a", account).update());
    }

    /** Puts words, as a phone carries them (8 kHz), into the phone's line at {@code atMs}. */
    private void put(short[] line, long atMs, String words, String language) {
        byte[] wav = speech.synthesize(words, language);
        short[] pcm = io.candor.telephony.media.Wav.to8k(io.candor.telephony.media.Wav.channel(wav, 0),
                io.candor.telephony.media.Wav.format(wav).rate());
        System.arraycopy(pcm, 0, line, (int) (atMs * 8), Math.min(pcm.length, line.length - (int) (atMs * 8)));
    }

    private String number(UUID account) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT regexp_replace(cp.value, '[^0-9]', '', 'g') FROM contact_point cp
                        JOIN account a ON a.debtor_id = cp.debtor_id WHERE a.id = :a AND cp.kind = 'PHONE'""")
                .param("a", account).query(String.class).single());
    }

    /** The call, keyed through to a promise on baresip; returns what the phone heard. */
    private short[] promiseByPhone(UUID account, String country, String language) throws Exception {
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        String number = number(account);
        LocalDate by = TenantContext.call(tenant.id(), () -> businessDates.businessDate(tenant.id())).plusDays(7);
        String day = String.format(Locale.ROOT, "%02d%02d", by.getMonthValue(), by.getDayOfMonth());
        byte[] hello = speech.synthesize(switch (language) {
            case "en" -> "Hello, who is calling?";
            case "th" -> "สวัสดีครับ";
            default -> "喂，您好";
        }, language);
        try (Baresip phone = Baresip.start(dir, number, io.candor.telephony.media.Wav.to8k(
                io.candor.telephony.media.Wav.channel(hello, 0), io.candor.telephony.media.Wav.format(hello).rate()))) {
            String id = answered(phone, account);
            // the whole opening is heard before the debtor presses 1; then keys, which stop the prompts
            Thread.sleep(Math.max(9_000, new CallPrompts(speech).opening(country, language, "").audio().length / 8
                    + 500));
            phone.key("1", 2_000);
            phone.key("19900307#", 300);
            Thread.sleep(2_000);
            phone.key("1", 1_500);
            phone.key("500#", 300);
            Thread.sleep(1_500);
            phone.key(day + "#", 300);
            Thread.sleep(2_000);
            phone.key("#", 0);
            JsonNode call = eventually(id, c -> c.get("state").asString().equals("ENDED"), 45);
            assertThat(call.get("outcome").asString()).as(call.toString()).isEqualTo("VERIFIED");
            assertThat(call.get("dtmf").asString()).isEqualTo("1xxxxxxxx#1500#" + day + "##");
            TenantContext.run(tenant.id(), () -> assertThat(jdbc.sql("""
                            SELECT kind || ' ' || total_minor FROM arrangement WHERE account_id = :a""")
                    .param("a", account).query(String.class).single()).isEqualTo("PROMISE 50000"));
            return phone.heard();
        }
    }

    /** The tenant's trunk pointed at the phone, an AI call placed to the account, answered: its id. */
    private String answered(Baresip phone, UUID account) throws Exception {
        Api.Response trunk = api.put("/api/v1/channels/VOICE_AI", admin, """
                {"settings": {"host": "127.0.0.1", "port": "%d", "transport": "udp", "from": "4008001234"}}"""
                .formatted(phone.port));
        assertThat(trunk.status()).as(trunk.body()).isEqualTo(200);
        Api.Response placed = api.post("/api/v1/accounts/" + account + "/calls", collector,
                "{\"channel\": \"VOICE_AI\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String id = placed.json().get("id").asString();
        JsonNode call = eventually(id, c -> !c.get("state").asString().equals("DIALLING"), 20);
        assertThat(call.get("state").asString()).as(phone.log()).isEqualTo("ANSWERED");
        return id;
    }

    private JsonNode eventually(String id, java.util.function.Predicate<JsonNode> done, int seconds)
            throws InterruptedException {
        return api.eventually("/api/v1/calls/" + id, collector, done, Duration.ofSeconds(seconds));
    }
}
