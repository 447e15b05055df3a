package io.candor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The verifier runs where an auditor's laptop has only Java 17. */
class OlderJavaTests {

    static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyClassIsJava17Bytecode() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<Path> classes = files.filter(p -> p.toString().endsWith(".class")).toList();
            assertThat(classes).isNotEmpty();
            for (Path c : classes) {
                try (DataInputStream in = new DataInputStream(Files.newInputStream(c))) {
                    assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
                    in.readUnsignedShort();
                    assertThat(in.readUnsignedShort()).as(c.toString()).isLessThanOrEqualTo(61);
                }
            }
        }
    }

    @Test
    void aJava17RuntimeRunsItAndAnswersWithItsUsage() throws Exception {
        Optional<Path> java17 = java17();
        Assumptions.assumeTrue(java17.isPresent(), "no Java 17 runtime on this machine");
        Process p = new ProcessBuilder(java17.get().toString(), "-cp", CLASSES.toString(), "io.candor.verify.Main")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(out).contains("usage: java -jar candor-verify.jar").doesNotContain("UnsupportedClassVersionError");
        assertThat(p.exitValue()).isEqualTo(2);
    }

    private static Optional<Path> java17() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> d.getFileName().toString().contains("17")).map(d -> d.resolve("bin/java"))
                    .filter(Files::isExecutable).findFirst();
        }
    }
}
