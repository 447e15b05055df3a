package io.candor.agent.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens for the cloud recogniser from an AccessKey pair: the signature is the service's (its documentation's worked
 * example), a local token service sees a signed CreateToken, a token is kept until shortly before it expires, and a
 * refusal says what to check.
 */
class CloudTokensTests {

    HttpServer server;
    final List<Map<String, String>> asked = Collections.synchronizedList(new ArrayList<>());
    volatile long expires;
    volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            Map<String, String> q = new LinkedHashMap<>();
            for (String p : x.getRequestURI().getRawQuery().split("&")) {
                String[] kv = p.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            asked.add(q);
            String body = status == 200
                    ? "{\"NlsRequestId\":\"n\",\"RequestId\":\"r\",\"Token\":{\"ExpireTime\":" + expires + ",\"Id\":\"tok-"
                            + asked.size() + "\",\"UserId\":\"u\"}}"
                    : "{\"RequestId\":\"r\",\"Code\":\"InvalidAccessKeyId.NotFound\",\"Message\":\"Specified access key is not found.\"}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theSignatureIsTheServicesWorkedExample() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Format", "XML");
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("Version", "2014-05-26");
        p.put("SignatureVersion", "1.0");
        assertThat(CloudTokens.signature("GET", p, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        assertThat(CloudTokens.encode("a b*c~")).isEqualTo("a%20b%2Ac~");
    }

    @Test
    void aTokenIsMadeSignedAndKeptUntilShortlyBeforeItExpires() {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        expires = now.plusSeconds(3600).getEpochSecond();
        CloudTokens tokens = new CloudTokens(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                "cn-shanghai", "LTAI-test", "s3cret", Clock.fixed(now, ZoneOffset.UTC));
        assertThat(tokens.token()).isEqualTo("tok-1");
        assertThat(tokens.token()).as("kept").isEqualTo("tok-1");
        Map<String, String> q = asked.getFirst();
        assertThat(q).containsEntry("Action", "CreateToken").containsEntry("Version", "2019-02-28")
                .containsEntry("RegionId", "cn-shanghai").containsEntry("AccessKeyId", "LTAI-test")
                .containsEntry("Timestamp", "2026-12-02T08:00:00Z");
        Map<String, String> signed = new LinkedHashMap<>(q);
        String signature = signed.remove("Signature");
        assertThat(signature).isEqualTo(CloudTokens.signature("GET", signed, "s3cret"));

        CloudTokens later = new CloudTokens(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                "cn-shanghai", "LTAI-test", "s3cret", Clock.fixed(now.plusSeconds(3600 - 300), ZoneOffset.UTC));
        later.token();
        assertThat(later.token()).as("five minutes before it expires a new one is made").isEqualTo("tok-3");
    }

    @Test
    void aRefusalSaysWhatToCheck() {
        status = 404;
        CloudTokens tokens = new CloudTokens(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                "cn-shanghai", "LTAI-nobody", "x", Clock.systemUTC());
        assertThatThrownBy(tokens::token).isInstanceOf(SpeechRecognizer.Failed.class)
                .hasMessageContaining("InvalidAccessKeyId.NotFound").hasMessageContaining("AccessKey pair");
    }
}
