package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

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

    /** Calls SIPp playing {@code scenario}; SIPp must then exit 0: every message it expected arrived as written. */
    SipCall.Outcome callAgainst(String scenario, String number, Duration ring, Duration talk) throws Exception {
        try (Sipp uas = Sipp.start(scenario, dir)) {
            SipCall.Outcome outcome = SipCall.place(new SipCall.Target("127.0.0.1", uas.port, number, "candor"), ring,
                    talk);
            uas.assertScenarioPassed();
            return outcome;
        }
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
        SipCall.Outcome outcome = SipCall.place(new SipCall.Target("127.0.0.1", Sipp.freePort(), "8613800138003", "candor"),
                Duration.ofSeconds(2), Duration.ZERO);
        assertThat(outcome.result()).isIn(SipCall.Result.NO_ANSWER, SipCall.Result.FAILED);
    }
}
