package io.candor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small but real OpenID Connect provider on loopback for tests: the authorization-code flow with an RS256
 * signed ID token and a JWKS endpoint. It signs in whoever {@link #nextUser} names, without a login form.
 */
public final class LocalOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "candor";
    public static final String CLIENT_SECRET = "candor-secret";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private volatile String nextUser = "nobody";

    public LocalOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("k1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", x -> reply(x, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The username (preferred_username) the next sign-in vouches for. */
    public void nextUser(String username) {
        this.nextUser = username;
    }

    /** Spring Boot properties that register this provider as "Local SSO". */
    public Map<String, String> springProperties() {
        String p = "spring.security.oauth2.client.";
        return Map.ofEntries(
                Map.entry(p + "registration.local.client-id", CLIENT_ID),
                Map.entry(p + "registration.local.client-secret", CLIENT_SECRET),
                Map.entry(p + "registration.local.client-name", "Local SSO"),
                Map.entry(p + "registration.local.authorization-grant-type", "authorization_code"),
                Map.entry(p + "registration.local.redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}"),
                Map.entry(p + "registration.local.scope", "openid,profile"),
                Map.entry(p + "registration.local.provider", "local"),
                Map.entry(p + "provider.local.authorization-uri", url() + "/authorize"),
                Map.entry(p + "provider.local.token-uri", url() + "/token"),
                Map.entry(p + "provider.local.jwk-set-uri", url() + "/jwks"),
                Map.entry(p + "provider.local.user-name-attribute", "sub"));
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[] {q.get("nonce"), nextUser});
        x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] grant = codes.remove(f.get("code"));
        if (grant == null) {
            reply(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(url()).subject("sub-" + grant[1]).audience(CLIENT_ID)
                    .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000))
                    .claim("nonce", grant[0]).claim("preferred_username", grant[1]).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
            jwt.sign(new RSASSASigner(key));
            reply(x, 200, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":300,\"scope\":\"openid profile\",\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (JOSEException e) {
            reply(x, 500, "{\"error\":\"server_error\"}");
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static void reply(HttpExchange x, int status, String json) {
        try (x) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
