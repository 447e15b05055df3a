package io.candor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * The console's column profiles — written as lines, tried on a sample file without importing anything, problems
 * beside their fields, saved and used — and the compliance page's form for a new version of a policy layer.
 */
@CandorIntegrationTest
class ProfileAndLayerPagesTests {

    private static final String SAMPLE = """
            合同号,客户姓名,产品,本金(分),到期日,备注
            F1,赵丽,信用卡,123456,2026/09/30,老客户
            F2,钱军,消费贷,50000,2026/08/31,
            F3,孙芳,信用卡,70000,2026-13-01,日期写错
            """;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenants.TestTenant tenant;
    WebSession admin;
    Api api;
    String token;

    @BeforeEach
    void signIn() {
        tenant = tenants.create("profiles");
        admin = new WebSession(port).signIn(tenant.slug(), "admin", TestTenants.PASSWORD);
        api = new Api(port);
        token = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
    }

    private static Map<String, String> bankA(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("creditor", "");
        form.put("columns", "合同号 = creditor_ref\n客户姓名 = debtor_name\n产品 = product\n本金(分) = principal\n到期日 = due_date");
        form.put("dateFormats", "yyyy/MM/dd");
        form.put("amountsIn", "MINOR");
        form.put("values", "product: 信用卡 = CREDIT_CARD\nproduct: 消费贷 = CONSUMER_LOAN");
        form.put("defaults", "country = CN\ncurrency = CNY");
        form.put("encoding", "");
        form.put("delimiter", ",");
        return form;
    }

    @Test
    void aProfileIsTriedOnASampleThenSavedAndItsProblemsAreShownBesideTheirFields() throws InterruptedException {
        WebSession.Page page = admin.get("/console/import-profiles");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"profile-form\"").contains("id=\"profile-try\"");
        assertThat(admin.get("/console/imports").body()).contains("id=\"profiles-link\"");

        // a bad name, a column that is not Candor's, a line without '=', a date pattern that does not parse
        Map<String, String> bad = bankA("bank a!");
        bad.put("columns", "合同号 = contract_no\n客户姓名");
        bad.put("dateFormats", "yyyy/MM/dd\nyyyy-{{");
        bad.put("defaults", "nonsense = 1");
        WebSession.Page refused = admin.post("/console/import-profiles", page.csrf(), bad);
        assertThat(refused.body()).contains("id=\"profile-problem\"").contains("id=\"name-problem\"")
                .contains("id=\"columns-problem\"").contains("&#39;contract_no&#39; is not a canonical column")
                .contains("Line 2").contains("id=\"dateFormats-problem\"").contains("id=\"defaults-problem\"")
                // the form comes back as typed
                .contains("合同号 = contract_no");
        assertThat(api.get("/api/v1/import-profiles", token).body()).isEqualTo("[]");

        // tried on a sample: which column becomes what, the first rows' fate; nothing imported, nothing saved
        WebSession.Page tried = admin.upload("/console/import-profiles/trial", refused.csrf(), "sample", "bank-a.csv",
                SAMPLE.getBytes(StandardCharsets.UTF_8), bankA("bank-a"));
        assertThat(tried.status()).isEqualTo(200);
        assertThat(tried.body()).contains("data-header=\"合同号\" data-canonical=\"creditor_ref\"")
                .contains("data-header=\"备注\"").contains("id=\"trial-summary\"")
                .contains("3 rows tried: 2 would be imported.")
                .contains("data-line=\"4\" data-accepted=\"false\"").contains("2026-13-01");
        assertThat(api.get("/api/v1/import-profiles", token).body()).isEqualTo("[]");
        assertThat(accounts()).isEqualTo(3);

        // without the due date's mapping the whole file would be refused, and the trial says so
        Map<String, String> noDue = bankA("bank-a");
        noDue.put("columns", "合同号 = creditor_ref\n客户姓名 = debtor_name\n本金(分) = principal");
        assertThat(admin.upload("/console/import-profiles/trial", tried.csrf(), "sample", "bank-a.csv",
                SAMPLE.getBytes(StandardCharsets.UTF_8), noDue).body())
                .contains("id=\"trial-refusal\"").contains("lacks the required column due_date");

        // saved, then used by an import; the change is audited
        WebSession.Page saved = admin.post("/console/import-profiles", tried.csrf(), bankA("bank-a"));
        assertThat(saved.body()).contains("id=\"saved\"").contains("data-profile=\"bank-a\"")
                .contains("本金(分) = principal").contains("product: 信用卡 = CREDIT_CARD");
        JsonNode profile = api.get("/api/v1/import-profiles/bank-a", token).json();
        assertThat(profile.get("amountsIn").asString()).isEqualTo("MINOR");
        assertThat(profile.get("columns").get("到期日").asString()).isEqualTo("due_date");
        Api.Response imported = api.upload("/api/v1/imports/placements", token, "bank-a.csv",
                SAMPLE.getBytes(StandardCharsets.UTF_8), "profile", "bank-a");
        assertThat(imported.status()).as(imported.body()).isIn(200, 202);
        JsonNode listed = api.eventually("/api/v1/accounts?limit=100", token, j -> j.get("items").size() == 5,
                Duration.ofSeconds(30));
        assertThat(listed.get("items").size()).isEqualTo(5);
        assertThat(api.get("/api/v1/audit-events?limit=50", token).body()).contains("IMPORT_PROFILE_SET");

        // the collector may not change profiles
        WebSession collector = new WebSession(port).signIn(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(collector.get("/console/import-profiles").status()).isEqualTo(403);
    }

    @Test
    void aNewVersionOfAPolicyLayerIsPublishedFromTheCompliancePage() {
        WebSession officer = new WebSession(port).signIn(tenant.slug(), "compliance_officer", TestTenants.PASSWORD);
        WebSession.Page page = officer.get("/compliance");
        assertThat(page.body()).contains("id=\"layer-form\"").contains("OWN-CN-EVENING");

        // a date that is no date, no reason, rules that are not JSON: each beside its field, nothing published
        Map<String, String> form = new LinkedHashMap<>();
        form.put("layer", "TENANT");
        form.put("effectiveFrom", "next monday");
        form.put("jurisdictions", "CN");
        form.put("reason", " ");
        form.put("rules", "[{\"id\": \"OWN-EVENING\",");
        WebSession.Page refused = officer.post("/compliance/layers", page.csrf(), form);
        assertThat(refused.body()).contains("id=\"layer-problem\"").contains("id=\"effectiveFrom-problem\"")
                .contains("id=\"reason-problem\"").contains("id=\"rules-problem\"").contains("not valid JSON");
        assertThat(api.get("/api/v1/compliance/policies", token).body()).isEqualTo("[]");

        // a rule id of a shipped pack is refused beside the rules
        form.put("effectiveFrom", "2026-01-01");
        form.put("reason", "Board decision: no calls after 19:00");
        form.put("rules", rules("CN-QUIET-HOURS"));
        assertThat(officer.post("/compliance/layers", refused.csrf(), form).body()).contains("id=\"rules-problem\"")
                .contains("already used by a shipped rule pack");

        // published for the tenant's creditor: version 1, in effect, audited
        form.put("layer", "CRED-" + tenant.slug().toUpperCase(java.util.Locale.ROOT));
        form.put("rules", rules("OWN-CN-EVENING"));
        WebSession.Page published = officer.post("/compliance/layers", refused.csrf(), form);
        assertThat(published.body()).contains("id=\"published\"").contains("Version 1 is published.");
        JsonNode versions = api.get("/api/v1/compliance/policies", token).json();
        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).get("scope").asString()).isEqualTo("CREDITOR");
        assertThat(versions.get(0).get("rules").get(0).get("id").asString()).isEqualTo("OWN-CN-EVENING");
        assertThat(api.get("/api/v1/audit-events?limit=50", token).body()).contains("COMPLIANCE_POLICY_PUBLISHED");

        // a new version starts from the one it changes
        WebSession.Page change = officer.get("/compliance?layer=" + form.get("layer"));
        assertThat(change.body()).contains("OWN-CN-EVENING").contains("19:00");

        // a supervisor reads the layers but cannot publish
        WebSession supervisor = new WebSession(port).signIn(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        WebSession.Page read = supervisor.get("/compliance");
        assertThat(read.body()).contains("OWN-CN-EVENING").doesNotContain("id=\"layer-form\"");
        assertThat(supervisor.post("/compliance/layers", read.csrf(), form).status()).isEqualTo(403);
    }

    private static String rules(String id) {
        return "[{\"id\": \"" + id + "\", \"type\": \"QUIET_HOURS\", \"source\": \"Board minutes\","
                + " \"allowed\": {\"MON-SUN\": [[\"08:00\", \"19:00\"]]}, \"channels\": [\"VOICE_HUMAN\"]}]";
    }

    private long accounts() {
        return api.get("/api/v1/accounts?limit=100", token).json().get("items").size();
    }
}
