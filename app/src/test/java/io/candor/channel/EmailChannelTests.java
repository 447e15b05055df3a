package io.candor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.candor.arrangement.InstalmentReminders;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.ContactPreferences;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * E-mail end to end against a real SMTP server (GreenMail on loopback): gate, template in the debtor's language,
 * opt-out line, idempotency, delivery status, contact event, evidence; and what is refused before anything is sent.
 */
@CandorIntegrationTest
class EmailChannelTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailInbound inbound;

    GreenMail smtp;
    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String collector;

    @BeforeEach
    void setUp() {
        smtp = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        smtp.start();
        smtp.setUser("collections@bank.example", "collections", "mailbox-pw");
        api = new Api(port);
        tenant = tenants.create("mail");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        Api.Response zh = api.put("/api/v1/templates/email-reminder", admin, """
                {"channel": "EMAIL", "locale": "zh-CN", "jurisdiction": "CN", "body":
                 "{{debtor_name}}您好：您在{{creditor}}的账单已逾期，应还金额{{balance}}。对金额有异议请通过投诉渠道联系我们，联系电话{{contact_phone}}。"}""");
        assertThat(zh.status()).as(zh.body()).isEqualTo(200);
        Api.Response en = api.put("/api/v1/templates/email-reminder", admin, """
                {"channel": "EMAIL", "locale": "en", "jurisdiction": "CN", "body":
                 "Dear {{debtor_name}}, your account with {{creditor}} is overdue: {{balance}}. To dispute it, call {{contact_phone}}."}""");
        assertThat(en.status()).as(en.body()).isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    void configure() {
        Api.Response r = api.put("/api/v1/channels/EMAIL", admin, """
                {"settings": {"host": "127.0.0.1", "port": "%d", "from": "collections@bank.example",
                              "contactPhone": "400-800-1234"}}""".formatted(smtp.getSmtp().getPort()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    Api.Response send(UUID account, String key) {
        return api.post("/api/v1/accounts/" + account + "/messages", collector, "{\"template\": \"email-reminder\"}",
                "Idempotency-Key", key);
    }

    @Test
    void anEmailGoesOutOnceInTheDebtorsLanguageAndIsProven() throws Exception {
        configure();
        UUID account = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "EMAIL"));
        Api.Response sent = send(account, "k-1");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("status").asString()).as(sent.body()).isEqualTo("SENT");
        assertThat(sent.json().get("locale").asString()).isEqualTo("zh-CN");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("debtor0@example.com");
        assertThat(mail.getSubject()).startsWith("还款提醒 — ");
        assertThat(text(mail)).contains("测试债务人0您好").contains("1012.34 CNY").contains("400-800-1234")
                .contains("如不希望再收到此类邮件，请回复“退订”。");
        assertThat(mail.getHeader("X-Candor-Message")[0]).isEqualTo(sent.json().get("id").asString());

        Api.Response again = send(account, "k-1");
        assertThat(again.json().get("id").asString()).as("the same key is the same message").isEqualTo(
                sent.json().get("id").asString());
        assertThat(smtp.getReceivedMessages()).as("and it is not sent twice").hasSize(1);

        String outcome = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT e.outcome FROM contact_event e JOIN outbound_message m ON m.contact_event_id = e.id
                        WHERE m.id = :id""").param("id", UUID.fromString(sent.json().get("id").asString()))
                .query(String.class).single());
        assertThat(outcome).isEqualTo("DELIVERED");
        long evidence = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM (SELECT seq FROM evidence_pending WHERE type = 'MESSAGE_SENT'
                                              UNION ALL SELECT seq FROM evidence_entry WHERE type = 'MESSAGE_SENT') x""")
                .query(Long.class).single());
        assertThat(evidence).isEqualTo(1);
        assertThat(api.get("/api/v1/accounts/" + account + "/messages", collector).json()).hasSize(1);
    }

    /** The decoded text of a received mail. */
    static String text(MimeMessage mail) throws Exception {
        String body = GreenMailUtil.getBody(mail);
        return new String(MimeUtility.decode(new ByteArrayInputStream(
                body.getBytes(StandardCharsets.US_ASCII)), mail.getEncoding() == null ? "7bit"
                : mail.getEncoding()).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aPortalLinkIsSentByEmailThroughTheGateAndOpensThePortal() throws Exception {
        Api.Response t = api.put("/api/v1/templates/portal-link-email", admin, """
                {"channel": "EMAIL", "locale": "zh-CN", "jurisdiction": "CN", "body":
                 "{{debtor_name}}您好：您可以通过以下链接在线查看您在{{creditor}}账单的明细和全部催收记录：{{portal_link}} 。联系电话{{contact_phone}}。"}""");
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        configure();
        UUID account = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "EMAIL"));
        Api.Response link = api.post("/api/v1/accounts/" + account + "/portal-links", collector,
                "{\"channel\": \"EMAIL\"}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        assertThat(link.json().get("message").get("status").asString()).isEqualTo("SENT");
        String url = link.json().get("url").asString();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(text(smtp.getReceivedMessages()[0])).contains(url);
        // the debtor opens it, verifies, and reads the very e-mail again in the history
        HttpClient debtor = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = debtor.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> verified = debtor.send(HttpRequest.newBuilder(
                        URI.create(url + "/verify"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("idLast4=100X&birthDate=1990-03-07&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(verified.uri().getPath()).isEqualTo("/portal");
        String home = debtor.send(HttpRequest.newBuilder(URI.create(api.base() + "/portal"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher read = Pattern.compile("href=\"(/portal/messages/[0-9a-f-]+)\"")
                .matcher(home);
        assertThat(read.find()).as("the e-mail is in the history with a link to read it").isTrue();
        String message = debtor.send(HttpRequest.newBuilder(URI.create(api.base()
                + read.group(1))).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(message).contains(url.replace("&", "&amp;")).contains("测试债务人0您好");
        // another account's message id reads as unknown
        String other = debtor.send(HttpRequest.newBuilder(URI.create(api.base()
                + "/portal/messages/" + UUID.randomUUID())).build(), HttpResponse.BodyHandlers.ofString())
                .uri().toString();
        assertThat(other).endsWith("done=unknown-message");
    }

    @Autowired
    InstalmentReminders reminders;

    @Autowired
    ContactPreferences preferences;

    @Autowired
    Tenants tenantStore;

    @Test
    void anInstalmentReminderGoesOutOnceBeforeItIsDueByTheChannelTheDebtorPrefers() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 2);
        TenantContext.run(tenant.id(), () -> tenantStore.setBusinessDate(tenant.id(), today));
        Api.Response t = api.put("/api/v1/templates/instalment-reminder-email", admin, """
                {"channel": "EMAIL", "locale": "zh-CN", "jurisdiction": "CN", "body":
                 "{{debtor_name}}您好：温馨提醒，您与{{creditor}}约定的还款{{amount}}将于{{due_date}}到期。如对金额有异议，请联系我们，联系电话{{contact_phone}}。"}""");
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        configure();
        UUID account = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "EMAIL"));
        UUID debtor = TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT debtor_id FROM account WHERE id = :a")
                .param("a", account).query(UUID.class).single());
        TenantContext.run(tenant.id(), () -> preferences.prefer(debtor,
                new ContactPreferences.Preference("EMAIL", null), "test"));
        Api.Response plan = api.post("/api/v1/accounts/" + account + "/arrangements", collector,
                "{\"kind\":\"PLAN\",\"count\":3,\"dueOn\":\"" + today.plusDays(5) + "\"}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);

        assertThat(TenantContext.call(tenant.id(), () -> reminders.remind(today)).due())
                .as("five days ahead is not yet time").isZero();
        InstalmentReminders.Summary first = TenantContext.call(tenant.id(),
                () -> reminders.remind(today.plusDays(2)));
        assertThat(first.sent()).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(text(smtp.getReceivedMessages()[0])).contains("337.44 CNY").contains(today.plusDays(5).toString());
        assertThat(TenantContext.call(tenant.id(), () -> reminders.remind(today.plusDays(3))).sent())
                .as("once per instalment").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void nothingLeavesWithoutAProviderAKeyOrTheGatesConsent() {
        UUID account = tenant.accounts().get(1);
        Api.Response noProvider = send(account, "k-2");
        assertThat(noProvider.status()).isEqualTo(400);
        assertThat(noProvider.body()).contains("PUT /api/v1/channels/EMAIL");
        configure();
        assertThat(api.post("/api/v1/accounts/" + account + "/messages", collector, "{\"template\": \"email-reminder\"}")
                .status()).as("no idempotency key").isEqualTo(400);
        assertThat(api.post("/api/v1/accounts/" + account + "/holds", admin,
                "{\"hold\":\"DISPUTE\",\"reason\":\"debtor disputes the amount\"}").status()).isEqualTo(201);
        Api.Response refused = send(account, "k-3");
        assertThat(refused.status()).isEqualTo(201);
        assertThat(refused.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().get("detail").asString()).contains("HOLD-DISPUTE");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(api.put("/api/v1/channels/EMAIL", collector, "{\"settings\": {}}").status())
                .as("only an administrator sets providers").isEqualTo(403);
    }

    @Test
    void aStopReplyByEmailOptsTheAddressOutAndEveryReplyIsKept() throws Exception {
        Api.Response r = api.put("/api/v1/channels/EMAIL", admin, """
                {"settings": {"host": "127.0.0.1", "port": "%d", "from": "collections@bank.example",
                              "imapHost": "127.0.0.1", "imapPort": "%d", "imapUser": "collections"},
                 "secret": "mailbox-pw"}""".formatted(smtp.getSmtp().getPort(), smtp.getImap().getPort()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        GreenMailUtil.sendTextEmail("collections@bank.example", "debtor1@example.com", "回复：还款提醒",
                "我下周还，谢谢", smtp.getSmtp().getServerSetup());
        GreenMailUtil.sendTextEmail("collections@bank.example", "debtor2@example.com", "Re: 还款提醒",
                "退订\n请不要再发邮件", smtp.getSmtp().getServerSetup());
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(TenantContext.call(tenant.id(), () -> inbound.poll())).isEqualTo(2);
        assertThat(TenantContext.call(tenant.id(), () -> inbound.poll())).as("read replies are not read again").isZero();
        String stopped = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT opted_out::text FROM contact_point WHERE id = :id")
                .param("id", tenants.contactPoint(tenant, tenant.accounts().get(2), "EMAIL")).query(String.class).single());
        assertThat(stopped).contains("EMAIL");
        String kept = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT opted_out::text FROM contact_point WHERE id = :id")
                .param("id", tenants.contactPoint(tenant, tenant.accounts().get(1), "EMAIL")).query(String.class).single());
        assertThat(kept).doesNotContain("EMAIL");
        long replies = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM (SELECT seq FROM evidence_pending WHERE type = 'EMAIL_REPLY'
                                              UNION ALL SELECT seq FROM evidence_entry WHERE type = 'EMAIL_REPLY') x""")
                .query(Long.class).single());
        assertThat(replies).isEqualTo(2);

        // a reply that complains becomes a case
        GreenMailUtil.sendTextEmail("collections@bank.example", "debtor1@example.com", "Re: 还款提醒",
                "我要投诉：你们的人给我单位打电话，说了我的欠款", smtp.getSmtp().getServerSetup());
        assertThat(smtp.waitForIncomingEmail(5000, 3)).isTrue();
        assertThat(TenantContext.call(tenant.id(), () -> inbound.poll())).isEqualTo(1);
        tools.jackson.databind.JsonNode cases = api.get("/api/v1/complaints",
                api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD)).json();
        assertThat(cases.findValuesAsString("intake")).containsExactly("EMAIL");
        assertThat(cases.findValuesAsString("account")).containsExactly(tenant.accounts().get(1).toString());
        assertThat(cases.get(0).get("summary").asString()).startsWith("Re: 还款提醒: 我要投诉");
    }

    @Test
    void theFilledTextIsLintedForWhereTheDebtorLives() {
        configure();
        UUID account = tenant.accounts().get(2);
        // the debtor moved to the US: the Chinese-jurisdiction English text lacks the US disclosures
        TenantContext.run(tenant.id(), () -> jdbc.sql("""
                        UPDATE debtor SET country = 'US', region = 'US-NY', language = 'en'
                        WHERE id = (SELECT debtor_id FROM account WHERE id = :a)""").param("a", account).update());
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "EMAIL"));
        Api.Response sent = send(account, "k-us");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("status").asString()).as(sent.body()).isEqualTo("FAILED");
        assertThat(sent.json().get("detail").asString()).contains("US-MINI-MIRANDA");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
