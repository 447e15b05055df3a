package io.candor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The address of the server {@code candor serve} last started on this machine ({@code ~/.candor/last-server}), so
 * commands run after {@code serve --port 18080} reach it without {@code --server}.
 */
final class LastServer {

    private LastServer() {
    }

    static Path file(Map<String, String> env) {
        String home = env.getOrDefault("CANDOR_HOME", System.getProperty("user.home") + "/.candor");
        return Path.of(home, "last-server");
    }

    /** Written by {@code candor serve} once the server listens. */
    public static void remember(int port) {
        Path f = file(System.getenv());
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "http://localhost:" + port + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a convenience only: the commands still take --server
        }
    }

    static Optional<String> recalled(Map<String, String> env) {
        try {
            Path f = file(env);
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip())
                    .filter(s -> s.startsWith("http")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
