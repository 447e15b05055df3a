package io.candor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Kamailio (Debian's {@code kamailio}) as the collectors' registrar on loopback, started with the configuration
 * Candor ships ({@code docs/dialer/kamailio-registrar.cfg}), in the foreground, on a free UDP port.
 */
public final class Kamailio implements AutoCloseable {

    public static final Path CONFIG = Path.of("../docs/dialer/kamailio-registrar.cfg");

    public final int port;
    private final Process process;
    private final Path log;

    private Kamailio(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static Kamailio start(Path dir) throws Exception {
        assertThat(new File("/usr/sbin/kamailio")).as("kamailio is installed (apt-get install kamailio)").exists();
        assertThat(CONFIG).exists();
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            port = s.getLocalPort();
        }
        Path run = Files.createDirectories(dir.resolve("run"));
        Path log = dir.resolve("kamailio.log");
        Process p = new ProcessBuilder("/usr/sbin/kamailio", "-DD", "-E", "-f", CONFIG.toAbsolutePath().toString(),
                "-l", "udp:127.0.0.1:" + port, "-m", "32", "-M", "4", "-Y", run.toString(),
                "-L", "/usr/lib/x86_64-linux-gnu/kamailio/modules")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Kamailio k = new Kamailio(port, p, log);
        for (int i = 0; i < 100 && !k.log().contains("SO_RCVBUF is finally"); i++) {
            assertThat(p.isAlive()).as("kamailio started: %s", k.log()).isTrue();
            Thread.sleep(100);
        }
        Thread.sleep(300); // its children start listening
        return k;
    }

    public String log() throws Exception {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
