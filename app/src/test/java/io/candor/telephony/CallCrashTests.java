package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.candor.bench.PlacementFileGenerator;
import io.candor.portfolio.placement.CrashTestServer;
import io.candor.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real Candor process is killed (SIGKILL) in the middle of an answered AI call, then started again on the same data
 * directory: the call is ENDED as interrupted, and its recording is kept up to its last chunk — every five seconds of
 * the downloaded WAV hash, chunk by chunk, to the chain the call reports, and the download has the SHA-256 the call
 * reports.
 */
class CallCrashTests {

    @TempDir
    Path dir;

    @Test
    void killingTheServerMidCallKeepsARecordingThatVerifiesUpToItsLastChunk() throws Exception {
        int port = CrashTestServer.freePort();
        Api api = new Api(port);
        String callId;
        Process first = CrashTestServer.start(dir, port);
        try (Sipp phone = Sipp.keying("p7500 1", dir, "-mi", "127.0.0.1")) {
            CrashTestServer.awaitUp(api, first, dir);
            String admin = api.token(CrashTestServer.TENANT, CrashTestServer.ADMIN, CrashTestServer.PASSWORD);
            Path file = PlacementFileGenerator.write(dir.resolve("calls.csv"), 3, "CALL-", LocalDate.of(2026, 11, 23));
            String job = api.upload("/api/v1/imports/placements", admin, "calls.csv", Files.readAllBytes(file))
                    .json().get("id").asString();
            for (int i = 0; i < 600 && api.get("/api/v1/imports/" + job, admin).json().get("status").asString()
                    .matches("QUEUED|RUNNING"); i++) {
                Thread.sleep(100);
            }
            String account = api.get("/api/v1/accounts?limit=1", admin).json().get("items").get(0).get("id")
                    .asString();
            for (JsonNode p : api.get("/api/v1/accounts/" + account, admin).json().get("contactPoints")) {
                api.post("/api/v1/contact-points/" + p.get("id").asString() + "/consents", admin,
                        "{\"consent\":\"CONTACT_OUTSIDE_HOURS\"}");
            }
            api.put("/api/v1/channels/VOICE_AI", admin, """
                    {"settings": {"host": "127.0.0.1", "port": "%d", "transport": "udp"}}""".formatted(phone.port));
            Api.Response placed = api.post("/api/v1/accounts/" + account + "/calls", admin,
                    "{\"channel\": \"VOICE_AI\"}");
            assertThat(placed.status()).as(placed.body()).isEqualTo(202);
            callId = placed.json().get("id").asString();
            JsonNode call = api.eventually("/api/v1/calls/" + callId, admin,
                    c -> c.get("state").asString().equals("ANSWERED"), Duration.ofSeconds(30));
            assertThat(call.get("state").asString()).as(call.toString()).isEqualTo("ANSWERED");
            Thread.sleep(12_500); // two chunks of five seconds are on disk and in the database
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, the call never ends by itself
        }
        Process second = CrashTestServer.start(dir, port);
        try {
            CrashTestServer.awaitUp(api, second, dir);
            String admin = api.token(CrashTestServer.TENANT, CrashTestServer.ADMIN, CrashTestServer.PASSWORD);
            JsonNode call = api.get("/api/v1/calls/" + callId, admin).json();
            assertThat(call.get("state").asString()).as(call.toString()).isEqualTo("ENDED");
            assertThat(call.get("detail").asString()).contains("interrupted");
            JsonNode recording = call.get("recording");
            long chunks = recording.get("chunks").asLong();
            assertThat(chunks).as(call.toString()).isGreaterThanOrEqualTo(2);
            assertThat(recording.get("durationMs").asLong()).isEqualTo(chunks * 5_000);
            HttpResponse<byte[]> wav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + recording.get("url").asString()))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(wav.statusCode()).isEqualTo(200);
            assertThat(hex(sha256(wav.body()))).isEqualTo(recording.get("sha256").asString());
            assertThat(io.candor.verify.RecordingChunks.chain(wav.body()))
                    .as("the recording kept is the chunks hashed while the call ran")
                    .isEqualTo(recording.get("chain").asString());
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
