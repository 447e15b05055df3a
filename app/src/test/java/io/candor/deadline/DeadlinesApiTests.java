package io.candor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/deadlines/evaluate}: the CLI's contract over REST, one case or many. */
@CandorIntegrationTest
class DeadlinesApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void oneCaseOrManyAreAnsweredAndABadCaseSaysWhatToFix() {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("deadlines");
        String officer = api.token(t.slug(), "supervisor", TestTenants.PASSWORD);
        Api.Response one = api.post("/api/v1/deadlines/evaluate", officer, """
                {"id":"x","kind":"COMPLAINT","jurisdiction":"GB","receivedAt":"2026-04-02T16:30:00+01:00"}""");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        JsonNode j = one.json();
        assertThat(j.get("id").asString()).isEqualTo("x");
        assertThat(j.get("summaryResolutionBy").asString()).isEqualTo("2026-04-09");
        assertThat(j.get("responseBy").isNull()).isTrue();
        assertThat(j.get("finalResponseBy").asString()).isEqualTo("2026-05-28");
        assertThat(j.get("rules").toString()).isEqualTo("[\"GB-CMP-SRC\",\"GB-CMP-01\"]");

        Api.Response many = api.post("/api/v1/deadlines/evaluate", officer, """
                [{"id":"a","kind":"COMPLAINT","jurisdiction":"CN","receivedAt":"2026-09-20T10:00:00+08:00"},
                 {"id":"b","kind":"COMPLAINT","jurisdiction":"XX","receivedAt":"2026-09-20T10:00:00+08:00"}]""");
        assertThat(many.status()).isEqualTo(200);
        assertThat(many.json().get(0).get("finalResponseBy").asString()).isEqualTo("2026-10-08");
        assertThat(many.json().get(1).get("index").asInt()).isEqualTo(1);
        assertThat(many.json().get(1).get("error").asString()).contains("unknown jurisdiction 'XX'");

        Api.Response bad = api.post("/api/v1/deadlines/evaluate", officer, """
                {"id":"c","kind":"COMPLAINT","jurisdiction":"CN","receivedAt":"2026-13-01T10:00:00+08:00"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("receivedAt '2026-13-01T10:00:00+08:00'");
        assertThat(api.post("/api/v1/deadlines/evaluate", null, "{}").status()).isEqualTo(401);
    }

    @Test
    void theCliAnswersTheSameWithoutAServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("cases.jsonl");
        java.nio.file.Files.writeString(file, """
                {"id":"x","kind":"COMPLAINT","jurisdiction":"GB","receivedAt":"2026-04-02T16:30:00+01:00"}
                {"id":"y","kind":"COMPLAINT","jurisdiction":"CN","receivedAt":"2026-02-30T10:00:00+08:00"}
                """);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = new io.candor.cli.CandorCli(new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), java.util.Map.of())
                .run(new String[] {"deadlines", "--scenarios", file.toString()});
        assertThat(code).isZero();
        String[] lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("{\"id\":\"x\",\"summaryResolutionBy\":\"2026-04-09\",\"responseBy\":null,"
                + "\"finalResponseBy\":\"2026-05-28\",\"rules\":[\"GB-CMP-SRC\",\"GB-CMP-01\"]}");
        assertThat(lines[1]).startsWith("{\"line\":2,\"error\":\"receivedAt '2026-02-30T10:00:00+08:00'");
    }
}
