package io.candor.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.EachTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The platform operator (here with the password {@code CANDOR_OPERATOR_PASSWORD} sets; the generated one is tested
 * on a fresh start in {@code OperatorFirstStartTests}): it signs in at the reserved organisation {@code platform}, creates organisations (all or nothing, bad input explained), suspends
 * and limits them — and sees none of their debtor data.
 */
@CandorIntegrationTest
class OnboardingTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    EachTenant each;

    Api api;
    String operator;

    @Value("${candor.operator.password}")
    String operatorPassword;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        operator = api.token("platform", "operator", operatorPassword);
    }

    static String tenant(String slug, String password) {
        return """
                {"slug":"%s","name":"Acme 消费金融","kind":"LENDER","reportingCurrency":"CNY","timeZone":"Asia/Shanghai",
                 "locale":"zh-CN","admin":{"username":"admin","displayName":"王管理","email":"admin@acme.example",
                 "password":"%s"}}""".formatted(slug, password);
    }

    @Test
    void theOperatorCreatesAnOrganisationWhoseAdministratorSignsInAndSeesNoneOfItsDebtorData() {
        String slug = "acme-" + System.nanoTime() % 1_000_000;
        Api.Response created = api.post("/api/v1/tenants", operator, tenant(slug, "Str0ng-enough-pass"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("admin").asString()).isEqualTo("admin");

        String admin = api.token(slug, "admin", "Str0ng-enough-pass");
        assertThat(api.get("/api/v1/accounts", admin).status()).isEqualTo(200);
        JsonNode details = api.get("/api/v1/tenants/" + id, operator).json();
        assertThat(details.get("users").asLong()).isEqualTo(1);
        assertThat(details.get("accounts").asLong()).isZero();
        long empty = details.get("storageBytes").asLong();
        assertThat(empty).as("the tenant row's own rows: its administrator, the audit of sign-in").isPositive();
        // a tenant's storage grows with what it stores, and is its own only
        api.put("/api/v1/creditors/BANK1", admin, "{\"name\":\"Bank One\",\"jurisdictions\":[\"CN\"]}");
        assertThat(api.get("/api/v1/tenants/" + id, operator).json().get("storageBytes").asLong())
                .isGreaterThan(empty);
        assertThat(api.get("/api/v1/tenants", operator).body()).contains(slug);

        // the operator is no organisation's staff: no debtor data, by role and by row-level security
        assertThat(api.get("/api/v1/accounts", operator).status()).isEqualTo(403);
        // and an organisation's administrator is not the operator
        assertThat(api.get("/api/v1/tenants", admin).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/tenants", admin, tenant("other-" + slug, "Str0ng-enough-pass")).status())
                .isEqualTo(403);
    }

    @Test
    void badInputIsExplainedAndNothingIsHalfCreated() {
        Api.Response reserved = api.post("/api/v1/tenants", operator, tenant("platform", "Str0ng-enough-pass"));
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.body()).contains("reserved");

        String slug = "weak-" + System.nanoTime() % 1_000_000;
        Api.Response weak = api.post("/api/v1/tenants", operator, tenant(slug, "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("admin.password").contains("at least 12 characters");
        assertThat(api.get("/api/v1/tenants", operator).body()).as("no organisation without its administrator")
                .doesNotContain(slug);

        Api.Response many = api.post("/api/v1/tenants", operator, """
                {"slug":"X","kind":"BANK","reportingCurrency":"EUROS","timeZone":"Mars/Olympus","admin":{}}""");
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.body()).contains("slug").contains("kind").contains("reportingCurrency").contains("timeZone")
                .contains("admin.username").contains("admin.password");

        String taken = "dup-" + System.nanoTime() % 1_000_000;
        assertThat(api.post("/api/v1/tenants", operator, tenant(taken, "Str0ng-enough-pass")).status()).isEqualTo(201);
        Api.Response again = api.post("/api/v1/tenants", operator, tenant(taken, "Str0ng-enough-pass"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("exists already");
    }

    @Test
    void aSuspendedOrganisationsTokensAndSignInsAreRefusedWithTheReasonUntilItIsResumed() {
        String slug = "susp-" + System.nanoTime() % 1_000_000;
        String id = api.post("/api/v1/tenants", operator, tenant(slug, "Str0ng-enough-pass")).json().get("id")
                .asString();
        String admin = api.token(slug, "admin", "Str0ng-enough-pass");
        assertThat(api.get("/api/v1/me", admin).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/tenants/" + id + "/suspension", operator, "{}").status())
                .as("a reason is required").isEqualTo(400);
        Api.Response suspended = api.post("/api/v1/tenants/" + id + "/suspension", operator,
                "{\"reason\":\"unpaid subscription\"}");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);

        Api.Response refused = api.get("/api/v1/me", admin);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("suspended").contains("unpaid subscription");
        Api.Response signIn = api.post("/api/v1/auth/token", null,
                "{\"tenant\":\"" + slug + "\",\"username\":\"admin\",\"password\":\"Str0ng-enough-pass\"}");
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.body()).contains("suspended").contains("unpaid subscription");

        // outbound work (sending, calling, reminding) stops for it; the evidence log's upkeep goes on
        Set<UUID> outbound = new HashSet<>();
        Set<UUID> upkeep = new HashSet<>();
        each.runActive("test", () -> outbound.add(TenantContext.require()));
        each.run("test", () -> upkeep.add(TenantContext.require()));
        assertThat(outbound).doesNotContain(UUID.fromString(id));
        assertThat(upkeep).contains(UUID.fromString(id));

        assertThat(api.send("DELETE", "/api/v1/tenants/" + id + "/suspension", operator, null).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me", admin).status()).isEqualTo(200);
        Set<UUID> again = new HashSet<>();
        each.runActive("test", () -> again.add(TenantContext.require()));
        assertThat(again).contains(UUID.fromString(id));
    }

    @Test
    void aUserLimitIsEnforcedWithAClearError() {
        String slug = "lim-" + System.nanoTime() % 1_000_000;
        String id = api.post("/api/v1/tenants", operator, tenant(slug, "Str0ng-enough-pass")).json().get("id")
                .asString();
        assertThat(api.put("/api/v1/tenants/" + id + "/limits", operator, "{\"maxUsers\":1}").status()).isEqualTo(200);
        String admin = api.token(slug, "admin", "Str0ng-enough-pass");
        Api.Response second = api.post("/api/v1/users", admin, """
                {"username":"collector","displayName":"张催收","password":"Another-str0ng-pass","roles":["COLLECTOR"]}""");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("limit");
    }

    @Test
    void noOrganisationCanGiveItsUsersTheOperatorsRole() {
        TestTenants.TestTenant t = tenants.create("noop");
        String admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        Api.Response r = api.post("/api/v1/users", admin, """
                {"username":"sneaky","displayName":"S","password":"Another-str0ng-pass","roles":["OPERATOR"]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("OPERATOR");
    }
}
