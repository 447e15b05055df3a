package io.candor.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox gateway's webhooks against the real endpoint: a signed event pays once, a replay changes nothing, and
 * an altered, unsigned or stale event is refused before anything is read.
 */
@CandorIntegrationTest
class PaymentWebhookTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Checkouts checkouts;

    @Autowired
    SandboxGateway sandbox;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    TestTenants.TestTenant tenant;
    UUID account;
    UUID checkout;

    @BeforeEach
    void setUp() {
        tenant = tenants.create("hook");
        account = tenant.accounts().getFirst();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        TenantContext.run(tenant.id(), () -> checkouts.start(account, Money.ofMinor(10_000, "CNY"), null, "test",
                "/portal/payments/{checkout}", base));
        checkout = TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT id FROM payment_checkout WHERE account_id = :a")
                .param("a", account).query(UUID.class).single());
    }

    String event(String id, String amount, long created) {
        return """
                {"id":"%s","type":"checkout.paid","tenant":"%s","checkout":"%s","amount":"%s","currency":"CNY","created":%d}"""
                .formatted(id, tenant.id(), checkout, amount, created);
    }

    HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/payments/sandbox"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("Sandbox-Signature", signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    long paid() {
        return TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT count(*) FROM payment WHERE account_id = :a AND status = 'POSTED'").param("a", account)
                .query(Long.class).single());
    }

    @Test
    void aSignedEventPaysOnceAndItsReplayChangesNothing() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = event("evt_1", "100.00", now);
        String signature = sandbox.sign(now, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> first = post(body, signature);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"replay\":false");
        HttpResponse<String> again = post(body, signature);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"replay\":true");
        assertThat(paid()).isEqualTo(1);
        // a new event id for the same checkout cannot pay it twice either
        String other = event("evt_2", "100.00", now);
        assertThat(post(other, sandbox.sign(now, other.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
        assertThat(paid()).isEqualTo(1);
        assertThat(TenantContext.call(tenant.id(), () -> checkouts.find(checkout).orElseThrow().status())).isEqualTo("PAID");
    }

    @Test
    void alteredUnsignedAndStaleEventsAreRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = event("evt_3", "100.00", now);
        String signature = sandbox.sign(now, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> altered = post(body.replace("100.00", "999.00"), signature);
        assertThat(altered.statusCode()).isEqualTo(400);
        assertThat(altered.body()).contains("signature does not match");
        assertThat(post(body, null).body()).contains("no Sandbox-Signature header");
        long old = now - 3600;
        String stale = event("evt_4", "100.00", old);
        HttpResponse<String> late = post(stale, sandbox.sign(old, stale.getBytes(StandardCharsets.UTF_8)));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("outside the five-minute tolerance");
        assertThat(paid()).isZero();
    }
}
