package io.candor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo debtors' phone: SIPp (Debian's {@code sip-tester}) on loopback, answering every AI call, saying hello,
 * pressing 1 through the agent's opening and 0 for a person — so the demo's calls ring, carry sound both ways, are
 * recorded and end. Absent when SIPp is not installed; the demo then has no AI-call trunk.
 */
final class DemoPhone implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoPhone.class);
    static final Path SIPP = Path.of("/usr/bin/sipp");
    static final Path PCAPS = Path.of("/usr/share/sip-tester");

    final int port;
    private final Process process;

    private DemoPhone(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts the phone with its scenario under {@code dir}, or nothing when SIPp or its recordings are missing. */
    static Optional<DemoPhone> start(Path dir) {
        if (!Files.isExecutable(SIPP) || !Files.exists(PCAPS.resolve("g711a.pcap"))) {
            log.info("Demo: no SIPp here (apt-get install sip-tester), so the demo tenants have no AI-call trunk");
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            Path scenario = dir.resolve("debtor-phone.xml");
            try (InputStream in = DemoPhone.class.getResourceAsStream("/demo/debtor-phone.xml")) {
                if (in == null) {
                    throw new IOException("the demo phone's scenario is missing from the build");
                }
                Files.write(scenario, in.readAllBytes());
            }
            int port;
            try (DatagramSocket s = new DatagramSocket(0)) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder(List.of(SIPP.toString(), "-sf", scenario.toString(), "-i", "127.0.0.1",
                    "-mi", "127.0.0.1", "-p", Integer.toString(port), "-nostdin", "-trace_err", "-error_file",
                    dir.resolve("errors.log").toString())).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sipp.out").toFile()).start();
            return Optional.of(new DemoPhone(port, p));
        } catch (IOException e) {
            log.warn("Demo: the debtors' phone (SIPp) could not start: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
