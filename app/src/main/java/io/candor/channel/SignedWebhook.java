package io.candor.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.candor.compliance.Channel;
import io.candor.platform.Hmac;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * App push as a signed HTTP webhook to the tenant's push gateway: settings {@code url}, optional {@code attempts}
 * (default 4) and {@code backoffMillis} (default 500, doubled each retry); the secret is the signing key. Each POST
 * carries {@code X-Candor-Id} (the message id: the receiver's idempotency key, the same on every retry),
 * {@code X-Candor-Timestamp} (epoch seconds) and {@code X-Candor-Signature: v1=<hex HMAC-SHA256 of
 * "timestamp.body">}. 2xx is accepted; 5xx, 408, 429 and network errors are retried; other answers fail at once.
 */
@Component
class SignedWebhook implements ChannelAdapter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;

    SignedWebhook(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.APP_PUSH;
    }

    @Override
    public Delivery send(OutboundMessage m, Providers.Provider p) {
        if (p.secret() == null || p.secret().isBlank()) {
            return new Delivery.Failed("The APP_PUSH provider has no signing secret: set one with PUT /api/v1/channels/APP_PUSH.");
        }
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("id", m.id().toString());
        payload.put("to", m.to());
        payload.put("locale", m.locale());
        payload.put("title", m.subject() == null ? "" : m.subject());
        payload.put("body", m.body());
        String body = JSON.writeValueAsString(payload);
        int attempts = Integer.parseInt(p.settings().getOrDefault("attempts", "4"));
        long backoff = Long.parseLong(p.settings().getOrDefault("backoffMillis", "500"));
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(p.setting("url"))).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Candor-Id", m.id().toString())
                    .header("X-Candor-Timestamp", timestamp)
                    .header("X-Candor-Signature", "v1=" + signature(p.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return new Delivery.Accepted(response.headers().firstValue("X-Provider-Id").orElse(m.id().toString()));
                }
                last = "HTTP " + status;
                if (status != 408 && status != 429 && status < 500) {
                    return new Delivery.Failed("The push gateway refused the message: " + last);
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery.Failed("Interrupted while sending");
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(backoff << (attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Delivery.Failed("Interrupted while waiting to retry");
                }
            }
        }
        return new Delivery.Failed("The push gateway did not take the message after " + attempts + " attempts (last: "
                + last + ")");
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}: what a receiver recomputes. */
    static String signature(String secret, String timestamp, String body) {
        return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
