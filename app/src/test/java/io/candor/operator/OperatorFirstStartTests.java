package io.candor.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import io.candor.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real first start of Candor on an empty data directory, without the demo and without CANDOR_OPERATOR_PASSWORD:
 * the operator's generated password is in a file only its owner reads, the log names the file and not the password,
 * the operator must choose a new password before anything else, and the file then goes.
 */
class OperatorFirstStartTests {

    @TempDir
    Path dir;

    @Test
    void theFirstStartWritesTheOperatorsPasswordOnceAndTheOperatorMustChooseANewOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.candor.Candor", "serve", "--port",
                Integer.toString(port), "--data-dir", dir.resolve("data").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            Api api = new Api(port);
            Path file = dir.resolve("data").resolve("initial-operator-password");
            awaitUp(api, server, log);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String generated = Files.readString(file).strip();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
            assertThat(Files.readString(log)).contains(file.toString()).doesNotContain(generated);

            String token = api.token("platform", "operator", generated);
            Api.Response first = api.get("/api/v1/tenants", token);
            assertThat(first.status()).isEqualTo(403);
            assertThat(first.body()).contains("PUT /api/v1/me/password");
            Api.Response weak = api.send("PUT", "/api/v1/me/password", token,
                    "{\"current\":\"" + generated + "\",\"new\":\"short\"}");
            assertThat(weak.status()).isEqualTo(400);
            assertThat(weak.body()).contains("at least 12 characters");
            assertThat(Files.exists(file)).as("still there until a password is chosen").isTrue();

            Api.Response chosen = api.send("PUT", "/api/v1/me/password", token,
                    "{\"current\":\"" + generated + "\",\"new\":\"Operat0r-own-choice\"}");
            assertThat(chosen.status()).as(chosen.body()).isEqualTo(204);
            assertThat(Files.exists(file)).as("the file goes once the operator chose a password").isFalse();
            assertThat(api.get("/api/v1/tenants", token).status()).isEqualTo(200);
            String again = api.token("platform", "operator", "Operat0r-own-choice");
            assertThat(api.get("/api/v1/tenants", again).status()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void awaitUp(Api api, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server exited: " + Files.readString(log)).isTrue();
            try {
                if (api.get("/actuator/health", null).body().contains("UP")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the server did not come up: " + Files.readString(log));
    }
}
