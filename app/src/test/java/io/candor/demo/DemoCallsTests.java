package io.candor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo's AI calls ring its debtors' phone (SIPp on loopback): a call placed through the API ends ENDED with the
 * keys the phone pressed (1 through the opening, 0 for a person), and its recording downloads with the SHA-256 the
 * call reports, which the evidence log holds.
 */
@CandorIntegrationTest
class DemoCallsTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoSeeder seeder;

    @Autowired
    Tenants tenants;

    @Autowired
    JdbcClient jdbc;

    static String verify(java.nio.file.Path zip, String key) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        io.candor.verify.Main.run(java.util.List.of(zip.toString(), "--key", key),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aDemoAiCallRingsTheDebtorsPhoneAndLeavesARecordingInTheEvidenceLog() throws Exception {
        seeder.seed();
        Api api = new Api(port);
        String admin = api.token("demo-bank", "admin", DemoSeeder.PASSWORD);
        String collector = api.token("demo-bank", "collector", DemoSeeder.PASSWORD);
        String id = null;
        String account = null;
        for (JsonNode a : api.get("/api/v1/accounts?bucket=M1&limit=100", admin).json().get("items")) {
            JsonNode detail = api.get("/api/v1/accounts/" + a.get("id").asString(), admin).json();
            for (JsonNode p : detail.get("contactPoints")) {
                api.post("/api/v1/contact-points/" + p.get("id").asString() + "/consents", admin,
                        "{\"consent\":\"CONTACT_OUTSIDE_HOURS\"}");
            }
            Api.Response placed = api.post("/api/v1/accounts/" + a.get("id").asString() + "/calls", collector,
                    "{\"channel\": \"VOICE_AI\"}", "Idempotency-Key", "demo-call-" + UUID.randomUUID());
            if (placed.status() == 202) {
                id = placed.json().get("id").asString();
                account = a.get("id").asString();
                break;
            }
            assertThat(placed.status()).as("only the gate may refuse: " + placed.body()).isEqualTo(409);
        }
        assertThat(id).as("some M1 account may be called").isNotNull();
        JsonNode call = api.eventually("/api/v1/calls/" + id, collector,
                c -> c.get("state").asString().equals("ENDED"), Duration.ofSeconds(60));
        assertThat(call.get("state").asString()).as(call.toString()).isEqualTo("ENDED");
        assertThat(call.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(call.get("dtmf").asString()).as("the keys the demo phone pressed").isEqualTo("10");
        String sha = call.get("recording").get("sha256").asString();
        HttpResponse<byte[]> wav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + call.get("recording").get("url").asString()))
                .header("Authorization", "Bearer " + collector).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav.body()))).isEqualTo(sha);
        // the collector plays it in the account 360: an audited read
        io.candor.support.WebSession web = new io.candor.support.WebSession(port).signIn("demo-bank", "collector",
                DemoSeeder.PASSWORD);
        String page = web.get("/workbench/accounts/" + account).body();
        String src = "/workbench/accounts/" + account + "/calls/" + id + "/recording";
        assertThat(page).contains("<audio").contains(src);
        UUID bank = tenants.idOf("demo-bank").orElseThrow();
        java.util.function.Supplier<Long> heard = () -> TenantContext.call(bank, () -> jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE resource_type = 'call_recording'
                          AND purpose = 'ACCOUNT_360'""").query(Long.class).single());
        long before = heard.get();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(web.bytes(src))))
                .as("the 360 plays the recording the call reports").isEqualTo(sha);
        assertThat(heard.get()).as("listening in the 360 is audited with its purpose").isEqualTo(before + 1);

        // a supervisor reviewing the call's conversation in the QA sample hears it too
        String callId = id;
        UUID conversation = TenantContext.call(bank, () -> jdbc.sql("SELECT conversation_id FROM call WHERE id = :id")
                .param("id", UUID.fromString(callId)).query(UUID.class).single());
        io.candor.support.WebSession supervisor = new io.candor.support.WebSession(port).signIn("demo-bank",
                "supervisor", DemoSeeder.PASSWORD);
        String qaSrc = "/supervisor/qa/AI/" + conversation + "/recording";
        assertThat(supervisor.get("/supervisor/qa/AI/" + conversation).body()).contains(qaSrc);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(supervisor.bytes(qaSrc))))
                .isEqualTo(sha);

        // the account's evidence bundle holds the recording when asked to, and the offline verifier checks it chunk
        // by chunk; without recordings=true the entry still proves its hash
        String key = api.get("/api/v1/evidence/key", admin).body().strip();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bundle");
        java.nio.file.Path with = dir.resolve("with.zip");
        java.nio.file.Files.write(with, api.download("/api/v1/accounts/" + account + "/evidence-bundle?recordings=true",
                admin));
        String report = verify(with, key);
        assertThat(report).contains("VERIFIED").contains("content " + sha.substring(0, 12) + "… verifies, and chunk by "
                + "chunk as recorded during the call");
        java.nio.file.Path without = dir.resolve("without.zip");
        java.nio.file.Files.write(without, api.download("/api/v1/accounts/" + account + "/evidence-bundle", admin));
        assertThat(verify(without, key)).contains("VERIFIED").contains("content " + sha.substring(0, 12)
                + "… not in the bundle");
        TenantContext.run(bank, () -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT entry FROM evidence_entry WHERE type = 'CALL_RECORDED'
                                              UNION ALL SELECT entry FROM evidence_pending WHERE type = 'CALL_RECORDED') e
                        WHERE position(convert_to(:sha, 'UTF8') IN e.entry) > 0
                           OR position(decode(:sha, 'hex') IN e.entry) > 0""")
                .param("sha", sha).query(Long.class).single()).as("the evidence log holds the recording's hash")
                .isEqualTo(1));
    }
}
