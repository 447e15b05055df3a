package io.candor.portfolio.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Currency;
import java.util.EnumSet;

import io.candor.CandorApplication;
import io.candor.identity.NewUser;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Candor as the crash tests ({@link ImportCrashTests}, the calls') run it in a separate process: the whole application, with one empty tenant and
 * its administrator created at the first start (the demo's portfolio, history and plan are not what the test is
 * about). Not a {@code @Configuration}: component scanning must not pick it up in other tests.
 */
public class CrashTestServer {

    public static final String TENANT = "crash";
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "crash-test-password";

    /** Starts Candor in a separate process on {@code port}, its data and log under {@code dir}. */
    public static Process start(Path dir, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashTestServer.class.getName(),
                "--server.port=" + port, "--candor.data-dir=" + dir.resolve("data")));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
    }

    /** Waits until the process serves and its administrator can sign in. */
    public static void awaitUp(Api api, Process process, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the server exited: " + Files.readString(dir.resolve("server.log"))).isTrue();
            try {
                if (api.get("/actuator/health", null).body().contains("UP")
                        && api.post("/api/v1/auth/token", null, "{\"tenant\":\"" + TENANT + "\",\"username\":\""
                        + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not come up: " + Files.readString(dir.resolve("server.log")));
    }

    /** A free TCP port. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(CandorApplication.class, CrashTestServer.class).run(args);
    }

    @Bean
    ApplicationRunner oneTenant(Tenants tenants, Users users) {
        return args -> {
            if (tenants.idOf(TENANT).isPresent()) {
                return;
            }
            Tenant t = tenants.create(TENANT, "Crash test lender", Tenant.Kind.LENDER, Currency.getInstance("CNY"),
                    ZoneId.of("Asia/Shanghai"));
            TenantContext.run(t.id(), () -> users.create(new NewUser(ADMIN, "Administrator", null, PASSWORD,
                    EnumSet.of(Role.ADMIN), "en")));
        };
    }
}
