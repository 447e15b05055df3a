package io.candor.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.Browser;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tenant and creditor policy layers: stricter only, effective-dated, versioned, audited, applied by the gate. */
@CandorIntegrationTest
class PolicyLayerTests {

    static final String PHONE = "+8613800138000";
    /** A tenant rule: no voice calls after 19:00 in mainland China (the CN pack allows until 22:00). */
    static final String EVENING = """
            {"effectiveFrom":"2026-01-01","jurisdictions":["CN"],"reason":"Board decision: no calls after 19:00",
             "rules":[{"id":"ACME-CN-EVENING","type":"QUIET_HOURS","source":"Board minutes 2025-12",
                       "allowed":{"MON-SUN":[["08:00","19:00"]]},"channels":["VOICE_HUMAN","VOICE_AI"]}]}""";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DataSource dataSource;

    @Autowired
    Tenants directory;

    Api api;
    TestTenants.TestTenant tenant;
    String officer;
    String collector;
    UUID account;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("policy");
        officer = api.token(tenant.slug(), "compliance_officer", TestTenants.PASSWORD);
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        account = tenant.accounts().getFirst();
    }

    String verdict(String at, String channel) {
        Api.Response r = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"" + channel + "\",\"party\":\"DEBTOR\",\"contactPoint\":\"" + PHONE + "\",\"at\":\"" + at + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("verdict").asString() + " " + r.json().get("rules") + " " + r.json().get("nextAllowedAt");
    }

    Api.Response publish(String path, String definition) {
        return api.post("/api/v1/compliance/policies/" + path + "/versions", officer, definition);
    }

    @Test
    void aTenantLayerMakesTheGateStricterAndTheDecisionNamesItsRule() {
        assertThat(verdict("2026-03-02T19:30:00+08:00", "VOICE_HUMAN")).startsWith("ALLOW");
        Api.Response published = publish("tenant", EVENING);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("version").asInt()).isEqualTo(1);

        assertThat(verdict("2026-03-02T19:30:00+08:00", "VOICE_HUMAN"))
                .isEqualTo("DENY [\"ACME-CN-EVENING\"] \"2026-03-03T00:00:00Z\"");
        assertThat(verdict("2026-03-02T19:30:00+08:00", "SMS")).as("the layer names voice only").startsWith("ALLOW");
        // both layers and pack fire at 23:00; the decision names every rule that fired
        assertThat(verdict("2026-03-02T23:00:00+08:00", "VOICE_AI"))
                .contains("CN-QUIET-HOURS").contains("ACME-CN-EVENING");

        String scenario = "[{\"id\":\"s\",\"jurisdiction\":\"CN\",\"timeZone\":\"Asia/Shanghai\",\"at\":\"2026-03-02T19:30:00+08:00\","
                + "\"channel\":\"VOICE_AI\",\"party\":\"DEBTOR\",\"contactPoint\":\"" + PHONE + "\"}]";
        assertThat(api.post("/api/v1/compliance/evaluate", officer, scenario).json().get(0).get("rules").toString())
                .isEqualTo("[\"ACME-CN-EVENING\"]");
        assertThat(api.post("/api/v1/compliance/evaluate?layers=false", officer, scenario).json().get(0)
                .get("decision").asString()).isEqualTo("ALLOW");
        // the trace of the recorded decision says which layer versions applied
        String trace = TenantContext.call(tenant.id(), () -> JdbcClient.create(dataSource)
                .sql("SELECT trace::text FROM contact_decision ORDER BY decided_at DESC, id DESC LIMIT 1")
                .query(String.class).single());
        assertThat(trace).contains("TENANT v1");
    }

    @Test
    void aWiderWindowInALayerCannotLoosenThePack() {
        assertThat(publish("tenant", """
                {"effectiveFrom":"2026-01-01","reason":"attempt to call around the clock",
                 "rules":[{"id":"LOOSE-HOURS","type":"QUIET_HOURS","source":"none",
                           "allowed":{"MON-SUN":[["00:00","24:00"]]}}]}""").status()).isEqualTo(201);
        assertThat(verdict("2026-03-02T23:00:00+08:00", "VOICE_HUMAN")).startsWith("DENY [\"CN-QUIET-HOURS\"]");
    }

    @Test
    void aCreditorLayerAppliesOnlyToThatCreditorsAccounts() {
        String own = "CRED-" + tenant.slug().toUpperCase(Locale.ROOT);
        String cap = """
                {"effectiveFrom":"2026-01-01","reason":"client contract: one call a day",
                 "rules":[{"id":"CLIENT-ONE-CALL","type":"FREQUENCY","source":"Contract 2026-07 s.4",
                           "counted":"ATTEMPT","scope":"DEBTOR","window":"CALENDAR_DAY","max":1,
                           "channels":["VOICE_HUMAN","VOICE_AI"]}]}""";
        assertThat(publish("creditors/OTHER-BANK", cap).status()).isEqualTo(201);
        assertThat(verdict("2026-03-02T10:00:00+08:00", "VOICE_HUMAN")).startsWith("ALLOW");
        assertThat(verdict("2026-03-02T11:00:00+08:00", "VOICE_HUMAN")).as("another creditor's layer").startsWith("ALLOW");
        assertThat(publish("creditors/" + own.toLowerCase(Locale.ROOT), cap.replace("CLIENT-ONE-CALL", "OWN-ONE-CALL"))
                .status()).isEqualTo(201);
        assertThat(verdict("2026-03-03T10:00:00+08:00", "VOICE_HUMAN")).startsWith("ALLOW");
        assertThat(verdict("2026-03-03T11:00:00+08:00", "VOICE_HUMAN")).startsWith("DENY [\"OWN-ONE-CALL\"]");
    }

    @Test
    void theCompliancePageMarksTheVersionInEffectOnTheTenantsBusinessDate() {
        // the tenant works on 1 March: version 2, effective from 1 June, is not in effect for it yet, whatever the
        // server's calendar says (the page used the server's own date: both versions looked in effect on its day)
        TenantContext.run(tenant.id(), () -> directory.setBusinessDate(tenant.id(), LocalDate.of(2026, 3, 1)));
        assertThat(publish("tenant", EVENING).status()).isEqualTo(201);
        assertThat(publish("tenant", EVENING.replace("2026-01-01", "2026-06-01")).status()).isEqualTo(201);
        String page = new WebSession(port).signIn(tenant.slug(), "compliance_officer", TestTenants.PASSWORD)
                .get("/compliance").body();
        assertThat(layer(page, "TENANT:null:1")).contains("class=\"badge\"");
        assertThat(layer(page, "TENANT:null:2")).doesNotContain("class=\"badge\"");
    }

    /** The section of the compliance page that shows one layer version. */
    private static String layer(String page, String key) {
        int at = page.indexOf("data-layer=\"" + key + "\"");
        assertThat(at).as("the page shows layer " + key).isNotNegative();
        int end = page.indexOf("</section>", at);
        return page.substring(at, end);
    }

    @Test
    void aNewVersionAppliesFromItsEffectiveDateAndOldVersionsStay() {
        assertThat(publish("tenant", EVENING).status()).isEqualTo(201);
        Api.Response v2 = publish("tenant", EVENING.replace("2026-01-01", "2026-06-01").replace("19:00\"]", "18:00\"]")
                .replace("no calls after 19:00", "no calls after 18:00"));
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(verdict("2026-03-02T18:30:00+08:00", "VOICE_HUMAN")).as("before v2 is effective").startsWith("ALLOW");
        assertThat(verdict("2026-06-02T18:30:00+08:00", "VOICE_HUMAN")).startsWith("DENY [\"ACME-CN-EVENING\"]");

        JsonNode all = api.get("/api/v1/compliance/policies", officer).json();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(all.get(1).get("rules").get(0).get("value").asString()).contains("08:00").contains("19:00");
        JsonNode audit = api.get("/api/v1/audit-events?resourceType=compliance_policy", officer).json();
        assertThat(audit.toString()).contains("COMPLIANCE_POLICY_PUBLISHED").contains("no calls after 18:00");

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThatThrownBy(() -> TenantContext.run(tenant.id(), () -> jdbc
                .sql("UPDATE compliance_policy SET reason = 'rewritten'").update()))
                .rootCause().hasMessageContaining("permission denied for table compliance_policy");
    }

    @Test
    void badLayersAreRefusedWithWhatToFix() {
        assertThat(publish("tenant", "{\"effectiveFrom\":\"2026-01-01\",\"reason\":\"x\",\"rules\":[]}").body())
                .contains("non-empty array");
        assertThat(publish("tenant", EVENING.replace("ACME-CN-EVENING", "CN-QUIET-HOURS")).body())
                .contains("already used by a shipped rule pack");
        Api.Response badType = publish("tenant", EVENING.replace("QUIET_HOURS", "QUIET_SOMETIMES"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("unknown type").contains("QUIET_HOURS, FREQUENCY");
        assertThat(publish("tenant", EVENING.replace("\"MON-SUN\"", "\"MOON\"")).body()).contains("not a weekday");
        assertThat(publish("tenant", EVENING.replace("2026-01-01", "next week")).body()).contains("ISO date");
        assertThat(api.post("/api/v1/compliance/policies/tenant/versions", collector, EVENING).status())
                .as("collectors may not change policy").isEqualTo(403);
        assertThat(api.get("/api/v1/compliance/policies", officer).json()).isEmpty();
    }

    @Test
    void aComplianceOfficerReadsPacksAndLayersInTheBrowser() {
        assertThat(publish("tenant", EVENING).status()).isEqualTo(201);
        assertThat(api.send("PATCH", "/api/v1/me", officer, "{\"locale\":\"zh-CN\"}").status()).isEqualTo(200);
        try (Browser session = new Browser()) {
            WebDriver browser = session.driver();
            session.signIn(port, tenant.slug(), "compliance_officer", TestTenants.PASSWORD);
            browser.findElement(By.linkText("合规")).click();
            assertThat(browser.findElement(By.id("layers")).getText()).contains("ACME-CN-EVENING")
                    .contains("Board decision").contains("生效中");
            assertThat(browser.findElement(By.id("pack-CN")).getText()).contains("CN-QUIET-HOURS").contains("22:00");
            session.screenshot("compliance-zh-CN");
        }
    }
}
