package io.candor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** How the CLI signs in: a token (CANDOR_TOKEN), or a tenant, user and password. */
sealed interface Credentials {

    record Token(String token) implements Credentials {
    }

    record Password(String tenant, String user, String password) implements Credentials {
    }

    static Credentials from(CandorCli.Options o, Map<String, String> env, InputStream in, PrintStream err) {
        String tenant = o.value("tenant").orElse(null);
        String user = o.value("user").orElse(null);
        String token = env.get("CANDOR_TOKEN");
        if (tenant == null && user == null && token != null && !token.isBlank()) {
            return new Token(token.strip());
        }
        if (tenant == null || user == null) {
            throw new CandorCli.UsageException("sign in with --tenant T --user U, or set CANDOR_TOKEN (get one with "
                    + "POST /api/v1/auth/token); the server is --server URL, CANDOR_SERVER, or where 'candor serve' "
                    + "last started");
        }
        String password = env.get("CANDOR_PASSWORD");
        if (password == null) {
            password = prompt("Password for " + user + "@" + tenant + ": ", in, err);
        }
        return new Password(tenant, user, password);
    }

    private static String prompt(String text, InputStream in, PrintStream err) {
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("%s", text);
            if (pw != null) {
                return new String(pw);
            }
        }
        err.print(text);
        err.flush();
        try {
            @Nullable String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new CandorCli.UsageException("no password: set CANDOR_PASSWORD or run on a terminal");
            }
            return line;
        } catch (IOException e) {
            throw new CandorCli.UsageException("cannot read the password: " + e.getMessage());
        }
    }
}
