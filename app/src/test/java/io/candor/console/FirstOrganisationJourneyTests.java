package io.candor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.Browser;
import io.candor.support.CandorIntegrationTest;
import io.candor.tenancy.Tenants;
import jakarta.mail.internet.MimeMessage;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's first day, in a real headless Chromium, without the demo: the platform operator creates the
 * organisation in the web (after refusing a reserved slug and a weak password beside their fields); its
 * administrator creates a creditor, uploads a placement file, reads and downloads the rejected rows, creates a
 * collector, approves templates, sets the e-mail provider and sends a test to a real SMTP server, starts the default
 * strategy and plans the day; the collector chooses their own password and sees their queue. A second organisation
 * sees none of it, and a suspended organisation's token and sign-in are refused. The screenshots are those of
 * docs/getting-started.md ({@code -Dcandor.write-docs=true} copies them there).
 */
@CandorIntegrationTest
class FirstOrganisationJourneyTests {

    static final String OPERATOR_PASSWORD = "Test-operator-pass-1";
    static final String ADMIN_PASSWORD = "River-bank-2026-secure";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenants tenants;

    Browser session;
    WebDriver browser;
    GreenMail smtp;
    Api api;
    String slug;

    @BeforeEach
    void start() {
        session = new Browser();
        browser = session.driver();
        smtp = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        smtp.start();
        api = new Api(port);
        slug = "jiangcheng-" + System.nanoTime() % 100_000;
    }

    @AfterEach
    void stop() {
        session.close();
        smtp.stop();
    }

    @Test
    void anOrganisationStartsOnItsOwnBookFromTheOperatorToTheCollectorsQueue() throws Exception {
        // the operator: the organisations and platform health
        browser.get(base() + "/login?lang=zh-CN");
        session.signIn(port, "platform", "operator", OPERATOR_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/operator/tenants");
        assertThat(browser.findElement(By.id("health")).getText()).contains("PostgreSQL");
        shot("01-operator-organisations");

        // a reserved slug and a weak password are refused beside their fields; nothing is created
        String operator = api.token("platform", "operator", OPERATOR_PASSWORD);
        int organisations = api.get("/api/v1/tenants", operator).json().size();
        fill("slug", "platform");
        fill("name", "江城消费金融");
        fill("adminPassword", "short");
        session.clickAndWait(By.id("create-submit"));
        assertThat(browser.findElement(By.id("slug-problem")).getText()).contains("reserved");
        assertThat(browser.findElement(By.id("password-problem")).getText()).contains("12");
        shot("02-operator-create-problems", By.id("create"));
        assertThat(api.get("/api/v1/tenants", operator).json().size()).isEqualTo(organisations);

        // the organisation is created
        fill("slug", slug);
        fill("name", "江城消费金融");
        fill("adminDisplayName", "王管理");
        fill("adminEmail", "admin@jiangcheng.example");
        fill("adminPassword", ADMIN_PASSWORD);
        session.clickAndWait(By.id("create-submit"));
        assertThat(browser.findElement(By.id("created")).getText()).contains(slug);
        assertThat(browser.findElement(By.id("users")).getText()).isEqualTo("1");
        shot("03-operator-organisation-created");
        // the operator sees no organisation's data, in the web either
        browser.get(base() + "/workbench");
        assertThat(browser.getCurrentUrl()).endsWith("/operator/tenants");
        signOut();

        // its administrator: a creditor (a jurisdiction without a pack is named beside the field first)
        session.signIn(port, slug, "admin", ADMIN_PASSWORD);
        browser.get(base() + "/console/creditors");
        fill("code", "JCBANK");
        fill("name", "江城银行");
        fill("jurisdictions", "CN, XX");
        session.clickAndWait(By.id("creditor-save"));
        assertThat(browser.findElement(By.id("jurisdictions-problem")).getText()).contains("'XX'");
        fill("jurisdictions", "CN");
        browser.findElement(By.id("debtorsHearCalls")).click(); // 阳光催收: its debtors hear their own calls
        session.clickAndWait(By.id("creditor-save"));
        assertThat(browser.findElement(By.id("creditors")).getText()).contains("JCBANK").contains("江城银行");
        assertThat(browser.findElement(By.cssSelector("[data-code=JCBANK]")).getText()).as("debtors hear their calls")
                .containsAnyOf("是", "yes");
        shot("04-admin-creditors");

        // a placement file: three good rows, two rejected (one of them looks like a spreadsheet formula)
        LocalDate due = LocalDate.now().minusDays(60);
        Path file = Files.createTempFile("placement", ".csv");
        Files.writeString(file, String.join("\n",
                "creditor_ref,debtor_name,phone,country,language,currency,principal,due_date,dpd",
                "JC-1001,王小明,+8613800138001,CN,zh-CN,CNY,62000.00," + due + ",60",
                "JC-1002,李华,+8613800138002,CN,zh-CN,CNY,8800.00," + due.minusDays(30) + ",90",
                "JC-1003,张伟,+8613800138003,CN,zh-CN,CNY,3000.00," + LocalDate.now().minusDays(10) + ",10",
                "JC-1004,赵丽,+8613800138004,CN,zh-CN,CNY,abc," + due + ",60",
                "JC-1005,=HYPERLINK(\"http://x.example\"),+8613800138005,CN,zh-CN,CNY,-5," + due + ",60") + "\n",
                StandardCharsets.UTF_8);
        browser.get(base() + "/console/imports");
        new Select(browser.findElement(By.id("creditor"))).selectByValue("JCBANK");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        session.clickAndWait(By.id("upload"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> List.of("SUCCEEDED", "FAILED")
                .contains(d.findElement(By.id("status")).getAttribute("data-status")));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("imported")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("rejected")).getText()).isEqualTo("2");
        String rejections = browser.findElement(By.id("rejections")).getText();
        assertThat(rejections).contains("principal").contains("abc");
        shot("05-admin-import-rejections", By.id("rejections-card"));
        // the rejections as a workbook, formula-safe
        String href = browser.findElement(By.id("download")).getAttribute("href");
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.stream().filter(r -> r.getRowNum() > 3).count()).isEqualTo(2);
            List<String> cells = rows.stream().flatMap(r -> r.stream().filter(c -> c != null)
                    .map(c -> c.getText())).toList();
            assertThat(cells).contains("JC-1004").contains("'=HYPERLINK(\"http://x.example\")");
            assertThat(cells).noneMatch(c -> c.startsWith("="));
        }

        // a collector, whose password is temporary
        browser.get(base() + "/users");
        fill("username", "li.collector");
        fill("displayName", "李催收");
        fill("new-password", "Temporary-pass-42");
        browser.findElement(By.id("role-COLLECTOR")).click();
        session.clickAndWait(By.id("user-create"));
        assertThat(browser.findElement(By.id("done")).getText()).contains("li.collector");
        shot("06-admin-users", By.id("users"));

        // templates: one reviewed in the editor (a banned word highlighted first), then the rest as suggested
        browser.get(base() + "/console/templates");
        assertThat(browser.findElement(By.id("suggested")).getText()).contains("sms-reminder");
        browser.get(base() + "/console/templates/edit?code=sms-reminder&locale=zh-CN");
        browser.findElement(By.id("body")).sendKeys("否则让你坐牢。");
        session.clickAndWait(By.id("check"));
        assertThat(browser.findElement(By.cssSelector("#highlighted mark.lint")).getText()).isEqualTo("坐牢");
        // the finding is said in the reader's language, not the domain's English
        assertThat(browser.findElement(By.cssSelector("#findings li[data-rule=BANNED-THREAT]")).getText())
                .contains("威胁债务人").doesNotContain("Threatens");
        shot("07-admin-template-lint", By.id("template-form"));
        browser.findElement(By.id("body")).clear();
        browser.findElement(By.id("body")).sendKeys("{{debtor_name}}您好，您在{{creditor}}的账单已逾期，应还{{balance}}。"
                + "可在还款页面查看明细或申请还款计划；如有疑问请致电{{contact_phone}}。");
        session.clickAndWait(By.id("check"));
        assertThat(browser.findElements(By.id("lint-clean"))).hasSize(1);
        // the preview, filled from an account of the book, says what a send would lack: the SMS provider's number
        assertThat(browser.findElement(By.id("preview-problem")).getText()).contains("{{contact_phone}}");
        session.clickAndWait(By.id("approve"));
        assertThat(browser.findElement(By.id("approved")).getText()).contains("sms-reminder");
        session.clickAndWait(By.id("approve-suggested"));
        assertThat(browser.findElement(By.id("approved-all")).getText()).doesNotStartWith("0");

        // the e-mail provider, and a test to the administrator's own address through a real SMTP server
        browser.get(base() + "/console/channels");
        browser.findElement(By.id("settings-EMAIL")).sendKeys("host=127.0.0.1\nport=" + smtp.getSmtp().getPort()
                + "\nfrom=collections@jiangcheng.example\ncontactPhone=400-800-1234");
        session.clickAndWait(By.id("save-EMAIL"));
        assertThat(browser.findElement(By.id("saved-EMAIL")).isDisplayed()).isTrue();
        session.clickAndWait(By.id("test-EMAIL"));
        assertThat(browser.findElement(By.id("tested-EMAIL")).getText()).contains("admin@jiangcheng.example");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("admin@jiangcheng.example");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        shot("09-admin-channels", By.id("EMAIL"));

        // an e-mail text previewed from an account of the book, with the provider's number and the opt-out line
        browser.get(base() + "/console/templates/edit?code=email-reminder&locale=zh-CN");
        session.clickAndWait(By.id("check"));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("江城银行").contains("400-800-1234")
                .contains("退订");
        shot("08-admin-template-preview", By.id("template-form"));

        // the default strategy, and the day planned
        browser.get(base() + "/strategy");
        session.clickAndWait(By.id("start-default"));
        assertThat(browser.findElements(By.id("started"))).as(() -> browser.findElement(By.tagName("body")).getText())
                .hasSize(1);
        assertThat(browser.findElement(By.id("started")).isDisplayed()).isTrue();
        session.clickAndWait(By.id("plan-now"));
        assertThat(browser.findElement(By.id("run")).getText()).contains("3");
        shot("10-admin-plan", By.id("run"));
        signOut();

        // the collector chooses their own password first, then works their queue
        session.signIn(port, slug, "li.collector", "Temporary-pass-42");
        assertThat(browser.getCurrentUrl()).endsWith("/password");
        assertThat(browser.findElement(By.id("forced")).isDisplayed()).isTrue();
        shot("11-collector-password");
        fill("current", "Temporary-pass-42");
        fill("new", "Li-own-choice-2026");
        fill("repeat", "Li-own-choice-2026");
        session.clickAndWait(By.id("password-submit"));
        assertThat(browser.findElement(By.id("password-changed")).isDisplayed()).isTrue();
        browser.get(base() + "/workbench");
        String queue = browser.findElement(By.id("queue")).getText();
        // the default strategy holds 5 % of accounts out of every treatment (its experiment's control group): an
        // account held out is rightly in no queue, so the queue is checked against the accounts' assignments
        UUID tenant = tenants.idOf(slug).orElseThrow();
        Map<String, String> variants = TenantContext.call(tenant, () -> jdbc.sql("""
                        SELECT a.creditor_ref, s.variant FROM strategy_assignment s JOIN account a ON a.id = s.account_id""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (String ref : List.of("JC-1001", "JC-1002")) {
            if ("holdout".equals(variants.get(ref))) {
                assertThat(queue).doesNotContain(ref);
            } else {
                assertThat(queue).contains(ref);
            }
        }
        assertThat(queue).doesNotContain("JC-1003");
        shot("12-collector-queue");
        signOut();

        // a second organisation, created by the API, sees none of the first's data
        String other = "other-" + slug;
        assertThat(api.post("/api/v1/tenants", operator, """
                {"slug":"%s","name":"Other Agency","kind":"AGENCY","reportingCurrency":"CNY","timeZone":"Asia/Shanghai",
                 "locale":"en","admin":{"username":"admin","password":"%s"}}""".formatted(other, ADMIN_PASSWORD))
                .status()).isEqualTo(201);
        String otherAdmin = api.token(other, "admin", ADMIN_PASSWORD);
        assertThat(api.get("/api/v1/accounts", otherAdmin).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/creditors", otherAdmin).body()).doesNotContain("JCBANK");
        assertThat(api.get("/api/v1/imports", otherAdmin).body()).doesNotContain("placement");

        // the operator suspends the first: its token and its sign-in are refused at once, saying why
        String admin = api.token(slug, "admin", ADMIN_PASSWORD);
        assertThat(api.get("/api/v1/creditors", admin).status()).isEqualTo(200);
        JsonNode entry = findTenant(operator, slug);
        session.signIn(port, "platform", "operator", OPERATOR_PASSWORD);
        browser.get(base() + "/operator/tenants/" + entry.get("id").asString());
        fill("reason", "合同到期未续约");
        session.clickAndWait(By.id("suspend"));
        assertThat(browser.findElement(By.id("state")).getText()).contains("合同到期未续约");
        shot("13-operator-suspended");
        Api.Response refused = api.get("/api/v1/creditors", admin);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("suspended");
        signOut();
        session.signIn(port, slug, "admin", ADMIN_PASSWORD);
        assertThat(browser.findElement(By.id("suspended")).getText()).contains("合同到期未续约");
    }

    private JsonNode findTenant(String operator, String wanted) {
        for (JsonNode t : api.get("/api/v1/tenants", operator).json()) {
            if (t.get("slug").asString().equals(wanted)) {
                return t;
            }
        }
        throw new AssertionError("no tenant " + wanted);
    }

    private void fill(String id, String value) {
        var e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
        browser.get(base() + "/login?lang=zh-CN");
    }

    /** A screenshot with the element in view. */
    private void shot(String name, By what) throws IOException {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.findElement(what));
        shot(name);
    }

    private void shot(String name) throws IOException {
        session.screenshot("getting-started-" + name);
        if (Boolean.getBoolean("candor.write-docs")) {
            Path from = Path.of(System.getProperty("candor.test.artifacts", "target/test-artifacts"),
                    "getting-started-" + name + ".png");
            Path to = Path.of("..", "docs", "images", "getting-started", name + ".png");
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
