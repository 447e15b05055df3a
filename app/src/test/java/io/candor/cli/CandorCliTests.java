package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The CLI against a running server over HTTP. */
@CandorIntegrationTest
class CandorCliTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenants.TestTenant tenant;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        tenant = tenants.create("cli");
    }

    int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return new CandorCli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    String server() {
        return "http://127.0.0.1:" + port;
    }

    @Value("${candor.operator.password}")
    String operatorPassword;

    @Test
    void theOperatorCreatesListsSuspendsAndResumesAnOrganisationFromTheCommandLine() throws Exception {
        String operator = operatorPassword;
        String slug = "cli-org-" + System.nanoTime() % 1_000_000;
        Map<String, String> env = Map.of("CANDOR_PASSWORD", operator, "CANDOR_ADMIN_PASSWORD", "Cli-Adm1n-Secret");
        int code = run(env, "tenant", "create", "--server", server(), "--tenant", "platform", "--user", "operator",
                "--slug", slug, "--name", "CLI 金融", "--kind", "LENDER", "--currency", "CNY", "--zone",
                "Asia/Shanghai", "--locale", "zh-CN", "--admin", "admin");
        assertThat(code).as(err.toString()).isZero();
        String id = out.toString().replaceAll("(?s).*\"id\":\"([0-9a-f-]+)\".*", "$1").strip();
        assertThat(run(env, "tenant", "list", "--server", server(), "--tenant", "platform", "--user", "operator"))
                .isZero();
        assertThat(out.toString()).contains(slug);
        assertThat(run(env, "tenant", "suspend", id, "--reason", "contract ended", "--server", server(), "--tenant",
                "platform", "--user", "operator")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("contract ended");
        assertThat(run(Map.of("CANDOR_PASSWORD", "Cli-Adm1n-Secret"), "me", "--server", server(), "--tenant", slug,
                "--user", "admin")).as("a suspended organisation's administrator").isEqualTo(1);
        assertThat(err.toString()).contains("suspended");
        assertThat(run(env, "tenant", "resume", id, "--server", server(), "--tenant", "platform", "--user", "operator"))
                .isZero();
        assertThat(run(Map.of("CANDOR_PASSWORD", "Cli-Adm1n-Secret"), "me", "--server", server(), "--tenant", slug,
                "--user", "admin")).isZero();
        assertThat(run(Map.of("CANDOR_PASSWORD", operator), "tenant", "create", "--server", server(), "--tenant",
                "platform", "--user", "operator", "--slug", "x")).as("no administrator password").isEqualTo(2);
    }

    @Test
    void signsInWithAPasswordFromTheEnvironmentAndListsUsers() {
        int code = run(Map.of("CANDOR_PASSWORD", TestTenants.PASSWORD), "users", "list", "--server", server(),
                "--tenant", tenant.slug(), "--user", "admin");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"username\":\"collector\"");
    }

    @Test
    void printsALinkToTheDebtorPortalThatOpensItsVerificationPage() throws Exception {
        int code = run(Map.of("CANDOR_PASSWORD", TestTenants.PASSWORD), "portal", "link", "--server", server(),
                "--tenant", tenant.slug(), "--user", "collector", "--account", tenant.accounts().getFirst().toString());
        assertThat(code).as(err.toString()).isZero();
        String url = out.toString().strip();
        assertThat(url).startsWith(server() + "/p/").doesNotContain(tenant.accounts().getFirst().toString());
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("请确认您的身份").doesNotContain("测试债务人");
        assertThat(run(Map.of("CANDOR_PASSWORD", TestTenants.PASSWORD), "portal", "link", "--server", server(),
                "--tenant", tenant.slug(), "--user", "collector")).as("no account").isEqualTo(2);
    }

    @Test
    void usesATokenFromLogin() {
        assertThat(run(Map.of("CANDOR_PASSWORD", TestTenants.PASSWORD), "login", "--server", server(), "--tenant",
                tenant.slug(), "--user", "collector")).isZero();
        String token = out.toString().strip();
        assertThat(token).startsWith("cnd_");
        assertThat(run(Map.of("CANDOR_TOKEN", token, "CANDOR_SERVER", server()), "accounts", "show",
                tenant.accounts().getFirst().toString())).isZero();
        assertThat(out.toString()).containsPattern("138\\*{4}800[0-2]");
    }

    @Test
    void explainsRefusalsAndUsageErrors() {
        assertThat(run(Map.of("CANDOR_PASSWORD", "wrong"), "me", "--server", server(), "--tenant", tenant.slug(),
                "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).contains("401 Login failed");
        assertThat(run(Map.of(), "me", "--server", server())).isEqualTo(2);
        assertThat(err.toString()).contains("--tenant T --user U");
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'frobnicate'");
        assertThat(run(Map.of(), "help")).isZero();
        assertThat(out.toString()).contains("serve [--demo]").contains("accounts list");
    }

    @Test
    void importsAPlacementFileAndPrintsTheFinishedJob(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("placement.csv");
        Files.writeString(file, "creditor_ref,debtor_name,country,currency,principal,due_date\n"
                + "CLI-1,王伟,CN,CNY,100.00,2026-10-01\nCLI-2,,CN,CNY,5,2026-10-01\n");
        int code = run(Map.of("CANDOR_PASSWORD", TestTenants.PASSWORD), "import", "placements", "--file", file.toString(),
                "--server", server(), "--tenant", tenant.slug(), "--user", "supervisor");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"status\":\"SUCCEEDED\"").contains("\"imported\":1").contains("\"rejected\":1");
        assertThat(run(Map.of("CANDOR_PASSWORD", TestTenants.PASSWORD), "import", "placements", "--file",
                dir.resolve("missing.csv").toString(), "--server", server(), "--tenant", tenant.slug(), "--user",
                "supervisor")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read").contains("missing.csv");
    }

    @Test
    void saysWhenNoServerIsRunning() {
        assertThat(run(Map.of("CANDOR_TOKEN", "cnd_x"), "me", "--server", "http://127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the Candor server").contains("bin/candor serve");
    }

    @Test
    void findsTheServerWhereServeLastStartedItAndSaysHowToPointAtAnother(@TempDir
            Path home) throws Exception {
        Files.writeString(home.resolve("last-server"), server() + "\n");
        assertThat(run(Map.of("CANDOR_PASSWORD", TestTenants.PASSWORD, "CANDOR_HOME", home.toString()), "me",
                "--tenant", tenant.slug(), "--user", "admin")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"username\":\"admin\"");
        assertThat(run(Map.of("CANDOR_HOME", home.toString()), "me")).isEqualTo(2);
        assertThat(err.toString()).contains("CANDOR_TOKEN").contains("--server URL");
    }
}
