package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.candor.telephony.media.Wav;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call with sound against SIPp on loopback: SIPp answers in PCMA, speaks its shipped recording (g711a.pcap), keys
 * 1 and 5 as RFC 4733 events (dtmf_2833_1.pcap, dtmf_2833_5.pcap) and hangs up. Candor plays a tone meanwhile and
 * records both directions.
 */
class CallMediaTests {

    @TempDir
    Path dir;

    final MediaClock clock = new MediaClock();

    @AfterEach
    void stop() {
        clock.destroy();
    }

    @Test
    void theKeysTheDebtorPressesArriveOnceEachAndBothSidesAreRecorded() throws Exception {
        List<CallRecorder.Chunk> chunks = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        CallRecorder recorder = new CallRecorder(dir.resolve("spool/call.pcm"), chunks::add);
        short[] tone = tone(440, 8000 * 2, 8000);
        SipCall.Outcome outcome;
        MediaSession.Quality quality;
        try (Sipp debtor = Sipp.start("answer-play-hangup", dir, "-mi", "127.0.0.1")) {
            MediaSession[] session = new MediaSession[1];
            outcome = SipCall.place(new SipCall.Target("127.0.0.1", debtor.port, "8613800138000", "candor"),
                    Duration.ofSeconds(10), host -> {
                        try {
                            session[0] = new MediaSession(host, clock, recorder, (k, inBand) -> keys.add(k + (inBand
                                    ? "~" : "")));
                            return new SessionMedia(session[0], () -> { });
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, call -> {
                        session[0].play(tone);
                        call.awaitHangUp(Duration.ofSeconds(30));
                    }, Clock.systemUTC());
            debtor.assertScenarioPassed();
            quality = session[0].quality();
        }
        byte[] wav = recorder.finish();

        assertThat(outcome.result()).isEqualTo(SipCall.Result.ANSWERED);
        assertThat(outcome.farEndHungUp()).as("SIPp hung up and got its 200 OK").isTrue();
        assertThat(keys).as("each key once, from the events; never typed again by the tone detector")
                .containsExactly("1", "5");
        assertThat(quality.codec()).isEqualTo("PCMA");
        assertThat(quality.packetsReceived()).as("236 packets of speech and two key presses of 10 packets")
                .isEqualTo(256);
        assertThat(quality.duplicates()).as("each press repeats its last end packet twice").isEqualTo(4);
        // SIPp's two key recordings were captured 164 sequence numbers apart: RFC 3550 counts the gap as lost
        assertThat(quality.packetsLost()).isEqualTo(163);

        Wav.Format f = Wav.format(wav);
        assertThat(f.channels()).isEqualTo(2);
        assertThat(f.rate()).isEqualTo(8000);
        long frames = f.dataBytes() / 4;
        assertThat(frames).as("the call lasted over 9 s (7 s of speech, the keys, a pause)").isGreaterThan(9 * 8000);
        short[] debtorSide = Wav.channel(wav, 0);
        short[] candorSide = Wav.channel(wav, 1);
        assertThat(rms(debtorSide, 0, debtorSide.length)).as("the debtor's speech is on the left").isGreaterThan(100);
        assertThat(rms(candorSide, 0, 2 * 8000)).as("Candor's tone is on the right, first two seconds")
                .isGreaterThan(3000);
        assertThat(rms(candorSide, 3 * 8000, candorSide.length)).as("and silence after it").isLessThan(10);
        assertThat(chunks).as("five-second chunks hashed while the call ran").hasSizeGreaterThanOrEqualTo(2);
        assertThat(chunks.stream().mapToLong(CallRecorder.Chunk::bytes).sum()).isEqualTo(f.dataBytes());
        assertThat(Files.size(dir.resolve("spool/call.pcm"))).isEqualTo(f.dataBytes());
    }

    static short[] tone(double hz, int samples, int amplitude) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }

    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
