package io.candor.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.platform.Hmac;
import io.candor.platform.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local payment provider for tests and the demo, built like a real one: a hosted payment page on
 * {@code /sandbox-gateway/checkouts/{session}} and a webhook signed with HMAC-SHA256 over
 * {@code timestamp + "." + body} in the {@code Sandbox-Signature: t=…,v1=…} header, refused when older than five
 * minutes. Its sessions live in memory (a sandbox); turn it off in production with
 * {@code candor.payments.sandbox.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "candor.payments.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxGateway implements PaymentGateway {

    static final String SIGNATURE = "Sandbox-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** A payment session on the sandbox's side. */
    record Session(String id, Checkout checkout) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final byte[] secret;
    private final JsonMapper json;
    private final Clock clock;

    SandboxGateway(@Value("${candor.payments.sandbox.secret:}") String configured, JsonMapper json, Clock clock) {
        byte[] s = configured.getBytes(StandardCharsets.UTF_8);
        if (s.length == 0) {
            s = new byte[32];
            new SecureRandom().nextBytes(s);
        }
        this.secret = s;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "sandbox";
    }

    @Override
    public URI start(Checkout checkout) {
        String id = "cs_" + UUID.randomUUID().toString().replace("-", "");
        sessions.put(id, new Session(id, checkout));
        return checkout.webhookUrl().resolve("/sandbox-gateway/checkouts/" + id);
    }

    Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The webhook for a session's outcome: its body and signature header, signed now. */
    record Notification(byte[] body, String signature) {
    }

    Notification notification(Session s, boolean paid) {
        Checkout c = s.checkout();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("type", paid ? "checkout.paid" : "checkout.failed");
        event.put("tenant", c.tenant().toString());
        event.put("checkout", c.id().toString());
        event.put("amount", c.amount().amount().toPlainString());
        event.put("currency", c.amount().currency().getCurrencyCode());
        event.put("created", clock.instant().getEpochSecond());
        byte[] body = json.writeValueAsBytes(event);
        return new Notification(body, sign(clock.instant().getEpochSecond(), body));
    }

    String sign(long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp, body));
    }

    @Override
    public Event read(Map<String, String> headers, byte[] body) throws Refused {
        String header = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(SIGNATURE))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new Refused("no " + SIGNATURE + " header"));
        long t;
        byte[] given;
        try {
            Map<String, String> parts = new HashMap<>();
            for (String p : header.split(",")) {
                String[] kv = p.strip().split("=", 2);
                parts.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            t = Long.parseLong(parts.getOrDefault("t", ""));
            given = HexFormat.of().parseHex(parts.getOrDefault("v1", ""));
        } catch (IllegalArgumentException e) {
            throw new Refused("malformed " + SIGNATURE + " header");
        }
        if (!MessageDigest.isEqual(given, mac(t, body))) {
            throw new Refused("signature does not match");
        }
        if (Duration.between(Instant.ofEpochSecond(t), clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            throw new Refused("signed at " + Instant.ofEpochSecond(t) + ", outside the five-minute tolerance");
        }
        JsonNode e = json.readTree(body);
        try {
            return new Event(e.get("id").asString(), UUID.fromString(e.get("tenant").asString()),
                    UUID.fromString(e.get("checkout").asString()), e.get("type").asString().equals("checkout.paid"),
                    Money.of(new BigDecimal(e.get("amount").asString()),
                            Currency.getInstance(e.get("currency").asString())),
                    Instant.ofEpochSecond(e.get("created").asLong()));
        } catch (RuntimeException x) {
            throw new Refused("the event is not a sandbox checkout event");
        }
    }

    private byte[] mac(long timestamp, byte[] body) {
        return Hmac.sha256(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }
}
