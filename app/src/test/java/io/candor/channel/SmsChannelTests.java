package io.candor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.candor.channel.sandbox.SandboxSmsc;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMS over SMPP against a real SMSC on loopback: the bind, a Chinese text as UCS-2 with its opt-out line, the
 * delivery receipt that marks it delivered, and the debtor's "退订" that stops SMS to that number at once.
 */
@CandorIntegrationTest
class SmsChannelTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    SandboxSmsc smsc;
    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String collector;

    @BeforeEach
    void setUp() throws Exception {
        smsc = new SandboxSmsc("candor", "smpp-pw");
        api = new Api(port);
        tenant = tenants.create("sms");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        Api.Response t = api.put("/api/v1/templates/sms-reminder", admin, """
                {"channel": "SMS", "locale": "zh-CN", "jurisdiction": "CN", "body":
                 "{{debtor_name}}您好，您在{{creditor}}的账单已逾期，应还{{balance}}。如有疑问请致电{{contact_phone}}。"}""");
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        Api.Response p = api.put("/api/v1/channels/SMS", admin, """
                {"settings": {"host": "127.0.0.1", "port": "%d", "systemId": "candor", "sourceAddr": "10690001",
                              "contactPhone": "400-800-1234"}, "secret": "smpp-pw"}""".formatted(smsc.port));
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(p.body()).doesNotContain("smpp-pw");
    }

    @AfterEach
    void tearDown() throws Exception {
        smsc.close();
    }

    static <T> T eventually(Supplier<T> value, Predicate<T> done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        T v = value.get();
        while (!done.test(v) && Instant.now().isBefore(until)) {
            Thread.sleep(50);
            v = value.get();
        }
        return v;
    }

    @Test
    void aTextIsSentDeliveredAndStoppedByTheDebtorsReply() throws Exception {
        UUID account = tenant.accounts().getFirst();
        UUID phone = tenants.contactPoint(tenant, account, "PHONE");
        TestTenants.anyHour(api, admin, phone);

        Api.Response sent = api.post("/api/v1/accounts/" + account + "/messages", collector,
                "{\"template\": \"sms-reminder\"}", "Idempotency-Key", "s-1");
        assertThat(sent.json().get("status").asString()).as(sent.body()).isEqualTo("SENT");
        assertThat(smsc.submitted).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("8613800138000");
            assertThat(m.from()).isEqualTo("10690001");
            assertThat(m.dataCoding()).as("UCS-2").isEqualTo(SmppSms.UCS2);
            assertThat(m.text()).startsWith("测试债务人0您好").contains("1012.34 CNY").endsWith("回复TD退订");
        });
        assertThat(sent.json().get("providerId").asString()).isEqualTo(smsc.submitted.getFirst().id());

        smsc.receipt(smsc.submitted.getFirst(), DeliveryReceiptState.DELIVRD);
        String status = eventually(() -> api.get("/api/v1/accounts/" + account + "/messages", collector).json().get(0)
                .get("status").asString(), "DELIVERED"::equals);
        assertThat(status).isEqualTo("DELIVERED");

        smsc.reply("8613800138000", "退订");
        String optedOut = eventually(() -> TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT opted_out::text FROM contact_point WHERE id = :id").param("id", phone).query(String.class)
                .single()), v -> v.contains("SMS"));
        assertThat(optedOut).contains("SMS");
        Api.Response after = api.post("/api/v1/accounts/" + account + "/messages", collector,
                "{\"template\": \"sms-reminder\"}", "Idempotency-Key", "s-2");
        assertThat(after.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(after.json().get("detail").asString()).contains("OPT-OUT");
        assertThat(smsc.submitted).hasSize(1);
    }

    @Test
    void aWrongPasswordFailsTheSendAndSaysWhy() {
        assertThat(api.put("/api/v1/channels/SMS", admin, """
                {"settings": {"host": "127.0.0.1", "port": "%d", "systemId": "candor", "sourceAddr": "10690001",
                              "contactPhone": "400"}, "secret": "wrong"}""".formatted(smsc.port)).status()).isEqualTo(200);
        UUID account = tenant.accounts().get(1);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        Api.Response sent = api.post("/api/v1/accounts/" + account + "/messages", collector,
                "{\"template\": \"sms-reminder\"}", "Idempotency-Key", "s-3");
        assertThat(sent.json().get("status").asString()).as(sent.body()).isEqualTo("FAILED");
        assertThat(sent.json().get("detail").asString()).startsWith("SMPP");
        assertThat(smsc.submitted).isEmpty();
    }

    @Test
    void aDebtorWhoTextsBackTalksWithTheAgentOverSms() throws Exception {
        UUID account = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        // the reminder the debtor answers (it also binds the transceiver their replies come back on)
        assertThat(api.post("/api/v1/accounts/" + account + "/messages", collector, "{\"template\": \"sms-reminder\"}",
                "Idempotency-Key", "s-4").json().get("status").asString()).isEqualTo("SENT");
        smsc.reply("8613800138000", "是我");
        SandboxSmsc.Submitted first = eventually(() -> smsc.submitted.size() < 2 ? null : smsc.submitted.get(1),
                Objects::nonNull);
        assertThat(first).as("the agent answers the text").isNotNull();
        assertThat(first.to()).isEqualTo("8613800138000");
        assertThat(first.text()).contains("AI").contains("出生日期").doesNotContain("1012").endsWith("回复TD退订");
        smsc.reply("8613800138000", "我的出生日期是1990年3月7日");
        SandboxSmsc.Submitted second = eventually(() -> smsc.submitted.size() < 3 ? null : smsc.submitted.get(2),
                Objects::nonNull);
        assertThat(second).isNotNull();
        assertThat(second.text()).contains("1012.34 CNY");
        smsc.reply("8613800138000", "退订");
        // the positive signal that the stop word was handled: the opt-out is recorded on the number
        Boolean stopped = eventually(() -> api.get("/api/v1/accounts/" + account, admin).json().get("contactPoints")
                .valueStream().anyMatch(p -> p.get("kind").asString().equals("PHONE")
                        && p.get("optedOut").valueStream().anyMatch(o -> o.asString().equals("SMS"))), b -> b);
        assertThat(stopped).isTrue();
        assertThat(smsc.submitted).as("a stop word is not answered").hasSize(3);
        assertThat(api.get("/api/v1/accounts/" + account + "/messages", collector).json().valueStream()
                .map(m -> m.get("template").asString()).toList())
                .containsExactlyInAnyOrder("sms-reminder", "agent-reply", "agent-reply");
    }
}
