package io.candor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CandorIntegrationTest
class LoginAndTokenTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DataSource dataSource;

    Api api;
    TestTenants.TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("login");
    }

    @Test
    void aTokenIdentifiesTheCaller() {
        String token = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        Api.Response me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("supervisor");
        assertThat(me.json().get("tenant").asString()).isEqualTo(tenant.slug());
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("SUPERVISOR");
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownTenantAllFailTheSameWay() {
        Api.Response wrongPassword = login(tenant.slug(), "admin", "wrong-password");
        Api.Response unknownUser = login(tenant.slug(), "nobody", TestTenants.PASSWORD);
        Api.Response unknownTenant = login("no-such-tenant", "admin", TestTenants.PASSWORD);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownTenant.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(login(tenant.slug(), "collector", "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(login(tenant.slug(), "collector", TestTenants.PASSWORD).status()).isEqualTo(401);
        assertThat(login(tenant.slug(), "auditor", TestTenants.PASSWORD).status()).as("other users are not locked")
                .isEqualTo(200);
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String users = api.get("/api/v1/users/" + tenant.user(Role.COLLECTOR).id(), admin).body();
        assertThat(users).contains("\"locked\":true");
        String audit = api.get("/api/v1/audit-events?resourceType=user&resourceId=" + tenant.user(Role.COLLECTOR).id(),
                admin).body();
        assertThat(audit).contains("LOGIN_FAILED").contains("LOCKED_NOW").contains("\\\"reason\\\": \\\"LOCKED\\\"");
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        assertThat(api.send("DELETE", "/api/v1/auth/token", token, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenNoLongerWorks() {
        String token = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        TenantContext.run(tenant.id(), () -> JdbcClient.create(dataSource)
                .sql("UPDATE api_token SET expires_at = now() - interval '1 second'").update());
        Api.Response r = api.get("/api/v1/me", token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asString()).contains("expired");
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        Long plain = TenantContext.call(tenant.id(), () -> JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE ?")
                .param("%" + token.substring(40) + "%").query(Long.class).single());
        assertThat(plain).isZero();
    }

    @Test
    void onlyAdministratorsManageUsers() {
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/users", collector).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/users", collector, "{}").status()).isEqualTo(403);
    }

    @Test
    void aUserChoosesTheLanguageOfMessages() {
        String token = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        assertThat(api.send("PATCH", "/api/v1/me", token, "{\"locale\":\"zh-TW\"}").status()).isEqualTo(200);
        String again = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/me", again).json().get("locale").asString()).isEqualTo("zh-TW");
        assertThat(api.send("PATCH", "/api/v1/me", token, "{\"locale\":\"fr\"}").status()).isEqualTo(400);
    }

    private Api.Response login(String tenant, String user, String password) {
        return api.post("/api/v1/auth/token", null,
                "{\"tenant\":\"" + tenant + "\",\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }
}
