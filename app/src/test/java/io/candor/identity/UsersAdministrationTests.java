package io.candor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator disables, re-enables and resets users; each change takes effect at once, tokens included. */
@CandorIntegrationTest
class UsersAdministrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void aDisabledUsersTokenIsRefusedAtOnceAndWorksAgainOnceReEnabled() {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("useradm");
        String admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        String collector = api.token(t.slug(), "collector", TestTenants.PASSWORD);
        String id = api.get("/api/v1/me", collector).json().get("id").asString();
        assertThat(api.get("/api/v1/me", collector).status()).isEqualTo(200);

        Api.Response disabled = api.post("/api/v1/users/" + id + "/disabled", admin, "{}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/me", collector).status()).isEqualTo(401);

        String adminId = api.get("/api/v1/me", admin).json().get("id").asString();
        assertThat(api.post("/api/v1/users/" + adminId + "/disabled", admin, "{}").status())
                .as("not oneself").isEqualTo(400);

        assertThat(api.send("DELETE", "/api/v1/users/" + id + "/disabled", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", collector).status()).isEqualTo(200);
    }

    @Test
    void aResetPasswordMustBeReplacedByTheUserBeforeAnythingElse() {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("userrst");
        String admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        String id = api.get("/api/v1/users?limit=50", admin).json().get("items").valueStream()
                .filter(u -> u.get("username").asString().equals("supervisor")).findFirst().orElseThrow()
                .get("id").asString();
        assertThat(api.post("/api/v1/users/" + id + "/password-reset", admin, "{\"password\":\"short\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/users/" + id + "/password-reset", admin,
                "{\"password\":\"Temp0rary-given\"}").status()).isEqualTo(204);

        String supervisor = api.token(t.slug(), "supervisor", "Temp0rary-given");
        Api.Response blocked = api.get("/api/v1/accounts", supervisor);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.body()).contains("PUT /api/v1/me/password");
        assertThat(api.send("PUT", "/api/v1/me/password", supervisor,
                "{\"current\":\"Temp0rary-given\",\"new\":\"Sup3rvisor-own-choice\"}").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/accounts", supervisor).status()).isEqualTo(200);
    }
}
