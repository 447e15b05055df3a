package io.candor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CandorIntegrationTest
class IdempotencyTests {

    static final String NEW_USER = """
            {"username":"%s","displayName":"New Collector","password":"a-long-password","roles":["COLLECTOR"]}""";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestTenants.TestTenant t = tenants.create("idem");
        admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothingMore() {
        Api.Response first = api.post("/api/v1/users", admin, NEW_USER.formatted("newbie"), "Idempotency-Key", "key-1");
        Api.Response retry = api.post("/api/v1/users", admin, NEW_USER.formatted("newbie"), "Idempotency-Key", "key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        long newbies = api.get("/api/v1/users?limit=500", admin).json().get("items").valueStream()
                .filter(u -> u.get("username").asString().equals("newbie")).count();
        assertThat(newbies).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        api.post("/api/v1/users", admin, NEW_USER.formatted("first"), "Idempotency-Key", "key-2");
        Api.Response other = api.post("/api/v1/users", admin, NEW_USER.formatted("second"), "Idempotency-Key", "key-2");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").asString()).contains("different request");
    }

    @Test
    void withoutAKeyADuplicateIsAConflict() {
        assertThat(api.post("/api/v1/users", admin, NEW_USER.formatted("dup")).status()).isEqualTo(201);
        Api.Response again = api.post("/api/v1/users", admin, NEW_USER.formatted("dup"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already exists");
    }

    @Test
    void anInvalidKeyIsABadRequest() {
        Api.Response r = api.post("/api/v1/users", admin, NEW_USER.formatted("x1"), "Idempotency-Key", "has space");
        assertThat(r.status()).isEqualTo(400);
    }
}
