package io.candor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a user gets wrong is answered with a 4xx that says what to fix — never a 500 — and in the right order. */
@CandorIntegrationTest
class UserMistakesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    TestTenants.TestTenant tenant;
    TestTenants.TestTenant other;
    String admin;
    String collector;
    UUID account;
    UUID theirs;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("oops");
        other = tenants.create("oops2");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        account = tenant.accounts().getFirst();
        theirs = other.accounts().getFirst();
    }

    @Test
    void anUnknownOrAnotherTenantsAccountIsNotFoundUnderEverySubResource() {
        for (UUID id : List.of(UUID.randomUUID(), theirs)) {
            assertThat(api.post("/api/v1/accounts/" + id + "/notes", collector, "{\"text\":\"hello\"}").status())
                    .isEqualTo(404);
            assertThat(api.post("/api/v1/accounts/" + id + "/holds", collector,
                    "{\"hold\":\"DISPUTE\",\"reason\":\"x\"}").status()).isEqualTo(404);
            assertThat(api.post("/api/v1/accounts/" + id + "/arrangements", collector,
                    "{\"kind\":\"PROMISE\",\"amount\":\"10.00\",\"dueOn\":\"2026-12-20\"}").status()).isEqualTo(404);
            for (String list : List.of("payments", "notes", "holds", "arrangements", "messages", "documents",
                    "portal-links")) {
                Api.Response r = api.get("/api/v1/accounts/" + id + "/" + list, admin);
                assertThat(r.status()).as(list + " " + r.body()).isEqualTo(404);
                assertThat(r.json().get("detail").asString()).contains(id.toString());
            }
        }
    }

    @Test
    void aPurposeInAnyLanguageIsRecordedAndABadOneIsRefusedSayingWhy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String path = api.base() + "/api/v1/accounts/" + account;
        for (String purpose : List.of("催收", "催收 follow-up", "%E5%82%AC%E6%94%B6")) {
            // as curl sends it: the header's UTF-8 bytes as they are
            for (String resource : List.of("", "/score")) {
                String answer = raw("GET /api/v1/accounts/" + account + resource + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + admin + "\r\nX-Purpose: " + purpose + "\r\nConnection: close\r\n\r\n");
                assertThat(answer).as(purpose + resource).matches("(?s)HTTP/1.1 (200|400) .*")
                        .doesNotContain("Internal error");
            }
        }
        JsonNode recorded = api.get("/api/v1/audit-events?resourceType=ACCOUNT&limit=20", admin).json();
        assertThat(recorded.get("items").valueStream().map(e -> e.path("purpose").asString()).toList())
                .contains("催收", "催收 follow-up");
        HttpResponse<String> tab = http.send(HttpRequest.newBuilder(URI.create(path))
                .header("Authorization", "Bearer " + admin).header("X-Purpose", "a\tb").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tab.statusCode()).isEqualTo(400);
        assertThat(tab.body()).contains("without tabs");
        HttpResponse<String> longPurpose = http.send(HttpRequest.newBuilder(URI.create(path))
                .header("Authorization", "Bearer " + admin).header("X-Purpose", "p".repeat(600)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(longPurpose.statusCode()).isEqualTo(400);
        assertThat(longPurpose.body()).contains("at most 200 characters");
    }

    @Test
    void aTimeOutOfRangeIsRefusedAndAuthorisationComesBeforeValidation() {
        Api.Response far = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138000\","
                        + "\"at\":\"-999999999-01-01T00:00:00Z\"}");
        assertThat(far.status()).as(far.body()).isEqualTo(400);
        assertThat(far.json().get("detail").asString()).contains("out of range");
        assertThat(api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"at\":\"9999-01-01T00:00:00Z\"}").status()).isEqualTo(400);
        // a collector may not write evidence records: 403 whatever the body
        assertThat(api.post("/api/v1/evidence/records", collector, "{}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/evidence/records", collector, "not json").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/business-date", collector, "{}").status()).isEqualTo(403);
    }

    @Test
    void theQueueKeepsToItsLimitAndTheAuditFilterIgnoresCase() {
        Api.Response bad = api.get("/api/v1/queues/mine?limit=0", collector);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/queues/mine?limit=1", collector).json().size()).isLessThanOrEqualTo(1);
        api.get("/api/v1/accounts/" + account, admin);
        long lower = api.get("/api/v1/audit-events?resourceType=account&limit=5", admin).json().get("items").size();
        long upper = api.get("/api/v1/audit-events?resourceType=ACCOUNT&limit=5", admin).json().get("items").size();
        assertThat(lower).isPositive().isEqualTo(upper);
    }

    @Test
    void theBusinessDateAndPaymentDatesKeepToTheirBoundsAndABadDateNamesItsField() {
        Api.Response ancient = api.put("/api/v1/business-date", admin, "{\"date\":\"0001-01-01\"}");
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.json().get("detail").asString()).contains("out of range");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(api.put("/api/v1/business-date", admin, "{\"date\":\"" + today + "\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/eod-close", admin, "{}").status()).isEqualTo(200);
        Api.Response before = api.put("/api/v1/business-date", admin, "{\"date\":\""
                + LocalDate.parse(today).minusDays(3) + "\"}");
        assertThat(before.status()).as(before.body()).isEqualTo(409);
        assertThat(before.json().get("detail").asString()).contains("already closed");

        String payment = "{\"amount\":\"10.00\",\"currency\":\"CNY\",\"paidOn\":\"%s\",\"reference\":\"%s\"}";
        Api.Response future = api.post("/api/v1/accounts/" + account + "/payments", admin,
                String.format(payment, "2030-11-20", "fut-1"), "Idempotency-Key", "fut-1");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).contains("paidOn 2030-11-20 is out of range");
        Api.Response huge = api.post("/api/v1/accounts/" + account + "/payments", admin,
                "{\"amount\":\"99999999999999999\",\"currency\":\"CNY\",\"paidOn\":\"" + today
                        + "\",\"reference\":\"huge\"}", "Idempotency-Key", "huge");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("detail").asString()).contains("larger than the largest amount");
        Api.Response notADay = api.post("/api/v1/accounts/" + account + "/payments", admin,
                String.format(payment, "2026-02-30", "feb"), "Idempotency-Key", "feb");
        assertThat(notADay.status()).isEqualTo(400);
        assertThat(notADay.json().get("detail").asString()).contains("paidOn").contains("FEBRUARY 30");
    }

    /** A request written byte for byte (UTF-8) on a socket, and the whole answer. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
