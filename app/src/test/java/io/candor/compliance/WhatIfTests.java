package io.candor.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.candor.cli.CandorCli;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The what-if contract over the CLI (no server) and over REST. */
@CandorIntegrationTest
class WhatIfTests {

    static final String QUIET = """
            {"id":"s1","jurisdiction":"CN","timeZone":"Asia/Shanghai","at":"2026-03-02T22:30:00+08:00","channel":"VOICE_AI","party":"DEBTOR","contactPoint":"+8613800138000","history":[{"at":"2026-03-02T09:10:00+08:00","channel":"VOICE_HUMAN","party":"DEBTOR","contactPoint":"+8613800138000","outcome":"RIGHT_PARTY_CONTACT"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void theCliWritesOneResultPerLineAndExplainsMalformedLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.jsonl"), QUIET + "\n{not json\n"
                + "{\"id\":\"s3\",\"jurisdiction\":\"CN\",\"timeZone\":\"Asia/Shanghai\",\"at\":\"2026-03-02T10:00:00+08:00\",\"channel\":\"FAX\",\"party\":\"DEBTOR\"}\n"
                + "{\"id\":\"s4\",\"jurisdiction\":\"CN\",\"timeZone\":\"Asia/Shanghai\",\"at\":\"2026-03-02T10:00:00+08:00\",\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"holds\":[\"DISPUTE\"]}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CandorCli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), Map.of()).run(new String[] {"compliance", "evaluate",
                "--scenarios", file.toString()});
        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(
                "{\"id\":\"s1\",\"decision\":\"DENY\",\"rules\":[\"CN-QUIET-HOURS\"],\"nextAllowedAt\":\"2026-03-03T08:00+08:00\"}");
        assertThat(lines[1]).startsWith("{\"line\":2,\"error\":\"not valid JSON");
        assertThat(lines[2]).contains("\"line\":3").contains("'channel' is FAX, not one of");
        assertThat(lines[3]).isEqualTo("{\"id\":\"s4\",\"decision\":\"DENY\",\"rules\":[\"HOLD-DISPUTE\"],\"nextAllowedAt\":null}");
    }

    @Test
    void restEvaluatesAnArrayOfScenarios() {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("whatif");
        String token = api.token(t.slug(), "compliance_officer", TestTenants.PASSWORD);
        Api.Response r = api.post("/api/v1/compliance/evaluate", token, "[" + QUIET + ",{\"id\":\"x\"}]");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get(0).get("rules").get(0).asString()).isEqualTo("CN-QUIET-HOURS");
        assertThat(r.json().get(1).get("error").asString()).contains("'jurisdiction' is required");
        assertThat(api.get("/api/v1/compliance/packs", token).body()).contains("CN-EFFECTIVE-CALLS").contains("BR-SP-HOURS");
    }
}
