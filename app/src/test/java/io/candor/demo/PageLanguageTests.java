package io.candor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.candor.arrangement.Kind;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Status;
import io.candor.compliance.Channel;
import io.candor.compliance.Hold;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.identity.Role;
import io.candor.portfolio.Placement;
import io.candor.portfolio.placement.ImportJob;
import io.candor.strategy.planning.AccountSignals;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import io.candor.workbench.Disposition;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every staff page, on the demo's lived-in data, in en, zh-CN and zh-TW: no message key left untranslated, and no
 * vocabulary code (SME_LOAN, ASSIGNED, LETTER, DISPUTE …) shown to a person instead of its name.
 */
@CandorIntegrationTest
class PageLanguageTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoSeeder seeder;

    /** The codes of Candor's vocabulary a page must name, not print. */
    static final Set<String> CODES = codes();

    static Set<String> codes() {
        Set<String> all = new LinkedHashSet<>();
        Stream.of(Hold.class, Channel.class,
                        Outcome.class, Party.class,
                        Kind.class, Status.class,
                        Offerer.class, Disposition.class,
                        Placement.Product.class, AccountSignals.Signal.class,
                        Role.class, ImportJob.Status.class)
                .flatMap(e -> Arrays.stream(e.getEnumConstants())).map(c -> ((Enum<?>) c).name())
                .filter(n -> n.length() >= 4).forEach(all::add);
        // statuses and kinds the pages show that live as text in the database
        all.addAll(List.of("PERSON", "COMPANY", "ASSIGNED", "SENT", "DELIVERED", "REFUSED", "SENDING", "OPEN", "CLOSED",
                "RECALLED", "ALLOW", "DENY", "LIVE", "EXPIRED", "REVOKED", "PENDING"));
        // words that are also plain English or the same in every language
        all.removeAll(List.of("EMAIL", "OPEN"));
        return all;
    }

    @Test
    void everyStaffPageSpeaksEachLanguageWithoutRawCodesOrMissingKeys() {
        seeder.seed();
        Api api = new Api(port);
        String admin = api.token("demo-bank", "admin", DemoSeeder.PASSWORD);
        List<String> accounts = new ArrayList<>();
        // accounts with a hold, an arrangement, messages and calls: the timeline and the 360 show all of them
        JsonNode queue = api.get("/api/v1/queues/supervisor", admin).json();
        queue.forEach(i -> accounts.add(i.get("account").asString()));
        api.get("/api/v1/accounts?bucket=M5&limit=3", admin).json().get("items")
                .forEach(a -> accounts.add(a.get("id").asString()));
        api.get("/api/v1/accounts?bucket=M1&limit=3", admin).json().get("items")
                .forEach(a -> accounts.add(a.get("id").asString()));
        List<String> problems = new ArrayList<>();
        String creditor = api.get("/api/v1/creditors", admin).json().get(0).get("code").asString();
        for (String lang : List.of("en", "zh-CN", "zh-TW")) {
            for (String user : List.of("admin", "supervisor", "collector")) {
                String token = api.token("demo-bank", user, DemoSeeder.PASSWORD);
                assertThat(api.send("PATCH", "/api/v1/me", token, "{\"locale\":\"" + lang + "\"}").status())
                        .isEqualTo(200);
            }
            WebSession supervisor = new WebSession(port).signIn("demo-bank", "supervisor", DemoSeeder.PASSWORD);
            WebSession adminPages = new WebSession(port).signIn("demo-bank", "admin", DemoSeeder.PASSWORD);
            List<String> pages = new ArrayList<>(List.of("/", "/workbench", "/supervisor", "/dashboards", "/strategy",
                    "/compliance", "/outbox"));
            accounts.stream().distinct().limit(8).forEach(a -> pages.add("/workbench/accounts/" + a));
            for (String page : pages) {
                check(lang, page, supervisor.get(page), problems);
            }
            for (String page : List.of("/users", "/password", "/console/imports", "/console/creditors",
                    "/console/templates", "/console/templates/edit?code=sms-reminder&locale=zh-CN", "/console/channels",
                    "/console/accounts?q=%E5%BC%A0", "/console/business-day", "/console/audit", "/console/evidence", "/console/models", "/console/teams",
                    "/console/creditors/" + creditor, "/console/import-profiles", "/compliance?layer=TENANT")) {
                check(lang, page, adminPages.get(page), problems);
            }
            JsonNode jobs = api.get("/api/v1/imports", admin).json();
            if (!jobs.isEmpty()) {
                check(lang, "/console/imports/{job}", adminPages.get("/console/imports/" + jobs.get(0).get("id")
                        .asString()), problems);
            }
            // the platform operator's pages
            String operatorToken = api.token("platform", "operator", "Test-operator-pass-1");
            assertThat(api.send("PATCH", "/api/v1/me", operatorToken, "{\"locale\":\"" + lang + "\"}").status())
                    .isEqualTo(200);
            WebSession operator = new WebSession(port).signIn("platform", "operator", "Test-operator-pass-1");
            check(lang, "/operator/tenants", operator.get("/operator/tenants"), problems);
            api.get("/api/v1/tenants", operatorToken).json().forEach(t -> {
                if (t.get("slug").asString().equals("demo-bank")) {
                    check(lang, "/operator/tenants/{demo-bank}",
                            operator.get("/operator/tenants/" + t.get("id").asString()), problems);
                }
            });
            // the Excel exports speak the reader's language too
            try (var wb = new ReadableWorkbook(new ByteArrayInputStream(
                    supervisor.bytes("/dashboards/export?table=productivity")))) {
                String header = wb.getFirstSheet().read().stream().filter(r -> r.getRowNum() == 3).findFirst()
                        .orElseThrow().getCell(0).getText();
                assertThat(header).as(lang).isEqualTo(switch (lang) {
                    case "zh-CN" -> "催收员";
                    case "zh-TW" -> "催收員";
                    default -> "collector";
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(problems).as("pages showing codes or missing keys").isEmpty();
    }

    @Autowired
    TestTenants tenants;

    @Test
    void theDebtorPortalSpeaksEachLanguageWithoutRawCodes() {
        TestTenants.TestTenant tenant = tenants.create("portal-lang");
        Api api = new Api(port);
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        String account = tenant.accounts().getFirst().toString();
        // a history with a hold, an arrangement and a payment by a collector
        api.post("/api/v1/accounts/" + account + "/arrangements", collector,
                "{\"kind\":\"PROMISE\",\"amount\":\"100.00\",\"dueOn\":\"" + LocalDate.now().plusDays(5)
                        + "\"}", "Idempotency-Key", UUID.randomUUID().toString());
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        api.post("/api/v1/accounts/" + account + "/payments", admin, "{\"amount\":\"10.00\",\"currency\":\"CNY\","
                + "\"paidOn\":\"" + LocalDate.now() + "\",\"reference\":\"lang-1\"}", "Idempotency-Key", "lang-1");
        api.post("/api/v1/accounts/" + account + "/holds", collector, "{\"hold\":\"DISPUTE\",\"reason\":\"test\"}");
        String url = api.post("/api/v1/accounts/" + account + "/portal-links", collector, "{}").json().get("url")
                .asString();
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("en", "zh-CN", "zh-TW")) {
            WebSession debtor = new WebSession(port);
            WebSession.Page page = debtor.get(url + "?lang=" + lang);
            check(lang, "/p/…", page, problems);
            WebSession.Page home = debtor.post(url + "/verify?lang=" + lang, page.csrf(),
                    Map.of("idLast4", "100X", "birthDate", "1990-03-07", "lang", lang));
            check(lang, "/portal", home, problems);
            assertThat(home.uri().getPath()).isEqualTo("/portal");
            assertThat(home.body()).as(lang + ": a collector's payment is a collector's")
                    .contains("data-kind=\"PAYMENT\" data-by=\"PERSON\"").doesNotContain("data-by=\"CREDITOR\"");
        }
        assertThat(problems).as("portal pages showing codes or missing keys").isEmpty();
    }

    static void check(String lang, String path, WebSession.Page page, List<String> problems) {
        if (page.status() != 200) {
            problems.add(lang + " " + path + ": status " + page.status());
            return;
        }
        String text = visibleText(page.body());
        Matcher missing = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?").matcher(text);
        while (missing.find()) {
            problems.add(lang + " " + path + ": untranslated " + missing.group());
        }
        Matcher word = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\w-])").matcher(text);
        Set<String> raw = new LinkedHashSet<>();
        while (word.find()) {
            if (CODES.contains(word.group())) {
                raw.add(word.group());
            }
        }
        if (!raw.isEmpty()) {
            problems.add(lang + " " + path + ": raw codes " + raw);
        }
    }

    /**
     * The text a person reads: no tags, scripts, styles or attribute values, and not what they type — a text
     * box's content or an example in {@code <code>} is written in Candor's codes on purpose.
     */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<textarea.*?</textarea>", " ").replaceAll("(?s)<code>.*?</code>", " ")
                .replaceAll("(?s)<option[^>]*>", " ").replaceAll("(?s)<[^>]+>", " ").replace("&nbsp;", " ");
    }
}
