package io.candor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.candor.compliance.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** App push against a real HTTP server on loopback that checks every signature, and fails when told to. */
class SignedWebhookTests {

    record Received(String id, String timestamp, String signature, String body) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    volatile int failWith = 503;
    final SignedWebhook webhook = new SignedWebhook(Clock.systemUTC());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/push", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Candor-Id"),
                    exchange.getRequestHeaders().getFirst("X-Candor-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Candor-Signature"), body));
            int status = failFirst.getAndDecrement() > 0 ? failWith : 202;
            exchange.getResponseHeaders().add("X-Provider-Id", "gw-" + received.size());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Providers.Provider provider(String secret) {
        return new Providers.Provider(Channel.APP_PUSH, Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/push", "attempts", "3", "backoffMillis", "10"), secret);
    }

    OutboundMessage message() {
        return new OutboundMessage(UUID.randomUUID(), Channel.APP_PUSH, "app-user-7", "还款提醒", "您的账单已逾期。", "zh-CN",
                java.util.List.of());
    }

    @Test
    void aSignedPushIsRetriedUnderTheSameIdUntilTheGatewayTakesIt() {
        failFirst.set(2);
        OutboundMessage m = message();
        Delivery d = webhook.send(m, provider("s3cret"));
        assertThat(d).isEqualTo(new Delivery.Accepted("gw-3"));
        assertThat(received).hasSize(3).allSatisfy(r -> {
            assertThat(r.id()).as("the receiver's idempotency key").isEqualTo(m.id().toString());
            assertThat(r.signature()).isEqualTo("v1=" + SignedWebhook.signature("s3cret", r.timestamp(), r.body()));
            assertThat(r.signature()).isNotEqualTo("v1=" + SignedWebhook.signature("other", r.timestamp(), r.body()));
            assertThat(r.body()).contains("\"to\":\"app-user-7\"").contains("您的账单已逾期。");
        });
    }

    @Test
    void aRefusalIsNotRetriedAndAnOutageGivesUpAfterTheAttempts() {
        failFirst.set(1);
        failWith = 400;
        assertThat(webhook.send(message(), provider("s3cret"))).isInstanceOf(Delivery.Failed.class)
                .extracting(f -> ((Delivery.Failed) f).reason()).asString().contains("HTTP 400");
        assertThat(received).hasSize(1);
        received.clear();
        failFirst.set(10);
        failWith = 503;
        assertThat(webhook.send(message(), provider("s3cret"))).isInstanceOf(Delivery.Failed.class)
                .extracting(f -> ((Delivery.Failed) f).reason()).asString().contains("after 3 attempts");
        assertThat(received).hasSize(3);
        assertThat(webhook.send(message(), provider(null))).isInstanceOf(Delivery.Failed.class);
    }
}
