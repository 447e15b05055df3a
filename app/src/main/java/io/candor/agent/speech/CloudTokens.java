package io.candor.agent.speech;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.candor.platform.Failures;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for the cloud recogniser, made from the tenant's AccessKey pair: the service's {@code CreateToken}
 * call (version 2019-02-28) in its RPC style — the parameters sorted, percent-encoded, signed with HMAC-SHA1 under the
 * AccessKey secret and an ampersand — answered with the token and when it expires. A token is kept and used until
 * {@link #RENEW_BEFORE} before it expires, then a new one is made; a refusal is told in the service's own words.
 */
final class CloudTokens {

    static final Duration RENEW_BEFORE = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final URI service;
    private final String region;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private @Nullable String token;
    private Instant expires = Instant.EPOCH;

    /** {@code service} e.g. {@code https://nls-meta.cn-shanghai.aliyuncs.com/}, in {@code region} e.g. cn-shanghai. */
    CloudTokens(URI service, String region, String accessKeyId, String accessKeySecret, Clock clock) {
        this.service = service;
        this.region = region;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.clock = clock;
    }

    /** A token good for a call starting now. */
    synchronized String token() {
        String t = token;
        if (t != null && clock.instant().isBefore(expires.minus(RENEW_BEFORE))) {
            return t;
        }
        Map<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", accessKeyId);
        params.put("Action", "CreateToken");
        params.put("Format", "JSON");
        params.put("RegionId", region);
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        params.put("Version", "2019-02-28");
        String query = "Signature=" + encode(signature("GET", params, accessKeySecret)) + "&" + canonical(params);
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(service.resolve("/?" + query)).timeout(WAIT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new SpeechRecognizer.Failed("The recogniser's token service at " + service + " could not be reached: "
                    + Failures.messageOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechRecognizer.Failed("interrupted while asking for a recogniser token");
        }
        JsonNode body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        JsonNode id = body.path("Token").path("Id");
        if (r.statusCode() != 200 || !id.isString()) {
            throw new SpeechRecognizer.Failed("The recogniser's token service refused the AccessKey " + accessKeyId
                    + " (" + r.statusCode() + " " + body.path("Code").asString("") + ": "
                    + body.path("Message").asString(r.body()) + "); check the AccessKey pair and its permission for "
                    + "Intelligent Speech Interaction.");
        }
        token = id.asString();
        expires = Instant.ofEpochSecond(body.path("Token").path("ExpireTime").asLong(0));
        return token;
    }

    /** The RPC-style signature of {@code params} for {@code method}. */
    static String signature(String method, Map<String, String> params, String secret) {
        String toSign = method + "&" + encode("/") + "&" + encode(canonical(new TreeMap<>(params)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    private static String canonical(Map<String, String> sorted) {
        StringJoiner j = new StringJoiner("&");
        sorted.forEach((k, v) -> j.add(encode(k) + "=" + encode(v)));
        return j.toString();
    }

    /** Percent-encoding as the service signs it: spaces as %20, stars encoded, tildes not. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
