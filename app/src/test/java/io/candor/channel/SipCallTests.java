package io.candor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound calls against SIPp (Debian's {@code sip-tester}) on loopback, which checks every message it expects:
 * an answered call (INVITE, 180, 200, ACK, BYE, 200), a busy callee (486, ACK), and a phone nobody answers (180,
 * CANCEL, 200, 487, ACK). SIPp exits 0 only when the whole scenario went as written.
 */
class SipCallTests {

    @TempDir
    Path dir;

    Process sipp(String scenario, int port) throws Exception {
        assertThat(new File("/usr/bin/sipp")).as("SIPp is installed (apt-get install sip-tester)").exists();
        List<String> command = new ArrayList<>(List.of("/usr/bin/sipp", "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-m", "1", "-nostdin", "-timeout", "30s", "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
        if (scenario.equals("uas")) {
            command.addAll(List.of("-sn", "uas"));
        } else {
            Path file = dir.resolve(scenario + ".xml");
            try (var in = SipCallTests.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
                Files.copy(in, file);
            }
            command.addAll(List.of("-sf", file.toString()));
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        Thread.sleep(300); // SIPp binds its port
        return p;
    }

    static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    String errors() throws Exception {
        Path f = dir.resolve("errors.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /** Calls SIPp playing {@code scenario}; SIPp must then exit 0: every message it expected arrived as written. */
    SipCall.Outcome callAgainst(String scenario, String number, Duration ring, Duration talk) throws Exception {
        int port = freePort();
        Process uas = sipp(scenario, port);
        SipCall.Outcome outcome = SipCall.place(new SipCall.Target("127.0.0.1", port, number, "candor"), ring, talk);
        assertThat(uas.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(uas.exitValue()).as(errors()).isZero();
        return outcome;
    }

    @Test
    void anAnsweredCallIsAcknowledgedAndHungUp() throws Exception {
        assertThat(callAgainst("uas", "8613800138000", Duration.ofSeconds(10), Duration.ofMillis(200)))
                .extracting(SipCall.Outcome::result, SipCall.Outcome::status)
                .containsExactly(SipCall.Result.ANSWERED, 200);
    }

    @Test
    void aBusyCalleeIsAcknowledged() throws Exception {
        assertThat(callAgainst("busy", "8613800138001", Duration.ofSeconds(10), Duration.ZERO))
                .extracting(SipCall.Outcome::result, SipCall.Outcome::status)
                .containsExactly(SipCall.Result.BUSY, 486);
    }

    @Test
    void aCallNobodyAnswersIsCancelled() throws Exception {
        assertThat(callAgainst("ringing", "8613800138002", Duration.ofSeconds(2), Duration.ZERO))
                .extracting(SipCall.Outcome::result, SipCall.Outcome::status)
                .containsExactly(SipCall.Result.NO_ANSWER, 487);
    }

    @Test
    void nobodyListeningIsNoAnswer() throws Exception {
        SipCall.Outcome outcome = SipCall.place(new SipCall.Target("127.0.0.1", freePort(), "8613800138003", "candor"),
                Duration.ofSeconds(2), Duration.ZERO);
        assertThat(outcome.result()).isIn(SipCall.Result.NO_ANSWER, SipCall.Result.FAILED);
    }
}
