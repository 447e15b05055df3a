package io.candor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.strategy.planning.StrategyFixture;
import io.candor.support.Api;
import io.candor.support.Browser;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A collector's day and a supervisor's view in a real headless Chromium: sign in, the queue in the strategy's order,
 * the account 360, an allowed dial with a disposition that captures a promise, a dial the gate refuses (the rule
 * and when contact is allowed again), a note and the keyboard; the supervisor sees people, exceptions, complaint
 * deadlines, re-assigns and reviews a conversation; every dashboard draws with data and exports to Excel.
 */
@CandorIntegrationTest
class WorkbenchBrowserTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tenants tenantStore;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String supervisor;
    String collector;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        tenant = tenants.create("wb");
        TenantContext.run(tenant.id(), () -> tenantStore.setBusinessDate(tenant.id(), DAY));
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        StrategyFixture.install(api, admin, supervisor);
        Api.Response run = api.post("/api/v1/strategy/runs", supervisor, "{\"date\":\"" + DAY + "\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void clickAndWait(String id) {
        browser.clickAndWait(By.id(id));
    }

    void clickAndWait(By by) {
        browser.clickAndWait(by);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** A call the gate allows, answered by the debtor: one effective call. */
    void answeredCall(UUID account) {
        JsonNode d = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138001\"}").json();
        assertThat(d.get("verdict").asString()).as(d.toString()).isEqualTo("ALLOW");
        api.post("/api/v1/contact-events/" + d.get("reservation").asString() + "/outcome", collector,
                "{\"outcome\":\"RIGHT_PARTY_CONTACT\"}");
    }

    @Test
    void aCollectorWorksTheQueueDialsThroughTheGateAndCapturesAPromise() {
        UUID account = tenant.accounts().get(1);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        browser.signIn(port, tenant.slug(), "collector", TestTenants.PASSWORD);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        driver.findElement(By.id("nav-workbench")).click();
        List<WebElement> rows = driver.findElements(By.cssSelector("#queue tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-account")).contains(account.toString());
        browser.screenshot("workbench-1-queue");
        driver.findElement(By.cssSelector("#queue tr[data-account='" + account + "'] a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/workbench/accounts/"));

        assertThat(text("ref")).isEqualTo(tenant.slug() + "-1");
        assertThat(driver.findElement(By.id("reach")).getText()).contains("138****8001");
        assertThat(text("national-id")).doesNotContain("19900307");
        WebElement call = driver.findElement(By.cssSelector("#reach tr[data-channel=VOICE_HUMAN]"));
        assertThat(call.getAttribute("data-verdict")).isEqualTo("ALLOW");
        browser.screenshot("workbench-2-account-360");

        clickAndWait(By.cssSelector("button.dial"));
        assertThat(driver.findElement(By.id("call-panel")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("code"))).selectByValue("PROMISE");
        driver.findElement(By.id("amount")).sendKeys("300.00");
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('on').value = arguments[0]", DAY.plusDays(7).toString());
        browser.screenshot("workbench-3-disposition");
        clickAndWait("save-disposition");
        assertThat(driver.findElement(By.id("done")).getAttribute("data-done")).isEqualTo("arrangement-ACTIVE");
        assertThat(driver.findElements(By.cssSelector("#arrangements li[data-status=ACTIVE]"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#timeline tr[data-kind=CALL]"))).isNotEmpty();

        // two more effective calls today reach China's cap of three: the screen shows the gate's refusal first
        answeredCall(account);
        answeredCall(account);
        driver.navigate().refresh();
        WebElement refused = driver.findElement(By.cssSelector("#reach tr[data-channel=VOICE_HUMAN]"));
        assertThat(refused.getAttribute("data-verdict")).isEqualTo("DENY");
        // the keyboard: d dials
        WebElement page = driver.findElement(By.id("ref"));
        driver.findElement(By.tagName("body")).sendKeys("d");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Browser.gone(page));
        assertThat(text("refusal-rules")).isNotBlank();
        assertThat(text("refusal-next")).as("the daily cap resets at midnight, the debtor consented to any hour").matches("\\d{4}-\\d{2}-\\d{2} 00:00");
        browser.screenshot("workbench-4-refused-dial");

        driver.findElement(By.tagName("body")).sendKeys("/");
        driver.switchTo().activeElement().sendKeys("Debtor asked for a text reminder before the 8th." + Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class) // the page reloads under us
                .until(d -> d.findElement(By.id("notes")).getText().contains("text reminder"));
        driver.findElement(By.tagName("body")).sendKeys("q");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/workbench"));

        // the same screens in the collector's own language
        assertThat(api.send("PATCH", "/api/v1/me", collector, "{\"locale\":\"zh-CN\"}").status()).isEqualTo(200);
        driver.manage().deleteAllCookies();
        browser.signIn(port, tenant.slug(), "collector", TestTenants.PASSWORD);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base() + "/workbench/accounts/" + account);
        assertThat(text("back")).isEqualTo("我的队列");
        browser.screenshot("workbench-5-account-zh-CN");
    }

    @Test
    void aSupervisorSeesTheOperationReassignsReviewsAndReadsTheDashboards() throws Exception {
        UUID worked = tenant.accounts().get(1);
        UUID other = tenant.accounts().get(2);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, worked, "PHONE"));
        answeredCall(worked);
        JsonNode d = api.post("/api/v1/accounts/" + worked + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138001\"}").json();
        Api.Response disposed = api.post("/api/v1/contact-events/" + d.get("reservation").asString() + "/disposition",
                collector, "{\"code\":\"PROMISE\",\"note\":\"will pay on the 8th\",\"amount\":\"150.00\",\"on\":\""
                        + DAY.plusDays(7) + "\"}");
        assertThat(disposed.status()).as(disposed.body()).isEqualTo(201);
        assertThat(disposed.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.post("/api/v1/accounts/" + other + "/holds", supervisor,
                "{\"hold\":\"COMPLAINT_OPEN\",\"reason\":\"calls at work\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + worked + "/payments", admin,
                "{\"amount\":\"200.00\",\"currency\":\"CNY\",\"paidOn\":\"" + DAY + "\",\"reference\":\"B-1\"}",
                "Idempotency-Key", "pay-1").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/agent/conversations", collector, "{\"account\":\"" + other + "\"}").status())
                .isEqualTo(201);
        JsonNode settlement = api.post("/api/v1/accounts/" + tenant.accounts().getFirst() + "/arrangements", collector,
                "{\"kind\":\"SETTLEMENT\",\"amount\":\"800.00\",\"dueOn\":\"" + DAY.plusDays(10) + "\"}").json();
        assertThat(settlement.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        Api.Response close = api.post("/api/v1/eod-close", admin, "{\"businessDate\":\"" + DAY + "\"}");
        assertThat(close.status()).as(close.body()).isEqualTo(200);

        browser.signIn(port, tenant.slug(), "supervisor", TestTenants.PASSWORD);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(x -> !x.getCurrentUrl().contains("/login"));
        driver.findElement(By.id("nav-supervisor")).click();
        List<String> me = driver.findElements(By.cssSelector("#agents tr[data-agent=collector] td")).stream()
                .map(WebElement::getText).toList();
        assertThat(me.subList(1, 5)).as("queue, contacts, right party, promises").containsExactly("2", "2", "1", "1");
        assertThat(driver.findElements(By.cssSelector("#complaints tbody tr"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#experiment tr[data-variant]"))).as("champion/challenger arms")
                .isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#qa-sample tr[data-kind=HUMAN]"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#qa-sample tr[data-kind=AI]"))).hasSize(1);
        browser.screenshot("supervisor-1-operations");

        assertThat(driver.findElements(By.cssSelector("#approvals tbody tr"))).hasSize(1);
        clickAndWait("approve-0");
        assertThat(driver.findElement(By.id("done")).getText()).contains("approved");
        assertThat(api.get("/api/v1/arrangements/" + settlement.get("id").asString(), supervisor).json().get("status")
                .asString()).isEqualTo("ACTIVE");

        driver.findElement(By.id("assign-account")).sendKeys(tenant.slug() + "-2");
        driver.findElement(By.id("assign-collector")).sendKeys("collector");
        clickAndWait("assign");
        assertThat(driver.findElement(By.id("done")).isDisplayed()).isTrue();

        driver.findElement(By.cssSelector("a[id^=review-HUMAN]")).click();
        assertThat(text("transcript")).contains("PROMISE");
        driver.findElement(By.id("RESPECTFUL-1")).click();
        browser.screenshot("supervisor-2-qa-review");
        clickAndWait("save-review");
        assertThat(text("reviewed")).contains("11");
        assertThat(driver.findElement(By.id("qa-scores")).getText()).contains("collector");

        // contacts are stamped with the wall clock: the range runs to the later of the business day and today in the
        // tenant's zone, so the test does not depend on the hour it runs at (after 16:00 UTC it is tomorrow there)
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        LocalDate until = (today.isAfter(DAY) ? today : DAY).plusDays(1);
        driver.get(base() + "/dashboards?from=" + DAY.minusDays(30) + "&to=" + until);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(x -> x.findElements(By.cssSelector(".chart[data-drawn=true]"))
                .size() == 4);
        assertThat(driver.findElement(By.cssSelector("[data-kpi=rpcRate] .value")).getText()).isNotEqualTo("0 %");
        assertThat(driver.findElements(By.cssSelector("#chart-recovery svg"))).isNotEmpty();
        assertThat(driver.findElement(By.id("recovery")).getText()).contains("2026-");
        assertThat(driver.findElement(By.id("productivity")).getText()).contains("collector");
        assertThat(driver.findElements(By.cssSelector("#rolls tr"))).as("the close moved accounts between buckets")
                .isNotEmpty();
        browser.screenshot("dashboards-1");

        // by agency: the worked account is placed with one; another agency has nothing in the period
        TenantContext.run(tenant.id(), () -> jdbc.sql("UPDATE account SET assigned_agency = 'AG-EAST' WHERE id = :a")
                .param("a", worked).update());
        driver.get(base() + "/dashboards?agency=AG-EAST&from=" + DAY.minusDays(30) + "&to=" + until);
        assertThat(driver.findElement(By.cssSelector("[data-kpi=rpcRate] .value")).getText()).isNotEqualTo("0 %");
        assertThat(text("collected")).isEqualTo("200.00 CNY");
        driver.get(base() + "/dashboards?agency=AG-WEST&from=" + DAY.minusDays(30) + "&to=" + until);
        assertThat(text("collected")).isEqualTo("0.00 CNY");

        String cookie = driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                        + "/dashboards/export?table=productivity&from=" + DAY.minusDays(30) + "&to=" + until))
                .header("Cookie", "JSESSIONID=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> sheet = wb.getFirstSheet().read();
            Row header = sheet.stream().filter(r -> "contacts".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertThat(header.getCellText(4)).isEqualTo("collected CNY");
            Row mine = sheet.stream().filter(r -> r.getRowNum() > header.getRowNum() && "collector".equals(r.getCellText(0)))
                    .findFirst().orElseThrow();
            assertThat(Integer.parseInt(mine.getCellText(1))).isEqualTo(2);
            assertThat(Integer.parseInt(mine.getCellText(3))).isEqualTo(1);
        }
    }
}
