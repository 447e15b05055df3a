package io.candor.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A complaint's messages are service messages, through a real SMTP server (GreenMail): while the case holds
 * collection a collection e-mail is refused, but the acknowledgement goes out, and the approved final response goes
 * out as an e-mail carrying the letter as a PDF; both recorded as SERVICE contacts; the case RESPONDED.
 */
@CandorIntegrationTest
class ComplaintMessagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void theAcknowledgementAndFinalResponseGoOutUnderTheHoldThatStopsCollection() throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("complaint-mail");
        String admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        String supervisor = api.token(t.slug(), "supervisor", TestTenants.PASSWORD);
        String officer = api.token(t.slug(), "compliance_officer", TestTenants.PASSWORD);
        UUID account = t.accounts().getFirst();
        assertThat(api.put("/api/v1/channels/EMAIL", admin, """
                {"settings": {"host": "127.0.0.1", "port": "%d", "from": "complaints@bank.example",
                              "contactPhone": "400-800-1234"}}""".formatted(smtp.getSmtp().getPort())).status())
                .isEqualTo(200);
        TestTenants.anyHour(api, admin, tenants.contactPoint(t, account, "EMAIL"));
        for (String code : new String[] {"complaint-acknowledgement-email", "complaint-final-response-email"}) {
            Api.Response a = api.put("/api/v1/templates/" + code, admin, shipped(code, "zh-CN"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
        }
        Api.Response collection = api.put("/api/v1/templates/email-reminder", admin, """
                {"channel": "EMAIL", "locale": "zh-CN", "jurisdiction": "CN", "body":
                 "{{debtor_name}}您好：您在{{creditor}}的账单已逾期，应还金额{{balance}}。联系电话{{contact_phone}}。"}""");
        assertThat(collection.status()).as(collection.body()).isEqualTo(200);

        String id = api.post("/api/v1/complaints", supervisor, """
                {"account":"%s","summary":"一天之内收到五封催收邮件"}""".formatted(account)).json().get("id").asString();
        Api.Response refused = api.post("/api/v1/accounts/" + account + "/messages", admin,
                "{\"template\": \"email-reminder\"}", "Idempotency-Key", "held-1");
        assertThat(refused.json().get("status").asString()).as("collection is held").isEqualTo("REFUSED");

        JsonNode ack = api.post("/api/v1/complaints/" + id + "/acknowledgement", supervisor,
                "{\"channel\":\"EMAIL\"}").json();
        assertThat(ack.get("message").get("status").asString()).as(ack.toString()).isEqualTo("SENT");
        assertThat(ack.get("message").get("purpose").asString()).isEqualTo("SERVICE");
        assertThat(api.post("/api/v1/complaints/" + id + "/acknowledgement", supervisor, "{\"channel\":\"EMAIL\"}")
                .json().get("message").get("id").asString()).as("sent once").isEqualTo(
                ack.get("message").get("id").asString());
        assertThat(api.post("/api/v1/complaints/" + id + "/acknowledgement", supervisor, "{\"channel\":\"LETTER\"}")
                .status()).as("an acknowledgement goes by SMS or e-mail").isEqualTo(400);
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage first = smtp.getReceivedMessages()[0];
        String reference = Complaints.reference(UUID.fromString(id));
        assertThat(first.getSubject()).contains(reference).contains("已受理");

        api.put("/api/v1/complaints/" + id + "/handler", supervisor, "{\"handler\":\"compliance_officer\"}");
        api.post("/api/v1/complaints/" + id + "/state", officer, "{\"state\":\"INVESTIGATING\"}");
        api.post("/api/v1/complaints/" + id + "/response", officer,
                "{\"text\":\"经核查，邮件发送频次超出规定，已调整发送策略并致歉。\"}");
        JsonNode answered = api.post("/api/v1/complaints/" + id + "/response/approve", supervisor,
                "{\"channel\":\"EMAIL\"}").json();
        assertThat(answered.get("message").get("status").asString()).as(answered.toString()).isEqualTo("SENT");
        assertThat(answered.get("case").get("state").asString()).isEqualTo("RESPONDED");
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage response = smtp.getReceivedMessages()[1];
        assertThat(response.getSubject()).contains(reference).contains("处理决定");
        Multipart parts = (Multipart) response.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Part pdf = parts.getBodyPart(1);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        try (PDDocument letter = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(letter)).contains("处理决定").contains("已调整发送策略并致歉")
                    .contains("核查");
        }
        long service = TenantContext.call(t.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM contact_event WHERE account_id = :a AND purpose = 'SERVICE'
                          AND outcome = 'DELIVERED'""").param("a", account).query(Long.class).single());
        assertThat(service).as("both recorded as service contacts").isEqualTo(2);
    }

    private String shipped(String code, String locale) throws Exception {
        for (JsonNode x : JsonMapper.builder().build().readTree(
                getClass().getResourceAsStream("/template/service-templates.json"))) {
            if (x.get("code").asString().equals(code) && x.get("locale").asString().equals(locale)) {
                return ((ObjectNode) x).without("code").toString();
            }
        }
        throw new AssertionError("no shipped " + code + " " + locale);
    }
}
