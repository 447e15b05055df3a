package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian's {@code sip-tester}) as the far end of a test call on loopback: a built-in scenario or one of
 * {@code src/test/resources/sipp}; it exits 0 only when every message it expected arrived as written.
 */
public final class Sipp implements AutoCloseable {

    public final int port;
    private final Path dir;
    private final Process process;

    private Sipp(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /**
     * SIPp answering, speaking for 7 s, then keying {@code keys} — words split by spaces: {@code p1500} a pause of
     * 1,500 ms, else keys (0-9, *, #) sent as RFC 4733 events 400 ms apart — and waiting to be hung up on.
     */
    static Sipp keying(String keys, Path dir, String... extra) throws Exception {
        StringBuilder xml = new StringBuilder();
        for (String word : keys.trim().split("\\s+")) {
            if (word.startsWith("p")) {
                xml.append("  <pause milliseconds=\"").append(word.substring(1)).append("\"/>\n");
                continue;
            }
            for (char k : word.toCharArray()) {
                String name = k == '#' ? "pound" : k == '*' ? "star" : String.valueOf(k);
                xml.append("  <nop><action><exec play_pcap_audio=\"/usr/share/sip-tester/dtmf_2833_").append(name)
                        .append(".pcap\"/></action></nop>\n  <pause milliseconds=\"400\"/>\n");
            }
        }
        String template;
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/answer-key-wait.xml")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        Path file = dir.resolve("answer-key-wait.xml");
        Files.writeString(file, template.replace("<!-- KEYS -->", xml), java.nio.charset.StandardCharsets.ISO_8859_1);
        return run(file, dir, extra);
    }

    public static Sipp start(String scenario, Path dir, String... extra) throws Exception {
        if (scenario.equals("uas")) {
            return run(null, dir, extra);
        }
        Path file = dir.resolve(scenario + ".xml");
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
            Files.copy(in, file);
        }
        return run(file, dir, extra);
    }

    public static Sipp run(@org.jspecify.annotations.Nullable Path scenario, Path dir, String... extra)
            throws Exception {
        assertThat(new File("/usr/bin/sipp")).as("SIPp is installed (apt-get install sip-tester)").exists();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("/usr/bin/sipp", "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-m", "1", "-nostdin", "-timeout", "90s", "-trace_err", "-error_file",
                dir.resolve("errors.log").toString()));
        command.addAll(scenario == null ? List.of("-sn", "uas") : List.of("-sf", scenario.toString()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        Thread.sleep(300); // SIPp binds its port
        return new Sipp(port, dir, p);
    }

    /** Waits for SIPp to finish and checks that its scenario went as written. */
    public void assertScenarioPassed() throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("SIPp finished its scenario").isTrue();
        assertThat(process.exitValue()).as(errors()).isZero();
    }

    public String errors() throws Exception {
        Path f = dir.resolve("errors.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
