package io.candor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.candor.demo.DemoTrainingData;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The console's policy pages — a creditor's waterfall and arrangement bounds with the approval matrix, the
 * products' bucket schemes — and the models page: train from a file, approve (a compliance officer only), retire.
 */
@CandorIntegrationTest
class PolicyAndModelPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenants.TestTenant tenant;
    WebSession admin;
    String creditor;

    @BeforeEach
    void signIn() {
        tenant = tenants.create("policy");
        admin = new WebSession(port).signIn(tenant.slug(), "admin", TestTenants.PASSWORD);
        creditor = "CRED-" + tenant.slug().toUpperCase(Locale.ROOT);
    }

    @Test
    void aCreditorsWaterfallArrangementBoundsAndApprovalMatrixAreSetInThePage() {
        WebSession.Page page = admin.get("/console/creditors/" + creditor);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"matrix\"").contains("data-offerer=\"COLLECTOR\"");

        // the waterfall: principal first
        WebSession.Page saved = admin.postAll("/console/creditors/" + creditor + "/waterfall", page.csrf(),
                List.of(Map.entry("order", "PRINCIPAL"), Map.entry("order", "INTEREST"),
                        Map.entry("order", "PENALTY"), Map.entry("order", "FEES")));
        assertThat(saved.body()).contains("id=\"done\"");
        Api api = new Api(port);
        String token = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        // a component twice is refused, and nothing changes
        WebSession.Page twice = admin.postAll("/console/creditors/" + creditor + "/waterfall", saved.csrf(),
                List.of(Map.entry("order", "PRINCIPAL"), Map.entry("order", "PRINCIPAL"),
                        Map.entry("order", "PENALTY"), Map.entry("order", "FEES")));
        assertThat(twice.body()).contains("id=\"waterfall-problem\"");
        assertThat(twice.body()).containsSubsequence("value=\"PRINCIPAL\" selected", "value=\"INTEREST\" selected");

        // the arrangement bounds for credit cards, with a matrix whose supervisor may agree less than a collector
        Map<String, String> form = new LinkedHashMap<>(policy("CREDIT_CARD", "40", "24"));
        form.put("auth.SUPERVISOR.discountPct", "5");
        WebSession.Page refused = admin.post("/console/creditors/" + creditor + "/arrangement-policy", twice.csrf(),
                form);
        assertThat(refused.body()).contains("id=\"policy-problems\"").contains("approval goes upwards");
        WebSession.Page ok = admin.post("/console/creditors/" + creditor + "/arrangement-policy", refused.csrf(),
                policy("CREDIT_CARD", "40", "24"));
        assertThat(ok.body()).contains("id=\"done\"").contains("value=\"40\"");
        assertThat(api.get("/api/v1/audit-events?limit=50", token).body()).contains("ARRANGEMENT_POLICY_SET")
                .contains("WATERFALL_SET");

        // a product's buckets
        WebSession.Page list = admin.get("/console/creditors");
        WebSession.Page buckets = admin.postAll("/console/bucket-schemes/CREDIT_CARD", list.csrf(), List.of(
                Map.entry("bound", "30"), Map.entry("bound", "60"), Map.entry("bound", "90"), Map.entry("bound", "120"),
                Map.entry("bound", "150"), Map.entry("bound", "365")));
        assertThat(buckets.body()).contains("id=\"buckets-saved\"").contains("value=\"365\"");
        WebSession.Page bad = admin.postAll("/console/bucket-schemes/CREDIT_CARD", buckets.csrf(), List.of(
                Map.entry("bound", "30"), Map.entry("bound", "20")));
        assertThat(bad.body()).contains("id=\"bucket-problem\"").contains("six increasing");

        // a collector reads nothing of it
        WebSession collector = new WebSession(port).signIn(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(collector.get("/console/creditors/" + creditor).status()).isEqualTo(403);
    }

    @Test
    void aModelIsTrainedInThePageAndOnlyAComplianceOfficerApprovesIt() {
        WebSession supervisor = new WebSession(port).signIn(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        WebSession.Page page = supervisor.get("/console/models");
        WebSession.Page trained = supervisor.upload("/console/models", page.csrf(), "history.csv",
                DemoTrainingData.csv(500, 3), Map.of("name", "cards", "target", "outcome", "bad", "unpaid"));
        assertThat(trained.body()).contains("id=\"trained\"").contains("data-status=\"DRAFT\"");
        // the supervisor cannot approve it: no form, and the address refuses
        assertThat(trained.body()).doesNotContain("data-approve=");
        Api api = new Api(port);
        JsonNode model = api.get("/api/v1/models", api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD)).json()
                .get(0);
        String id = model.get("id").asString();
        assertThat(supervisor.post("/console/models/" + id + "/approval", trained.csrf(), Map.of("note", "x"))
                .status()).isEqualTo(403);

        WebSession officer = new WebSession(port).signIn(tenant.slug(), "compliance_officer", TestTenants.PASSWORD);
        WebSession.Page before = officer.get("/console/models");
        assertThat(before.body()).contains("data-approve=\"cards v1\"");
        WebSession.Page approved = officer.post("/console/models/" + id + "/approval", before.csrf(),
                Map.of("note", "AUC above the scorecard policy's floor"));
        assertThat(approved.body()).contains("data-status=\"APPROVED\"").contains("AUC above the scorecard");
        WebSession.Page retired = officer.post("/console/models/" + id + "/retirement", approved.csrf(),
                Map.of("note", "replaced"));
        assertThat(retired.body()).contains("data-status=\"RETIRED\"");
    }

    @Test
    void aTeamIsMadeWithItsSkillsAndMembers() {
        WebSession.Page page = admin.get("/console/teams");
        assertThat(page.body()).contains("value=\"collector\"");
        WebSession.Page saved = admin.postAll("/console/teams", page.csrf(), List.of(Map.entry("code", "m2-mandarin"),
                Map.entry("name", "M2 普通话"), Map.entry("rank", "1"), Map.entry("languages", "zh-CN"),
                Map.entry("buckets", "M2, M3"), Map.entry("products", ""), Map.entry("members", "collector")));
        assertThat(saved.body()).contains("id=\"saved\"").contains("data-team=\"m2-mandarin\"").contains("M2, M3");
        Api api = new Api(port);
        JsonNode teams = api.get("/api/v1/teams", api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD)).json();
        assertThat(teams.toString()).contains("m2-mandarin").contains("collector");
        WebSession.Page bad = admin.postAll("/console/teams", saved.csrf(), List.of(Map.entry("code", "Bad Code!"),
                Map.entry("rank", "x")));
        assertThat(bad.body()).contains("id=\"problem\"");
    }

    private static Map<String, String> policy(String product, String discount, String tenor) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("product", product);
        f.put("maxDiscountPct", discount);
        f.put("maxTenorMonths", tenor);
        f.put("minInstalmentMinor", "10000");
        f.put("maxBufferDays", "90");
        f.put("graceDays", "3");
        String[][] matrix = {{"DEBTOR", "5", "6"}, {"AGENT", "0", "6"}, {"COLLECTOR", "10", "12"},
                {"SUPERVISOR", "30", "24"}, {"CREDITOR", "40", "24"}};
        for (String[] m : matrix) {
            f.put("auth." + m[0] + ".discountPct", m[1]);
            f.put("auth." + m[0] + ".tenorMonths", m[2]);
            f.put("kinds." + m[0], "PROMISE");
        }
        return f;
    }
}
