package io.candor.strategy.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import io.candor.demo.DemoTrainingData;
import io.candor.platform.tenant.TenantContext;
import io.candor.scoring.PlatformFeatures;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The model registry end to end: trained from a CSV, refused on bad data, used by nobody until a compliance officer
 * approves it, then scoring every account in the daily run (expected values, stored scores, drift check) and one
 * account online with reason codes.
 */
@CandorIntegrationTest
class ScoringInPlanningTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenants tenantDirectory;

    Api api;
    TestTenants.TestTenant tenant;
    String supervisor;
    String officer;

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(port);
        tenant = tenants.create("score");
        TenantContext.run(tenant.id(), () -> tenantDirectory.setBusinessDate(tenant.id(), DAY));
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        officer = api.token(tenant.slug(), "compliance_officer", TestTenants.PASSWORD);
        StrategyFixture.install(api, admin, supervisor);
    }

    Api.Response train(byte[] csv, String target, String bad) {
        return api.upload("/api/v1/models", supervisor, "history.csv", csv, "name", "c-card", "target", target,
                "bad", bad);
    }

    @Test
    void aModelIsTrainedApprovedAndThenScoresEveryAccountInTheRun() {
        Api.Response refused = train(DemoTrainingData.csv(500, 3), "outcome", "defaulted");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("No row has outcome = 'defaulted'").contains("[paid, unpaid]");
        assertThat(api.get("/api/v1/models", supervisor).json()).as("nothing half stored").isEmpty();

        Api.Response trained = train(DemoTrainingData.csv(3000, 3), "outcome", "unpaid");
        assertThat(trained.status()).as(trained.body()).isEqualTo(201);
        JsonNode model = trained.json();
        assertThat(model.get("status").asString()).isEqualTo("DRAFT");
        assertThat(model.get("version").asInt()).isEqualTo(1);
        assertThat(model.get("dataSha256").asString()).hasSize(64);
        JsonNode cv = model.get("metrics").get("crossValidated");
        assertThat(cv.get("scorecard").get("auc").asDouble()).isBetween(0.65, 0.95);
        assertThat(cv.get("gbdt").get("auc").asDouble()).isBetween(0.65, 0.95);
        assertThat(model.get("features").valueStream().map(JsonNode::asString)).contains("dpd");
        String id = model.get("id").asString();

        // a draft model is used by nobody
        run(DAY);
        assertThat(scored()).isZero();
        assertThat(api.get("/api/v1/accounts/" + tenant.accounts().getFirst() + "/score", supervisor).status())
                .isEqualTo(400);

        assertThat(api.post("/api/v1/models/" + id + "/approval", supervisor, "{\"note\":\"mine\"}").status())
                .as("only a compliance officer approves").isEqualTo(403);
        Api.Response approved = api.post("/api/v1/models/" + id + "/approval", officer,
                "{\"note\":\"Validated on the 2026 H1 history; reason codes reviewed\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo("compliance_officer");

        JsonNode summary = run(DAY.plusDays(1)).get("summary");
        assertThat(summary.get("model").get("name").asString()).isEqualTo("c-card");
        assertThat(summary.get("model").get("scored").asInt()).isEqualTo(3);
        assertThat(scored()).isEqualTo(3);
        // the human call's expected value is the balance times the model's probability of repayment
        UUID m3 = tenant.accounts().get(1);
        double probability = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT probability FROM account_score WHERE account_id = :a").param("a", m3).query(Double.class).single());
        BigDecimal value = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT expected_value FROM plan_action WHERE account_id = :a AND business_date = :d""")
                .param("a", m3).param("d", DAY.plusDays(1)).query(BigDecimal.class).single());
        assertThat(value.doubleValue()).isCloseTo(1012.34 * (1 - probability), within(0.01));
        JsonNode drift = api.get("/api/v1/models/" + id + "/drift", officer).json();
        assertThat(drift).singleElement().satisfies(d -> assertThat(d.get("accounts").asInt()).isEqualTo(3));
        // three test accounts are nothing like the training population: the check must say so, and alert
        assertThat(drift.get(0).get("psi").asDouble()).isGreaterThan(0.25);
        assertThat(drift.get(0).get("alert").asBoolean()).isTrue();
        assertThat(summary.get("model").get("driftAlert").asBoolean()).isTrue();
        long alerts = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE action = 'MODEL_DRIFT_ALERT'").query(Long.class).single());
        assertThat(alerts).isEqualTo(1);

        Api.Response scoreResponse = api.get("/api/v1/accounts/" + m3 + "/score", supervisor);
        assertThat(scoreResponse.status()).as(scoreResponse.body()).isEqualTo(200);
        JsonNode score = scoreResponse.json();
        assertThat(score.get("model").asString()).isEqualTo("c-card");
        assertThat(score.get("probabilityOfBad").asDouble()).isCloseTo(probability, within(1e-5));
        assertThat(score.get("points").asDouble()).isPositive();
        assertThat(score.get("reasons")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("feature").asString()).isNotBlank();
            assertThat(r.get("pointsLost").asDouble()).isPositive();
        });
        assertThat(score.get("lastRun").get("businessDate").asString()).isEqualTo(DAY.plusDays(1).toString());
        long audited = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'DEBTOR_DATA_READ' AND resource_id = :a""")
                .param("a", m3.toString()).query(Long.class).single());
        assertThat(audited).as("reading a score is a read of debtor data").isPositive();

        assertThat(api.post("/api/v1/models/" + id + "/retirement", officer, "{\"note\":\"replaced\"}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + m3 + "/score", supervisor).status()).isEqualTo(400);
    }

    @Test
    void aModelOnColumnsThePlatformDoesNotHaveCannotBeApproved() {
        byte[] csv = new String(DemoTrainingData.csv(1000, 5), StandardCharsets.UTF_8)
                .replaceFirst("^dpd,", "days_late,").getBytes(StandardCharsets.UTF_8);
        Api.Response trained = train(csv, "outcome", "unpaid");
        assertThat(trained.status()).as(trained.body()).isEqualTo(201);
        Api.Response approval = api.post("/api/v1/models/" + trained.json().get("id").asString() + "/approval", officer,
                "{\"note\":\"looks fine\"}");
        assertThat(approval.status()).isEqualTo(400);
        assertThat(approval.body()).contains("[days_late]").contains("docs/scoring.md");
    }

    @Test
    void aModelIsTrainedOnThePlatformsOwnHistory() {
        Api.Response none = api.post("/api/v1/models/from-history", supervisor, "{\"name\": \"history\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("no feature snapshots");
        // thirty business days of plans; the first account pays within a month of each, the others never do
        LocalDate first = DAY.minusDays(70);
        for (int d = 0; d < 30; d++) {
            run(first.plusDays(d));
        }
        UUID payer = tenant.accounts().getFirst();
        for (int k = 1; k <= 3; k++) {
            Api.Response paid = api.post("/api/v1/accounts/" + payer + "/payments", supervisor,
                    "{\"amount\": 50.00, \"currency\": \"CNY\", \"paidOn\": \"" + first.plusDays(12L * k)
                            + "\", \"reference\": \"h-" + k + "\"}", "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        }
        long snapshots = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT count(*) FROM account_feature_snapshot").query(Long.class).single());
        assertThat(snapshots).isEqualTo(90);

        Api.Response trained = api.post("/api/v1/models/from-history", supervisor,
                "{\"name\": \"history\", \"horizonDays\": 30}");
        assertThat(trained.status()).as(trained.body()).isEqualTo(201);
        JsonNode model = trained.json();
        assertThat(model.get("target").asString()).isEqualTo("outcome");
        assertThat(model.get("rows").asInt()).isEqualTo(90);
        // the payer's snapshots before its last payment are "paid" (labelled by what followed each day)
        assertThat(model.get("bads").asInt()).isBetween(60, 80);
        assertThat(model.get("features").valueStream().map(JsonNode::asString))
                .allSatisfy(f -> assertThat(PlatformFeatures.known(f)).as(f).isTrue());
        Api.Response approved = api.post("/api/v1/models/" + model.get("id").asString() + "/approval", officer,
                "{\"note\": \"trained on our own history\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    JsonNode run(LocalDate date) {
        Api.Response r = api.post("/api/v1/strategy/runs", supervisor, "{\"date\":\"" + date + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    long scored() {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT count(*) FROM account_score").query(Long.class)
                .single());
    }
}
