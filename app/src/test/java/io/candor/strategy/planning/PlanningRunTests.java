package io.candor.strategy.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    io.candor.tenancy.Tenants tenantDirectory;

    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String supervisor;

    static String resource(String name) throws IOException {
        try (InputStream in = PlanningRunTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The shipped strategy with the holdout given to the champion. */
    static String strategy() throws IOException {
        return resource("/strategy/default.yaml").replace("holdout: 5", "holdout: 0").replace("share: 80", "share: 85");
    }

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(port);
        tenant = tenants.create("plan");
        TenantContext.run(tenant.id(), () -> tenantDirectory.setBusinessDate(tenant.id(), DAY));
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        for (JsonNode t : JsonMapper.builder().build().readTree(resource("/strategy/default-templates.json"))) {
            String code = t.get("code").asString();
            ((tools.jackson.databind.node.ObjectNode) t).remove("code");
            Api.Response r = api.put("/api/v1/templates/" + code, admin, t.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Api.Response published = api.post("/api/v1/strategies", admin, strategy(), "Content-Type", "application/yaml");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Api.Response team = api.put("/api/v1/teams/mandarin", supervisor, """
                {"code": "mandarin", "name": "Mandarin M2+", "languages": ["zh-CN"], "buckets": [], "products": [],
                 "rank": 1, "members": ["collector"]}""");
        assertThat(team.status()).as(team.body()).isEqualTo(200);
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
}
