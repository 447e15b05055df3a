package io.candor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.candor.agent.speech.Speech;
import io.candor.compliance.Hold;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent end to end in Chinese and English: nothing about the debt before the right party is verified, then a
 * promise, a dispute, a complaint recorded through the modules that own them; a wrong number and a vulnerable
 * debtor handled without disclosure; every turn in the evidence log.
 */
@CandorIntegrationTest
class AgentConversationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Speech speech;

    Api api;
    TestTenants.TestTenant tenant;
    String collector;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("agent");
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
    }

    JsonNode start(UUID account) {
        Api.Response r = api.post("/api/v1/agent/conversations", collector,
                "{\"account\": \"" + account + "\", \"channel\": \"CHAT\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode say(JsonNode conversation, String text) {
        Api.Response r = api.post("/api/v1/agent/conversations/" + conversation.get("id").asString() + "/turns",
                collector, "{\"text\": " + JsonMapper.builder().build()
                        .writeValueAsString(text) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String reply(JsonNode view) {
        JsonNode turns = view.get("turns");
        return turns.get(turns.size() - 1).get("reply").asString();
    }

    static List<String> actions(JsonNode view) {
        JsonNode turns = view.get("turns");
        return turns.get(turns.size() - 1).get("actions").valueStream().map(JsonNode::asString).toList();
    }

    List<String> signals(UUID account) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT signal FROM account_signal WHERE account_id = :a")
                .param("a", account).query(String.class).list());
    }

    List<String> holds(UUID account) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT hold FROM account_hold WHERE account_id = :a")
                .param("a", account).query(String.class).list());
    }

    @Test
    void inChineseTheDebtIsDisclosedOnlyAfterVerificationAndAPromiseIsRecorded() {
        UUID account = tenant.accounts().getFirst();
        JsonNode c = start(account);
        assertThat(reply(c)).contains("测试债务人0").contains("AI").doesNotContain("逾期").doesNotContain("1012");
        c = say(c, "是我");
        assertThat(reply(c)).contains("出生日期").doesNotContain("1012");
        c = say(c, "身份证后四位是1234");
        assertThat(reply(c)).contains("没有对上").doesNotContain("1012");
        c = say(c, "我的出生日期是1990年3月7日");
        assertThat(c.get("state").asString()).isEqualTo("VERIFIED");
        assertThat(reply(c)).contains("1012.34 CNY").contains("分期");
        c = say(c, "下周五之前我还五百块");
        assertThat(actions(c)).containsExactly("RecordPromise");
        assertThat(reply(c)).contains("500.00 CNY");
        assertThat(signals(account)).contains("ARRANGEMENT_ACTIVE");
        long evidence = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM (SELECT seq FROM evidence_pending WHERE type = 'AGENT_TURN'
                                              UNION ALL SELECT seq FROM evidence_entry WHERE type = 'AGENT_TURN') x""")
                .query(Long.class).single());
        assertThat(evidence).as("every turn, the greeting too").isEqualTo(5);
    }

    @Test
    void inEnglishADisputeSetsTheHoldAndAComplaintGoesToASupervisor() {
        UUID account = tenant.accounts().get(1);
        TenantContext.run(tenant.id(), () -> jdbc.sql(
                "UPDATE debtor SET language = 'en' WHERE id = (SELECT debtor_id FROM account WHERE id = :a)")
                .param("a", account).update());
        JsonNode c = start(account);
        assertThat(reply(c)).startsWith("Hello").doesNotContain("overdue");
        c = say(c, "yes speaking");
        assertThat(reply(c)).contains("date of birth");
        c = say(c, "the last four are 101X");
        assertThat(reply(c)).contains("1012.34 CNY");
        c = say(c, "I never borrowed this money, I dispute it");
        assertThat(actions(c)).containsExactly("Dispute");
        assertThat(c.get("state").asString()).isEqualTo("ENDED");
        assertThat(holds(account)).contains("DISPUTE");

        UUID other = tenant.accounts().get(2);
        JsonNode d = start(other);
        d = say(d, "1990-03-07");
        assertThat(d.get("state").asString()).isEqualTo("VERIFIED");
        d = say(d, "你们天天打电话骚扰，我要投诉");
        assertThat(actions(d)).contains("Complaint", "Handover");
        assertThat(d.get("state").asString()).isEqualTo("HANDED_OVER");
        assertThat(holds(other)).contains("COMPLAINT_OPEN");
        JsonNode cases = api.get("/api/v1/complaints", api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD))
                .json();
        assertThat(cases.findValuesAsString("intake")).as("the complaint is a case").containsExactly("AI_AGENT");
        assertThat(cases.findValuesAsString("account")).containsExactly(other.toString());
    }

    @Test
    void aWrongNumberAndADebtorInCrisisNeverHearAboutTheDebt() {
        UUID account = tenant.accounts().get(2);
        JsonNode c = start(account);
        c = say(c, "你打错了，我不是他");
        assertThat(actions(c)).containsExactly("WrongParty");
        assertThat(reply(c)).doesNotContain("1012").doesNotContain("逾期");
        String optedOut = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT cp.opted_out::text FROM contact_point cp JOIN account a ON a.debtor_id = cp.debtor_id
                        WHERE a.id = :a AND cp.kind = 'PHONE'""").param("a", account).query(String.class).single());
        assertThat(optedOut).contains("SMS").contains("VOICE_AI");

        JsonNode crisis = start(tenant.accounts().getFirst());
        crisis = say(crisis, "我真的不想活了");
        assertThat(actions(crisis)).containsExactly("FlagVulnerable", "Handover");
        assertThat(reply(crisis)).contains("12356").doesNotContain("1012");
        assertThat(crisis.get("state").asString()).isEqualTo("HANDED_OVER");
        assertThat(signals(tenant.accounts().getFirst())).contains("VULNERABLE", "NEGATIVE_EMOTION", "ESCALATED");
        // the people's queue of warm transfers, with the transcript
        String crisisId = crisis.get("id").asString();
        JsonNode handed = api.get("/api/v1/agent/conversations?state=HANDED_OVER", collector).json();
        assertThat(handed).singleElement().satisfies(v -> {
            assertThat(v.get("id").asString()).isEqualTo(crisisId);
            assertThat(v.get("turns").get(1).get("debtor").asString()).isEqualTo("我真的不想活了");
        });
        assertThat(api.get("/api/v1/agent/conversations?state=LOST", collector).status()).isEqualTo(400);
    }

    @Test
    void underEveryHoldCandorStartsNoConversationAndTheDebtorsOwnIsAnsweredWithoutCollecting() {
        UUID account = tenant.accounts().getFirst();
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        for (Hold hold : Hold.values()) {
            Api.Response set = api.post("/api/v1/accounts/" + account + "/holds", admin,
                    "{\"hold\":\"" + hold + "\",\"reason\":\"test\"}");
            assertThat(set.status()).isEqualTo(201);
            // a call or a text Candor would start is a contact: the gate refuses it, and nothing is said
            for (String channel : List.of("VOICE", "SMS")) {
                Api.Response refused = api.post("/api/v1/agent/conversations", collector,
                        "{\"account\": \"" + account + "\", \"channel\": \"" + channel + "\"}");
                assertThat(refused.status()).as(hold + " " + channel).isEqualTo(409);
                assertThat(refused.json().get("rules").valueStream().map(JsonNode::asString).toList())
                        .contains("HOLD-" + hold);
            }
            // a chat the debtor opens is answered: verified, told that collection is paused and why, never pressed
            JsonNode c = start(account);
            c = say(c, "我的出生日期是1990年3月7日");
            assertThat(c.get("state").asString()).isEqualTo("VERIFIED");
            assertThat(reply(c)).as(hold.name()).contains("暂停催收").doesNotContain("1012.34").doesNotContain("应还");
            c = say(c, "下周五之前我还五百块");
            assertThat(actions(c)).as(hold.name()).isEmpty();
            assertThat(reply(c)).contains("不接受还款承诺").doesNotContain("500.00");
            c = say(c, "我想分6期还款");
            assertThat(actions(c)).isEmpty();
            assertThat(reply(c)).doesNotContain("每期");
            c = say(c, "同意");
            assertThat(actions(c)).isEmpty();
            c = say(c, "转人工");
            assertThat(actions(c)).contains("Handover");
            assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql(
                    "SELECT count(*) FROM arrangement WHERE account_id = :a").param("a", account).query(Long.class)
                    .single())).as("no promise or plan under " + hold).isZero();
            String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
            assertThat(api.post("/api/v1/holds/" + set.json().get("id").asString() + "/lift", supervisor, "{}")
                    .status()).isEqualTo(200);
        }
        // with no hold, the agent's call passes the gate and records who answered on the contact it reserved
        Api.Response call = api.post("/api/v1/agent/conversations", collector,
                "{\"account\": \"" + account + "\", \"channel\": \"VOICE\"}");
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        assertThat(reply(call.json())).contains("通话");
        JsonNode v = say(call.json(), "1990-03-07");
        assertThat(reply(v)).contains("1012.34 CNY");
        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT e.outcome FROM agent_conversation c JOIN contact_event e ON e.id = c.contact_event_id
                        WHERE c.id = :id""").param("id", UUID.fromString(v.get("id").asString())).query(String.class)
                .single())).isEqualTo("RIGHT_PARTY_CONTACT");
        // a text conversation says nothing of a recorded call; Candor cannot open a chat itself
        assertThat(reply(start(tenant.accounts().get(1)))).doesNotContain("通话").contains("对话");
        assertThat(api.post("/api/v1/agent/conversations", collector, "{\"account\": \"" + account
                + "\", \"channel\": \"CHAT\", \"direction\": \"OUTBOUND\"}").status()).isEqualTo(400);
    }

    @Test
    void aCallbackIsAskedForAtTenInTheMorningInTheDebtorsOwnZone() {
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String csv = "creditor_ref,debtor_name,national_id,birth_date,phone,country,language,currency,principal,due_date\n"
                + "MX-1,María López,LOPM800101HDFRRN09,1980-01-01,5512345678,MX,en,MXN,1500.00,2026-10-01\n";
        UUID account = api.place(admin, csv, "MX-1");
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        JsonNode c = start(account);
        c = say(c, "1980-01-01");
        assertThat(c.get("state").asString()).isEqualTo("VERIFIED");
        c = say(c, "Can you call back tomorrow morning");
        assertThat(actions(c)).containsExactly("Callback");
        ZonedDateTime at = Instant.parse(c.get("callbackAt").asString())
                .atZone(ZoneId.of("America/Mexico_City"));
        assertThat(at.toLocalTime()).as("10:00 in Mexico City, not in Shanghai").isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void aSpokenTurnIsHeardAnsweredAndSpokenBack() {
        UUID account = tenant.accounts().get(1);
        TenantContext.run(tenant.id(), () -> jdbc.sql(
                "UPDATE debtor SET language = 'en' WHERE id = (SELECT debtor_id FROM account WHERE id = :a)")
                .param("a", account).update());
        // the debtor calls in: answered whatever the hour
        Api.Response started = api.post("/api/v1/agent/conversations", collector,
                "{\"account\": \"" + account + "\", \"channel\": \"VOICE\", \"direction\": \"INBOUND\"}");
        String id = started.json().get("id").asString();
        byte[] said = speech.synthesize("yes speaking", "en");
        Api.Response r = api.sendBytes("/api/v1/agent/conversations/" + id + "/voice-turns", collector, "audio/wav", said);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("heard").asString()).isEqualTo("yes speaking");
        assertThat(reply(r.json().get("conversation"))).contains("date of birth");
        byte[] answer = Base64.getDecoder().decode(r.json().get("replyWav").asString());
        assertThat(new String(answer, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    }
}
