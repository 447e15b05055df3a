package io.candor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.candor.identity.Role;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CandorIntegrationTest
class ApiConventionsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    String adminToken;
    TestTenants.TestTenant tenant;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        TestTenants.TestTenant t = tenants.create("conv");
        tenant = t;
        adminToken = api.token(t.slug(), t.user(Role.ADMIN).username(), TestTenants.PASSWORD);
    }

    @Test
    void healthIsUpWithoutSigningIn() {
        Api.Response r = api.get("/actuator/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void everyApiPathWithoutATokenIsUnauthorizedWithProblemDetails() {
        for (String path : new String[] {"/api/v1/me", "/api/v1/users", "/api/v1/accounts", "/api/v1/audit-events",
                "/api/v1/no-such-thing"}) {
            Api.Response r = api.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).contains("POST /api/v1/auth/token");
        }
    }

    @Test
    void aForgedOrGarbageTokenIsUnauthorized() {
        assertThat(api.get("/api/v1/me", "garbage").status()).isEqualTo(401);
        String forged = adminToken.substring(0, adminToken.length() - 4) + "AAAA";
        assertThat(api.get("/api/v1/me", forged).status()).isEqualTo(401);
    }

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() {
        Api.Response r = api.post("/api/v1/users", adminToken, "{\"username\":");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("title").asString()).isEqualTo("Malformed request body");
        assertThat(r.json().get("detail").asString()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        Api.Response r = api.post("/api/v1/users", adminToken, "{\"username\":\"x\",\"roles\":\"ADMIN\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("Field 'roles' must be a list (a JSON array).");
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        Api.Response r = api.post("/api/v1/users", adminToken, "{\"usernme\":\"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("Unknown field 'usernme'").contains("username");
    }

    @Test
    void everyInvalidValueIsListedWithItsField() {
        Api.Response r = api.post("/api/v1/users", adminToken,
                "{\"username\":\"BAD NAME\",\"displayName\":\"x\",\"password\":\"short\",\"roles\":[]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("username", "password", "roles");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeParsing() {
        String big = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        Api.Response r = api.post("/api/v1/users", adminToken, big);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("title").asString()).isEqualTo("Request body too large");
    }

    @Test
    void unknownEndpointsAndMethodsAnswerWithProblemDetails() {
        Api.Response missing = api.get("/api/v1/no-such-thing", adminToken);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).contains("/v3/api-docs");
        Api.Response method = api.send("PUT", "/api/v1/me", adminToken, "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("title").asString()).isEqualTo("Method not allowed");
    }

    @Test
    void aMalformedIdInThePathIsABadRequest() {
        Api.Response r = api.get("/api/v1/accounts/not-a-uuid", adminToken);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("'id' must be a UUID");
    }

    @Test
    void openApiDescribesTheApi() {
        Api.Response r = api.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/auth/token").contains("/api/v1/accounts/{id}");
        assertThat(r.json().get("info").get("title").asString()).isEqualTo("Candor API");
        assertThat(r.json().get("info").get("version").asString()).isEqualTo("v1");
        assertThat(r.body()).doesNotContain("OpenAPI definition");
    }

    @Test
    void prometheusHasCandorsBusinessFigures() {
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        api.post("/api/v1/accounts/" + tenant.accounts().getFirst() + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"contactPoint\":\"+19999999999\"}");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        api.awaitImport(api.upload("/api/v1/imports/placements", admin, "m.csv",
                ("creditor_ref,debtor_name,phone,country,currency,principal,due_date\n"
                        + "M-1,王伟,13800138000,CN,CNY,100.00,2026-10-01\n").getBytes(StandardCharsets.UTF_8))
                .json().get("id").asString(), admin);
        String metrics = api.get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("candor_gate_decisions_total{").contains("rule=\"CONTACT-POINT-UNKNOWN\"")
                .contains("verdict=\"DENY\"");
        assertThat(metrics).contains("candor_imports_total{").contains("kind=\"PLACEMENT\"");
    }
}
