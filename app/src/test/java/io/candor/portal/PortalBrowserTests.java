package io.candor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.Browser;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The debtor portal in a real headless Chromium: a link sent by a collector is opened, the debtor verifies, reads
 * the history, takes a plan, pays the first instalment on the sandbox gateway's hosted page and sees the plan and
 * balance change; disputes with a document, complains, sets preferences the gate then keeps to, chats with the agent;
 * tampered and expired links, wrong answers and brute force are refused, one debtor never reaches another's data, and
 * every language renders. Screenshots go to target/test-artifacts.
 */
@CandorIntegrationTest
class PortalBrowserTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tenants tenantStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    PortalLinks links;

    Api api;
    TestTenants.TestTenant tenant;
    String collector;
    String admin;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("portal");
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        TenantContext.run(tenant.id(), () -> tenantStore.setBusinessDate(tenant.id(), TODAY));
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    String link(UUID account) {
        Api.Response r = api.post("/api/v1/accounts/" + account + "/portal-links", collector, "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String url = r.json().get("url").asString();
        assertThat(url).startsWith("http://127.0.0.1:" + port + "/p/").doesNotContain(account.toString());
        return url;
    }

    String message(String key, String tag) {
        return messages.getMessage(key, null, PortalLocale.of(tag));
    }

    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)),
                value);
    }

    void verify(String last4, String birthDate) {
        driver.findElement(By.id("idLast4")).clear();
        driver.findElement(By.id("idLast4")).sendKeys(last4);
        setValue("birthDate", birthDate);
        clickAndWait("verify");
    }

    void clickAndWait(String id) {
        browser.clickAndWait(By.id(id));
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
    }

    @Test
    void aDebtorVerifiesTakesAPlanPaysOnTheGatewayAndSeesThePlanAndBalanceUpdate() throws Exception {
        UUID account = tenant.accounts().getFirst();
        // history: the AI agent chatted, the gate allowed a collector's call that reached the debtor
        assertThat(api.post("/api/v1/agent/conversations", collector, "{\"account\":\"" + account + "\"}").status())
                .isEqualTo(201);
        JsonNode call = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138000\",\"at\":\"2026-11-02T10:00:00+08:00\"}")
                .json();
        assertThat(call.get("verdict").asString()).as(call.toString()).isEqualTo("ALLOW");
        api.post("/api/v1/contact-events/" + call.get("reservation").asString() + "/outcome", collector,
                "{\"outcome\":\"RIGHT_PARTY_CONTACT\"}");

        driver.get(link(account));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("请确认您的身份");
        verify("9999", "1990-03-07");
        assertThat(text("verify-error")).contains("4");
        verify("100x", "1990-03-07");
        waitForUrl("/portal");
        assertThat(text("who")).contains("CRED-" + tenant.slug().toUpperCase(Locale.ROOT));
        assertThat(text("total")).isEqualTo("1012.34 CNY");
        List<WebElement> history = driver.findElements(By.cssSelector("#history tbody tr"));
        assertThat(history).extracting(r -> r.getAttribute("data-kind") + "/" + r.getAttribute("data-by"))
                .contains("CHAT/AI", "CALL/PERSON");
        browser.screenshot("portal-1-overview-zh-CN");

        driver.findElement(By.id("choose-PLAN-3")).click();
        waitForUrl("done=arranged");
        assertThat(driver.findElement(By.id("arrangement-status")).getAttribute("data-status")).isEqualTo("ACTIVE");
        assertThat(driver.findElements(By.cssSelector("#instalments tbody tr"))).hasSize(3);
        browser.screenshot("portal-2-plan-zh-CN");

        driver.findElement(By.id("pay")).click();
        waitForUrl("/sandbox-gateway/checkouts/");
        assertThat(text("amount")).isEqualTo("337.44 CNY");
        browser.screenshot("portal-3-sandbox-gateway");
        driver.findElement(By.id("sandbox-pay")).click();
        waitForUrl("done=paid");
        assertThat(text("total")).isEqualTo("674.90 CNY");
        assertThat(driver.findElements(By.cssSelector("#instalments tbody tr")).getFirst().getAttribute("data-status"))
                .isEqualTo("PAID");
        assertThat(text("arrangement-paid")).startsWith("337.44 CNY");
        browser.screenshot("portal-4-paid-zh-CN");
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.screenshot("portal-4-paid-zh-CN-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        driver.findElement(By.id("go-chat")).click();
        assertThat(driver.findElement(By.cssSelector("#transcript .reply")).getText()).contains("身份已核实");
        driver.findElement(By.id("say")).sendKeys("我想问一下还款的事");
        driver.findElement(By.id("send")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#transcript .reply")).size() == 2);
        browser.screenshot("portal-5-chat-zh-CN");

        driver.get("http://127.0.0.1:" + port + "/portal/preferences");
        setValue("from", "09:00");
        setValue("to", "18:00");
        driver.findElement(By.id("out-PHONE-SMS")).click();
        browser.screenshot("portal-6-preferences-zh-CN");
        driver.findElement(By.id("preferences-save")).click();
        waitForUrl("done=preferences");
        JsonNode evening = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138000\",\"at\":\"2026-11-03T19:00:00+08:00\"}")
                .json();
        assertThat(evening.get("verdict").asString()).isEqualTo("DENY");
        assertThat(evening.get("rules").toString()).contains("DEBTOR-PREFERRED-HOURS");
        assertThat(evening.get("nextAllowedAt").asString()).isEqualTo("2026-11-04T01:00:00Z");
        JsonNode text = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138000\",\"at\":\"2026-11-03T10:00:00+08:00\"}")
                .json();
        assertThat(text.get("rules").toString()).contains("OPT-OUT");

        driver.findElement(By.id("go-dispute")).click();
        driver.findElement(By.id("reason")).sendKeys("这笔费用我已经在10月还清了，附上转账凭证。");
        Path pdf = Files.createTempFile("receipt", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% a bank receipt\n", StandardCharsets.US_ASCII);
        driver.findElement(By.id("documents")).sendKeys(pdf.toAbsolutePath().toString());
        browser.screenshot("portal-7-dispute-zh-CN");
        driver.findElement(By.id("dispute-submit")).click();
        waitForUrl("done=disputed");
        assertThat(text("holds")).contains("异议");
        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT content_type || ' ' || size_bytes FROM dispute_document WHERE account_id = :a")
                .param("a", account).query(String.class).list())).containsExactly("application/pdf 26");
        // the collector reviewing the dispute gets the very file back, checked against its hash, and the read is audited
        JsonNode docs = api.get("/api/v1/accounts/" + account + "/documents", collector).json();
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).get("fileName").asString()).startsWith("receipt").endsWith(".pdf");
        byte[] back = api.download("/api/v1/accounts/" + account + "/documents/" + docs.get(0).get("id").asString(),
                collector);
        assertThat(back).isEqualTo(Files.readAllBytes(pdf));
        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE resource_id = :a AND purpose = 'DISPUTE_REVIEW'")
                .param("a", account.toString()).query(Long.class).single())).isEqualTo(1);
        driver.findElement(By.id("signout")).click();
        waitForUrl("/p/ended");
        driver.get("http://127.0.0.1:" + port + "/portal");
        assertThat(driver.findElement(By.id("notice")).getAttribute("data-notice")).isEqualTo("ended");
    }

    @Test
    void tamperedAndExpiredLinksWrongAnswersAndBruteForceAreRefused() {
        UUID account = tenant.accounts().get(1);
        String url = link(account);
        String token = url.substring(url.lastIndexOf('/') + 1);
        char flipped = token.charAt(10) == 'A' ? 'B' : 'A';
        driver.get(url.substring(0, url.lastIndexOf('/') + 1) + token.substring(0, 10) + flipped + token.substring(11));
        assertThat(driver.findElement(By.id("notice")).getAttribute("data-notice")).isEqualTo("invalid");
        driver.get("http://127.0.0.1:" + port + "/p/" + UUID.randomUUID());
        assertThat(driver.findElement(By.id("notice")).getAttribute("data-notice")).isEqualTo("invalid");

        String expired = link(account);
        TenantContext.run(tenant.id(), () -> jdbc.sql("UPDATE portal_link SET expires_at = now() - interval '1 minute'")
                .update());
        driver.get(expired);
        assertThat(driver.findElement(By.id("notice")).getAttribute("data-notice")).isEqualTo("expired");
        browser.screenshot("portal-8-expired");

        String fresh = link(account);
        driver.get(fresh + "?lang=en");
        for (int i = 1; i <= 4; i++) {
            verify("0000", "1990-03-07");
            assertThat(text("verify-error")).contains("Attempts left: " + (5 - i));
        }
        driver.findElement(By.linkText("Español")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(message("portal.verify.title", "es"));
        verify("0000", "1990-03-07");
        assertThat(driver.findElement(By.id("notice")).getAttribute("data-notice")).isEqualTo("locked");
        browser.screenshot("portal-9-locked");
        driver.get(fresh + "?lang=en");
        verify("101X", "1990-03-07");
        assertThat(driver.findElement(By.id("notice")).getAttribute("data-notice"))
                .as("even the right answer waits out the lockout").isEqualTo("locked");
        long audited = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE resource_id = :a
                          AND action IN ('PORTAL_VERIFICATION_FAILED', 'PORTAL_VERIFICATION_LOCKED')""")
                .param("a", account.toString()).query(Long.class).single());
        assertThat(audited).isEqualTo(6);
    }

    @Test
    void oneDebtorNeverReachesAnothersDataAndAComplaintPausesCollection() {
        UUID mine = tenant.accounts().get(2);
        UUID other = tenant.accounts().getFirst();
        // another debtor's checkout
        String otherUrl = link(other);
        driver.get(otherUrl);
        verify("100X", "1990-03-07");
        waitForUrl("/portal");
        driver.findElement(By.id("pay-full")).click();
        driver.findElement(By.id("pay")).click();
        waitForUrl("/sandbox-gateway/");
        UUID otherCheckout = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT id FROM payment_checkout WHERE account_id = :a").param("a", other).query(UUID.class).single());
        driver.manage().deleteAllCookies();

        driver.get(link(mine) + "?lang=en");
        verify("102X", "1990-03-07");
        waitForUrl("/portal");
        String total = text("total");
        driver.get("http://127.0.0.1:" + port + "/portal/payments/" + otherCheckout);
        assertThat(driver.findElement(By.id("done")).getAttribute("data-done")).isEqualTo("unknown-payment");
        driver.get("http://127.0.0.1:" + port + "/portal?account=" + other);
        assertThat(text("total")).isEqualTo(total);
        driver.get(otherUrl);
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .as("another debtor's link asks for that debtor's own proof").isEqualTo(message("portal.verify.title", "zh-CN"));

        driver.get("http://127.0.0.1:" + port + "/portal");
        driver.findElement(By.id("go-hardship")).click();
        driver.findElement(By.id("reason")).sendKeys("I was made redundant last month; new job starts in February.");
        new Select(driver.findElement(By.id("days"))).selectByValue("60");
        clickAndWait("hardship-submit");
        assertThat(driver.findElement(By.id("done")).getAttribute("data-done")).isEqualTo("pending");
        JsonNode asked = api.get("/api/v1/accounts/" + mine + "/arrangements", collector).json().get(0);
        assertThat(asked.get("kind").asString()).isEqualTo("HARDSHIP");
        assertThat(asked.get("approvalLevel").asString()).as("a debtor may ask; a collector or above decides")
                .isEqualTo("COLLECTOR");
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/arrangements/" + asked.get("id").asString() + "/decisions", supervisor,
                "{\"decision\":\"APPROVE\"}").json().get("status").asString()).isEqualTo("ACTIVE");

        driver.get("http://127.0.0.1:" + port + "/portal");
        driver.findElement(By.id("go-complaint")).click();
        driver.findElement(By.id("text")).sendKeys("Your agent called me at work three times.");
        driver.findElement(By.id("complaint-submit")).click();
        waitForUrl("done=complained");
        assertThat(text("holds")).contains("complaint");
        JsonNode cases = api.get("/api/v1/complaints", supervisor).json();
        assertThat(cases.findValuesAsString("intake")).as("the complaint is a case").contains("PORTAL");
        assertThat(cases.findValuesAsString("summary")).contains("Your agent called me at work three times.");
        assertThat(text("complaints")).as("the debtor sees the case, where it stands and when it is due")
                .contains("CMP-").contains("Received").contains("Decision due by");
        JsonNode gate = api.post("/api/v1/accounts/" + mine + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138002\",\"at\":\"2026-11-03T10:00:00+08:00\"}")
                .json();
        assertThat(gate.get("verdict").asString()).isEqualTo("DENY");
        browser.screenshot("portal-10-complaint-en");
    }

    @Test
    void everyLanguageRendersTheVerificationAndTheAccount() {
        UUID account = tenant.accounts().get(1);
        String url = link(account);
        driver.get(url + "?lang=th");
        verify("101X", "1990-03-07");
        waitForUrl("/portal");
        for (PortalLocale.Language l : PortalLocale.LANGUAGES) {
            new Select(driver.findElement(By.id("lang"))).selectByValue(l.tag());
            clickAndWait("lang-apply");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo(PortalLocale.of(l.tag()).toLanguageTag());
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(l.tag())
                    .isEqualTo(message("portal.title", l.tag()));
            assertThat(text("rights-h")).isEqualTo(message("portal.rights.title", l.tag()));
            browser.screenshot("portal-lang-" + l.tag());
        }
        driver.manage().deleteAllCookies();
        for (PortalLocale.Language l : PortalLocale.LANGUAGES) {
            driver.get(url + "?lang=" + l.tag());
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(l.tag())
                    .isEqualTo(message("portal.verify.title", l.tag()));
        }
    }
}
