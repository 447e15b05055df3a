package io.candor.strategy.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.Browser;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily planning run on the real database: three accounts (M1, M3, M4) through the default strategy, without
 * its holdout so every account is treated; hand-offs to queues, idempotency, and resuming after a crash.
 */
@CandorIntegrationTest
class PlanningRunTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    PlanRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Tenants tenantDirectory;

    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String supervisor;

    /** The shipped strategy with the holdout given to the champion. */
    static String strategy() throws IOException {
        return StrategyFixture.strategy();
    }

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(port);
        tenant = tenants.create("plan");
        TenantContext.run(tenant.id(), () -> tenantDirectory.setBusinessDate(tenant.id(), DAY));
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        StrategyFixture.install(api, admin, supervisor);
    }

    JsonNode run(LocalDate date) {
        Api.Response r = api.post("/api/v1/strategy/runs", supervisor, "{\"date\":\"" + date + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    long actions(LocalDate date) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT count(*) FROM plan_action WHERE business_date = :d")
                .param("d", date).query(Long.class).single());
    }

    @Test
    void theThreeTiersAndTheHandOffsReachTheQueues() {
        UUID m1 = tenant.accounts().get(0);
        UUID m3 = tenant.accounts().get(1);
        UUID m4 = tenant.accounts().get(2);
        assertThat(api.post("/api/v1/accounts/" + m4 + "/holds", supervisor,
                "{\"hold\":\"COMPLAINT_OPEN\",\"reason\":\"complaint about call frequency\"}").status()).isEqualTo(201);

        JsonNode run = run(DAY);
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode summary = run.get("summary");
        assertThat(summary.get("accounts").asLong()).isEqualTo(3);
        assertThat(summary.get("treatments").get("ToSupervisor").asLong()).isEqualTo(1);
        assertThat(summary.get("tiers").get("1").asLong()).isEqualTo(1);
        assertThat(summary.get("tiers").get("2").asLong()).isEqualTo(1);
        assertThat(summary.get("channels").get("SMS").get("PLANNED").asLong()).isEqualTo(1);
        assertThat(summary.get("channels").get("VOICE_HUMAN").get("PLANNED").asLong()).isEqualTo(1);

        // the SMS goes out at 10:00 in the debtor's zone (Beijing)
        String sms = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT planned_at::text FROM plan_action WHERE account_id = :a AND business_date = :d""")
                .param("a", m1).param("d", DAY).query(String.class).single());
        assertThat(sms).isEqualTo("2026-12-01 02:00:00+00");

        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        JsonNode mine = api.get("/api/v1/queues/mine", collector).json();
        assertThat(mine).singleElement().satisfies(item -> {
            assertThat(item.get("account").asString()).isEqualTo(m3.toString());
            assertThat(item.get("collector").asString()).isEqualTo("collector");
            assertThat(item.get("team").asString()).isEqualTo("mandarin");
        });
        assertThat(api.post("/api/v1/queues/assignments", supervisor,
                "{\"account\":\"" + m3 + "\",\"collector\":\"collector\"}").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/queues/mine", collector).json().get(0).get("reason").asString())
                .isEqualTo("REASSIGNED");
        assertThat(api.post("/api/v1/queues/assignments", supervisor,
                "{\"account\":\"" + m3 + "\",\"collector\":\"auditor\"}").status())
                .as("only team members take accounts").isEqualTo(400);
        JsonNode complaints = api.get("/api/v1/queues/supervisor", supervisor).json();
        assertThat(complaints).singleElement().satisfies(item -> {
            assertThat(item.get("account").asString()).isEqualTo(m4.toString());
            assertThat(item.get("reason").asString()).isEqualTo("COMPLAINT_OPEN");
        });
        assertThat(api.get("/api/v1/queues/supervisor", collector).status()).isEqualTo(403);
        // every assignment to a variant is in the evidence log
        long evidence = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM (SELECT seq FROM evidence_pending WHERE type = 'STRATEGY_ASSIGNMENT'
                                              UNION ALL SELECT seq FROM evidence_entry WHERE type = 'STRATEGY_ASSIGNMENT') x""")
                .query(Long.class).single());
        assertThat(evidence).isEqualTo(2);
    }

    @Test
    void aSecondRunForTheSameDateIsTheSamePlan() {
        JsonNode first = run(DAY);
        long planned = actions(DAY);
        assertThat(planned).isPositive();
        JsonNode second = run(DAY);
        assertThat(second.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(second.get("summary")).isEqualTo(first.get("summary"));
        assertThat(actions(DAY)).isEqualTo(planned);
    }

    @Test
    void aRunInterruptedMidPartitionResumesWithoutDuplicates() {
        LocalDate day = DAY.plusDays(1);
        UUID run = TenantContext.call(tenant.id(), () -> tx.execute(s -> runs.start(day, "test")));
        assertThatThrownBy(() -> TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> {
            assertThat(runs.planOne(run, day)).isTrue();
            throw new IllegalStateException("the instance died here");
        }))).hasMessageContaining("died");
        assertThat(actions(day)).isZero();
        PlanRuns.Run resumed = TenantContext.call(tenant.id(), () -> runs.run(day, "test"));
        assertThat(resumed.id()).isEqualTo(run);
        assertThat(resumed.status()).isEqualTo("SUCCEEDED");
        assertThat(resumed.partitionsDone()).isEqualTo(resumed.partitions());
        long planned = actions(day);
        assertThat(planned).as("an SMS for M1, human calls for M3 and M4").isEqualTo(3);
        List<String> keys = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT account_id || '/' || step FROM plan_action WHERE business_date = :d""")
                .param("d", day).query(String.class).list());
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void anInvalidStrategyIsRefusedWithEveryProblemAndTheActiveOneStays() {
        String broken = "strategy: default\neffectiveFrom: 2026-01-02\nreason: broken\nsegments:\n  - {id: a, path: nowhere}\n"
                + "paths:\n  - {id: p, tier: 1, steps: [{day: 0, channel: SMS, template: no-such}]}\n";
        Api.Response r = api.post("/api/v1/strategies", admin, broken, "Content-Type", "application/yaml");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("problems")).extracting(p -> p.get("path").asString())
                .contains("segments[0].path", "paths.p.steps[0].template");
        Api.Response valid = api.post("/api/v1/strategies/validate", admin, broken, "Content-Type", "application/yaml");
        assertThat(valid.json().get("valid").asBoolean()).isFalse();
        JsonNode versions = api.get("/api/v1/strategies", admin).json();
        assertThat(versions).singleElement().satisfies(v -> assertThat(v.get("version").asInt()).isEqualTo(1));
    }

    @Test
    void whatIfForecastsTheRunWithoutWritingAndComparesWithCapacity() throws IOException {
        JsonNode forecast = api.post("/api/v1/strategy/what-if", supervisor, "{\"date\":\"" + DAY + "\"}").json();
        assertThat(forecast.get("version").asInt()).isEqualTo(1);
        assertThat(forecast.get("accounts").asLong()).isEqualTo(3);
        assertThat(actions(DAY)).as("a what-if writes no plan").isZero();
        long paths = TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT count(*) FROM account_path")
                .query(Long.class).single());
        assertThat(paths).isZero();

        JsonNode summary = run(DAY).get("summary");
        for (String group : List.of("treatments", "tiers", "paths", "variants")) {
            assertThat(forecast.get(group)).as(group).isEqualTo(summary.get(group));
        }
        assertThat(forecast.get("channels").get("SMS").get("planned").asLong())
                .isEqualTo(summary.get("channels").get("SMS").get("PLANNED").asLong());

        // a draft that calls every account by hand, with room for one call a day
        String draft = strategy().replace("path: early-digital", "path: human-standard")
                .replace("early: early-sms-first", "early: human-standard").replace("VOICE_HUMAN: 5000", "VOICE_HUMAN: 1");
        String body = JsonMapper.builder().build().writeValueAsString(Map.of("definition", draft,
                "date", DAY.plusDays(1).toString()));
        JsonNode drafted = api.post("/api/v1/strategy/what-if", supervisor, body).json();
        assertThat(drafted.get("version").isNull()).isTrue();
        assertThat(drafted.get("tiers").get("2").asLong()).isEqualTo(3);
        JsonNode calls = drafted.get("channels").get("VOICE_HUMAN");
        assertThat(calls.get("planned").asLong()).isEqualTo(3);
        assertThat(calls.get("capacity").asInt()).isEqualTo(1);
        assertThat(calls.get("overCapacity").asLong()).isEqualTo(2);
        // the run agrees: published, the draft plans the call of the highest expected value and keeps two over capacity
        Api.Response published = api.post("/api/v1/strategies", admin, draft.replace("effectiveFrom: 2026-01-01",
                "effectiveFrom: " + DAY.plusDays(1)), "Content-Type", "application/yaml");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonNode channels = run(DAY.plusDays(1)).get("summary").get("channels").get("VOICE_HUMAN");
        assertThat(channels.get("PLANNED").asLong()).isEqualTo(1);
        assertThat(channels.get("OVER_CAPACITY").asLong()).isEqualTo(2);
        List<String> byValue = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT status FROM plan_action WHERE business_date = :d ORDER BY expected_value DESC, account_id""")
                .param("d", DAY.plusDays(1)).query(String.class).list());
        assertThat(byValue).containsExactly("PLANNED", "OVER_CAPACITY", "OVER_CAPACITY");

        Api.Response broken = api.post("/api/v1/strategy/what-if", supervisor,
                "{\"definition\": \"strategy: x\\nsegments: []\\n\"}");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("problems")).isNotEmpty();
        assertThat(api.post("/api/v1/strategy/what-if", api.token(tenant.slug(), "collector", TestTenants.PASSWORD), "{}").status())
                .isEqualTo(403);
    }

    @Test
    void resultsPerVariantAndPromotionOfTheWinner() {
        LocalDate day = LocalDate.of(2026, 6, 1); // assignments made before the events below
        run(day);
        Map<UUID, String> variantOf = new HashMap<>();
        TenantContext.run(tenant.id(), () -> jdbc.sql("SELECT account_id, variant FROM strategy_assignment")
                .query((rs, n) -> variantOf.put(rs.getObject(1, UUID.class), rs.getString(2))).list());
        assertThat(variantOf).hasSize(3);
        UUID contacted = tenant.accounts().get(0); // M1: on the early path
        UUID payer = tenant.accounts().get(1);
        UUID complainer = tenant.accounts().get(2);
        Api.Response paid = api.post("/api/v1/accounts/" + payer + "/payments", supervisor,
                "{\"amount\": 500.00, \"currency\": \"CNY\", \"paidOn\": \"2026-06-02\", \"reference\": \"r-1\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        TenantContext.run(tenant.id(), () -> jdbc.sql("""
                        INSERT INTO account_signal (tenant_id, account_id, signal, source, since)
                        VALUES (:t, :a, 'ARRANGEMENT_ACTIVE', 'test', now())""")
                .param("t", tenant.id()).param("a", payer).update());
        Api.Response decided = api.post("/api/v1/accounts/" + contacted + "/contact-decisions", supervisor,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138000\","
                        + "\"at\":\"2026-06-03T03:00:00Z\"}");
        assertThat(decided.json().get("verdict").asString()).as(decided.body()).isEqualTo("ALLOW");
        assertThat(api.post("/api/v1/accounts/" + complainer + "/holds", supervisor,
                "{\"hold\":\"COMPLAINT_OPEN\",\"reason\":\"rude caller\"}").status()).isEqualTo(201);

        JsonNode results = api.get("/api/v1/strategy/results", supervisor).json();
        assertThat(results.get("champion").asString()).isEqualTo("champion");
        assertThat(results.get("currency").asString()).isEqualTo("CNY");
        long accounts = 0;
        for (JsonNode arm : results.get("arms")) {
            String v = arm.get("variant").asString();
            long n = variantOf.values().stream().filter(v::equals).count();
            accounts += arm.get("accounts").asLong();
            assertThat(arm.get("accounts").asLong()).as(v).isEqualTo(n);
            boolean hasPayer = variantOf.get(payer).equals(v);
            assertThat(arm.get("payers").asLong()).as(v).isEqualTo(hasPayer ? 1 : 0);
            assertThat(arm.get("collected").decimalValue()).as(v).isEqualByComparingTo(hasPayer ? "500.00" : "0");
            assertThat(arm.get("balanceAtAssignment").decimalValue()).as(v)
                    .isEqualByComparingTo(new BigDecimal("1012.34").multiply(BigDecimal.valueOf(n)));
            assertThat(arm.get("promises").asLong()).isEqualTo(hasPayer ? 1 : 0);
            assertThat(arm.get("kept").asLong()).isEqualTo(hasPayer ? 1 : 0);
            assertThat(arm.get("contacts").asLong()).isEqualTo(variantOf.get(contacted).equals(v) ? 1 : 0);
            assertThat(arm.get("cost").decimalValue()).isEqualByComparingTo(variantOf.get(contacted).equals(v) ? "0.05" : "0");
            assertThat(arm.get("complaints").asLong()).isEqualTo(variantOf.get(complainer).equals(v) ? 1 : 0);
        }
        assertThat(accounts).isEqualTo(3);
        assertThat(results.get("comparisons")).singleElement().satisfies(c -> {
            assertThat(c.get("variant").asString()).isEqualTo("sms-first");
            assertThat(c.get("payerRate").get("p").asDouble()).isBetween(0.0, 1.0);
            assertThat(c.get("payerRate").get("significant").asBoolean()).as("three accounts prove nothing").isFalse();
        });

        Api.Response unknown = api.post("/api/v1/strategies/default/promotions", supervisor,
                "{\"variant\": \"nope\", \"reason\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("[champion, sms-first]");
        Api.Response promoted = api.post("/api/v1/strategies/default/promotions", supervisor,
                "{\"variant\": \"sms-first\", \"reason\": \"cheaper per unit collected\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
        assertThat(promoted.json().get("version").asInt()).isEqualTo(2);
        assertThat(promoted.json().get("effectiveFrom").asString()).isEqualTo(DAY.plusDays(1).toString());
        JsonNode forecast = api.post("/api/v1/strategy/what-if", supervisor,
                "{\"date\":\"" + DAY.plusDays(1) + "\"}").json();
        assertThat(forecast.get("version").asInt()).isEqualTo(2);
        // the complainer goes to a supervisor, the payer's promise pauses, the M1 account takes the winner's path
        assertThat(forecast.get("variants").get("sms-first").asLong()).isEqualTo(2);
        assertThat(forecast.get("treatments").get("Paused").asLong()).isEqualTo(1);
        assertThat(forecast.get("paths")).isEqualTo(JsonMapper.builder().build().readTree("{\"early-sms-first\": 1}"));
        long audited = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'STRATEGY_VARIANT_PROMOTED'""")
                .query(Long.class).single());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aSupervisorReadsTheStrategyFlowAndPromotesAVariantInTheBrowser() {
        run(DAY);
        assertThat(api.send("PATCH", "/api/v1/me", supervisor, "{\"locale\":\"zh-TW\"}").status()).isEqualTo(200);
        try (Browser session = new Browser()) {
            WebDriver browser = session.driver();
            session.signIn(port, tenant.slug(), "supervisor", TestTenants.PASSWORD);
            browser.findElement(By.linkText("催收策略")).click();
            String flow = browser.findElement(By.id("flow")).getText();
            assertThat(flow).contains("有未結申訴 → 主管佇列").as("no holdout in this strategy").doesNotContain("對照組");
            assertThat(browser.findElement(By.id("scoring")).getText()).contains("尚無已核准的評分模型");
            assertThat(browser.findElement(By.cssSelector("[data-segment='legal-unreachable']"))
                    .getText()).contains("bucket ∈ {M4, M5, M6, M7+}").contains("attemptsWithoutContact ≥ 6")
                    .contains("legal").contains("第三層 · 法律追索");
            assertThat(browser.findElement(By.cssSelector("[data-segment='early']")).getText())
                    .contains("方案 sms-first 使用 early-sms-first");
            assertThat(browser.findElement(By.id("path-early-digital")).getText())
                    .contains("簡訊").contains("智慧語音").contains("10:30");
            assertThat(browser.findElement(By.id("run")).getText()).contains(DAY.toString())
                    .contains("已完成").doesNotContain("SUCCEEDED").contains("人工外撥");
            assertThat(browser.findElements(By.cssSelector("#results tr[data-variant]")))
                    .hasSizeGreaterThanOrEqualTo(2);
            session.screenshot("strategy-zh-TW");

            new Select(browser.findElement(By.id("promote-variant")))
                    .selectByValue("sms-first");
            browser.findElement(By.id("promote-reason")).sendKeys("成本較低");
            browser.findElement(By.id("promote-submit")).click();
            assertThat(browser.findElement(By.id("promoted")).getText())
                    .isEqualTo("已發布第 2 版，自 " + DAY.plusDays(1) + " 起生效。");
            assertThat(browser.findElement(By.id("versions")).getText())
                    .contains("default v2").contains("Promoted variant sms-first: 成本較低");
        }
    }

    @Test
    void aBalanceWithoutARateIsReportedNotTakenAsOneAndAnInvertedRateConverts() {
        String csv = "creditor_ref,debtor_name,phone,country,currency,principal,due_date\n"
                + "IDR-1,Budi Santoso,081234567890,ID,IDR,1500000,2026-01-10\n";
        api.awaitImport(api.upload("/api/v1/imports/placements", admin, "idr.csv",
                csv.getBytes(StandardCharsets.UTF_8)).json().get("id").asString(), admin);
        JsonNode without = run(DAY);
        assertThat(without.get("summary").get("missingRates").get("IDR").asLong())
                .as("1.5 million rupiah is not 1.5 million yuan: reported, not ranked").isEqualTo(1);
        // a rate quoted the other way round (CNY in IDR) converts, by the same rule as payments
        api.awaitImport(api.upload("/api/v1/imports/exchange-rates", admin, "rates.csv",
                ("rate_date,base,quote,rate\n" + DAY + ",CNY,IDR,2200\n").getBytes(StandardCharsets.UTF_8))
                .json().get("id").asString(), admin);
        JsonNode with = run(DAY.plusDays(1));
        assertThat(with.get("summary").has("missingRates")).as(with.toString()).isFalse();
    }
}
