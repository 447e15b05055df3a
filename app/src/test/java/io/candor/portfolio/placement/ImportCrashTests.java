package io.candor.portfolio.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.candor.bench.PlacementFileGenerator;
import io.candor.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real Candor process is killed (SIGKILL) in the middle of an import, then started again on the same data
 * directory: no account of the file exists, the job says it failed, and the same file imports completely.
 */
class ImportCrashTests {

    @TempDir
    Path dir;

    @Test
    void killingTheServerMidImportLeavesNoPartialAccountsAndTheFileCanBeImportedAgain() throws Exception {
        Path file = PlacementFileGenerator.write(dir.resolve("big.csv"), 60_000, "KILL-", LocalDate.of(2026, 11, 23));
        int port = CrashTestServer.freePort();
        Api api = new Api(port);
        Process first = CrashTestServer.start(dir, port);
        String jobId;
        try {
            CrashTestServer.awaitUp(api, first, dir);
            String admin = api.token(CrashTestServer.TENANT, CrashTestServer.ADMIN, CrashTestServer.PASSWORD);
            jobId = api.upload("/api/v1/imports/placements", admin, "big.csv", Files.readAllBytes(file))
                    .json().get("id").asString();
            awaitRowsRead(api, admin, jobId, 2_000);
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no rollback by Candor itself
        }
        Process second = CrashTestServer.start(dir, port);
        try {
            CrashTestServer.awaitUp(api, second, dir);
            String admin = api.token(CrashTestServer.TENANT, CrashTestServer.ADMIN, CrashTestServer.PASSWORD);
            JsonNode job = api.get("/api/v1/imports/" + jobId, admin).json();
            assertThat(job.get("status").asString()).isEqualTo("FAILED");
            assertThat(job.get("error").asString()).contains("server stopped");
            assertThat(countAccounts(api, admin)).as("no account of the killed import").isZero();

            String again = api.upload("/api/v1/imports/placements", admin, "big.csv", Files.readAllBytes(file))
                    .json().get("id").asString();
            JsonNode done = awaitDone(api, admin, again);
            assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("imported").asLong()).isEqualTo(60_000);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static void awaitRowsRead(Api api, String token, String job, long rows) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode j = api.get("/api/v1/imports/" + job, token).json();
            assertThat(j.get("status").asString()).as("the import must still run when the server is killed")
                    .isIn("QUEUED", "RUNNING");
            if (j.get("read").asLong() >= rows) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not start");
    }

    private static JsonNode awaitDone(Api api, String token, String job) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            JsonNode j = api.get("/api/v1/imports/" + job, token).json();
            if (!j.get("status").asString().matches("QUEUED|RUNNING")) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish in 5 minutes");
    }

    private static long countAccounts(Api api, String token) {
        long n = 0;
        String cursor = "";
        while (cursor != null) {
            JsonNode page = api.get("/api/v1/accounts?limit=500" + cursor, token).json();
            n += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asString();
        }
        return n;
    }
}
