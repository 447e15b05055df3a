package io.candor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.WebSession;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The demo's texts, e-mails and letters go out over real SMPP, SMTP and a pick-up folder, and read in the outbox. */
@CandorIntegrationTest
class DemoOutboxTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoSeeder seeder;

    @Autowired
    Tenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTextAnEmailAndALetterReachTheSandboxPeersAndTheDebtorsStopStopsTexts() throws Exception {
        seeder.seed();
        Api api = new Api(port);
        String admin = api.token("demo-bank", "admin", DemoSeeder.PASSWORD);
        String collector = api.token("demo-bank", "collector", DemoSeeder.PASSWORD);
        JsonNode sent = null;
        String account = null;
        String phone = null;
        for (JsonNode a : api.get("/api/v1/accounts?bucket=M1&limit=200", admin).json().get("items")) {
            JsonNode detail = api.get("/api/v1/accounts/" + a.get("id").asString(), admin).json();
            Set<String> kinds = new HashSet<>();
            detail.get("contactPoints").forEach(p -> kinds.add(p.get("kind").asString()));
            if (!detail.get("debtor").get("country").asString().equals("CN")
                    || !kinds.containsAll(Set.of("PHONE", "ADDRESS"))) {
                continue;
            }
            if (!kinds.contains("EMAIL")) {
                // the demo's mainland debtors have no e-mail address: give this one an address to write to
                UUID bank = tenants.idOf("demo-bank").orElseThrow();
                UUID debtor = UUID.fromString(detail.get("debtor").get("id").asString());
                String address = "debtor-" + a.get("id").asString().substring(0, 8) + "@example.com";
                TenantContext.run(bank, () -> jdbc.sql("""
                                INSERT INTO contact_point (tenant_id, id, debtor_id, kind, value, source)
                                VALUES (:t, :id, :d, 'EMAIL', :v, 'test')""")
                        .param("t", bank).param("id", Ids.newId())
                        .param("d", debtor).param("v", address).update());
                detail = api.get("/api/v1/accounts/" + a.get("id").asString(), admin).json();
            }
            for (JsonNode p : detail.get("contactPoints")) {
                // any hour: the test does not depend on the time of day in Shanghai
                api.post("/api/v1/contact-points/" + p.get("id").asString() + "/consents", admin,
                        "{\"consent\":\"CONTACT_OUTSIDE_HOURS\"}");
            }
            Api.Response r = api.post("/api/v1/accounts/" + a.get("id").asString() + "/messages", collector,
                    "{\"template\":\"sms-reminder\"}", "Idempotency-Key", "demo-sms-" + UUID.randomUUID());
            if (r.status() == 201 && r.json().get("status").asString().equals("SENT")) {
                sent = r.json();
                account = a.get("id").asString();
                phone = detail.get("contactPoints").valueStream().filter(p -> p.get("kind").asString().equals("PHONE"))
                        .findFirst().orElseThrow().get("value").asString();
                break;
            }
        }
        assertThat(sent).as("an SMS went out through the sandbox SMSC").isNotNull();
        Api.Response email = api.post("/api/v1/accounts/" + account + "/messages", collector,
                "{\"template\":\"email-reminder\"}", "Idempotency-Key", "demo-email-" + UUID.randomUUID());
        assertThat(email.json().get("status").asString()).as(email.body()).isEqualTo("SENT");
        Api.Response letter = api.post("/api/v1/accounts/" + account + "/messages", collector,
                "{\"template\":\"legal-notice-letter\"}", "Idempotency-Key", "demo-letter-" + UUID.randomUUID());
        assertThat(letter.json().get("status").asString()).as(letter.body()).isEqualTo("SENT");

        WebSession staff = new WebSession(port).signIn("demo-bank", "collector", DemoSeeder.PASSWORD);
        WebSession.Page outbox = staff.get("/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).contains(phone.replace("+", "")).contains("id=\"letters\"").contains(".pdf");
        assertThat(outbox.body()).contains("class=\"email\"").contains("@example.com").doesNotContain("尚未收到任何内容");
        String pdfLink = outbox.body().replaceAll("(?s).*href=\"(/outbox/letters/[^\"]+\\.pdf)\".*", "$1");
        assertThat(new Api(port).base()).isNotEmpty();
        assertThat(staff.get(pdfLink).body()).startsWith("%PDF");
        // another tenant's outbox does not show this one's messages
        WebSession agency = new WebSession(port).signIn("demo-agency", "collector", DemoSeeder.PASSWORD);
        assertThat(agency.get("/outbox").body()).doesNotContain(phone.replace("+", ""));

        // the debtor answers 退订 from the outbox: the SMSC delivers it and texts stop on that number
        WebSession.Page replied = staff.post("/outbox/replies", outbox.csrf(), Map.of("from", phone, "text", "退订"));
        assertThat(replied.body()).contains("id=\"replied\"");
        String id = account;
        boolean stopped = false;
        for (int i = 0; i < 50 && !stopped; i++) {
            Thread.sleep(100);
            stopped = api.get("/api/v1/accounts/" + id, admin).json().get("contactPoints").valueStream()
                    .anyMatch(p -> p.get("kind").asString().equals("PHONE")
                            && p.get("optedOut").valueStream().anyMatch(o -> o.asString().equals("SMS")));
        }
        assertThat(stopped).isTrue();
        UUID.fromString(id);
    }
}
