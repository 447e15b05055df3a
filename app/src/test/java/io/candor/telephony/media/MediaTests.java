package io.candor.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The pure media: codecs, packets, events, tones, the jitter buffer, reception figures and SDP. */
class MediaTests {

    @Test
    void g711RoundTripsWithinItsQuantisationStepInBothLaws() {
        for (G711 codec : G711.values()) {
            for (int v = -32768; v <= 32767; v += 7) {
                short back = codec.decode(codec.encode((short) v));
                // the step grows with the magnitude: about 1/16 of it in the top segment, a few units near zero
                assertThat(Math.abs(back - v)).as(codec + " at " + v).isLessThanOrEqualTo(Math.max(16, Math.abs(v) / 15));
            }
        }
        // the well-known code points: μ-law silence is 0xFF, A-law's is 0xD5
        assertThat(G711.PCMU.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.PCMA.encode((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.PCMA.decode((byte) 0xD5)).isEqualTo((short) 8);
    }

    @Test
    void anRtpPacketReadsBackAsWrittenAndRtcpIsNotTakenForRtp() {
        RtpPacket p = new RtpPacket(8, true, 65535, 0xFFFF_FFF0L, 0xCAFEBABEL, new byte[] {1, 2, 3});
        assertThat(RtpPacket.decode(p.encode(), p.encode().length)).contains(p);
        byte[] rtcp = {(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0};
        assertThat(RtpPacket.decode(rtcp, rtcp.length)).isEmpty();
        assertThat(RtpPacket.decode(new byte[] {0x40, 0, 0}, 3)).isEmpty();
    }

    @Test
    void aKeyPressIsReportedOnceThoughItsEndIsRepeatedAndOnceWhenItsEndIsLost() {
        KeyPresses keys = new KeyPresses();
        StringBuilder typed = new StringBuilder();
        for (int d = 160; d <= 800; d += 160) {
            typed.append(keys.accept(1000, new TelephoneEvent(1, false, 10, d)));
        }
        for (int i = 0; i < 3; i++) {
            typed.append(keys.accept(1000, new TelephoneEvent(1, true, 10, 800)));
        }
        // the press of 5 loses every end packet; the # after it shows it ended
        typed.append(keys.accept(5000, new TelephoneEvent(5, false, 10, 160)));
        typed.append(keys.accept(9000, new TelephoneEvent(11, false, 10, 160)));
        typed.append(keys.accept(9000, new TelephoneEvent(11, true, 10, 480)));
        typed.append(keys.flush());
        // a sender replaying one recorded press twice (SIPp's pcaps) reuses its timestamp: each start is a press,
        // a late packet of the ended press is not
        typed.append(keys.accept(7000, new TelephoneEvent(9, false, 10, 0)));
        typed.append(keys.accept(7000, new TelephoneEvent(9, true, 10, 1120)));
        typed.append(keys.accept(7000, new TelephoneEvent(9, false, 10, 640)));
        typed.append(keys.accept(7000, new TelephoneEvent(9, false, 10, 0)));
        typed.append(keys.accept(7000, new TelephoneEvent(9, true, 10, 1120)));
        typed.append(keys.accept(7000, new TelephoneEvent(9, true, 10, 1120)));
        assertThat(typed).hasToString("15#99");
        assertThat(TelephoneEvent.decode(new TelephoneEvent(11, true, 10, 800).encode()).orElseThrow().key()).contains('#');
    }

    @Test
    void inBandTonesAreDetectedOncePerPressAndSpeechLikeSoundIsNot() {
        ToneDetector d = new ToneDetector();
        StringBuilder heard = new StringBuilder();
        for (char key : "159#".toCharArray()) {
            short[] tone = dtmf(key, 800);
            heard.append(d.accept(tone, 0, tone.length));
            short[] gap = new short[800];
            heard.append(d.accept(gap, 0, gap.length));
        }
        assertThat(heard).hasToString("159#");
        // a vowel-like sound: a 200 Hz voice with its harmonics carries energy at many frequencies
        short[] vowel = new short[8000];
        for (int i = 0; i < vowel.length; i++) {
            double v = 0;
            for (int h = 1; h <= 15; h++) {
                v += Math.sin(2 * Math.PI * 200 * h * i / 8000.0) / h;
            }
            vowel[i] = (short) (6000 * v);
        }
        assertThat(new ToneDetector().accept(vowel, 0, vowel.length)).isEmpty();
    }

    @Test
    void theJitterBufferPutsLateAndReorderedPacketsInPlaceAndPlaysGapsAsSilence() {
        PlayoutBuffer b = new PlayoutBuffer(480);
        short[] one = filled(160, (short) 1);
        short[] two = filled(160, (short) 2);
        short[] three = filled(160, (short) 3);
        b.put(10_000, one, 160);
        b.put(10_320, three, 160); // out of order
        b.put(10_160, two, 160);
        short[] out = new short[160];
        for (int i = 0; i < 3; i++) {
            b.take(out, 160); // the 60 ms delay
            assertThat(out).containsOnly((short) 0);
        }
        b.take(out, 160);
        assertThat(out).containsOnly((short) 1);
        b.take(out, 160);
        assertThat(out).containsOnly((short) 2);
        b.take(out, 160);
        assertThat(out).containsOnly((short) 3);
        b.take(out, 160);
        assertThat(out).as("nothing arrived for this: silence").containsOnly((short) 0);
        b.put(10_000, one, 160);
        assertThat(b.late()).as("a packet after its time to play").isEqualTo(1);
    }

    @Test
    void receptionFiguresCountLossDuplicatesAndJitterAcrossTheSequenceWrap() {
        ReceptionStats s = new ReceptionStats();
        long arrival = 0;
        for (int i = 0; i < 100; i++) {
            int seq = (65500 + i) & 0xFFFF;
            if (i == 50 || i == 51) {
                continue; // lost
            }
            arrival += 160 + (i % 2 == 0 ? 16 : -16); // 2 ms either way
            s.accept(seq, 160L * i, arrival);
            if (i == 70) {
                s.accept(seq, 160L * i, arrival);
            }
        }
        ReceptionStats.Report r = s.report();
        assertThat(r.expected()).isEqualTo(100);
        assertThat(r.lost()).isEqualTo(2);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.jitter()).as("in samples: about 16 (2 ms) either way, smoothed").isBetween(10.0, 30.0);
    }

    @Test
    void theAnswerChoosesTheFirstCommonCodecAndFindsTheEventsType() {
        String answer = "v=0\r\no=x 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 18 0 96\r\na=rtpmap:18 G729/8000\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:96 telephone-event/8000\r\n";
        Sdp.Answer a = Sdp.answer(answer, List.of(G711.PCMA, G711.PCMU));
        assertThat(a.codec()).isEqualTo(G711.PCMU);
        assertThat(a.eventType()).isEqualTo(96);
        assertThat(a.media().getPort()).isEqualTo(40000);
        assertThat(a.media().getHostString()).isEqualTo("10.0.0.1");
        assertThatThrownBy(() -> Sdp.answer(answer.replace(" 18 0 96", " 18"), List.of(G711.PCMA, G711.PCMU)))
                .isInstanceOf(Sdp.Unusable.class).hasMessageContaining("none of the codecs");
        assertThatThrownBy(() -> Sdp.answer(answer.replace("m=audio 40000", "m=audio 0"), List.of(G711.PCMA)))
                .isInstanceOf(Sdp.Unusable.class).hasMessageContaining("no audio");
        String offer = Sdp.offer("192.0.2.1", 30000, 7, List.of(G711.PCMA, G711.PCMU), 101);
        assertThat(offer).contains("m=audio 30000 RTP/AVP 8 0 101\r\n").contains("a=rtpmap:101 telephone-event/8000");
    }

    static short[] dtmf(char key, int samples) {
        double[] rows = {697, 770, 852, 941};
        double[] cols = {1209, 1336, 1477, 1633};
        String[] keys = {"123A", "456B", "789C", "*0#D"};
        int r = 0;
        int c = 0;
        for (int i = 0; i < 4; i++) {
            if (keys[i].indexOf(key) >= 0) {
                r = i;
                c = keys[i].indexOf(key);
            }
        }
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (6000 * Math.sin(2 * Math.PI * rows[r] * i / 8000) + 6000 * Math.sin(2 * Math.PI * cols[c] * i / 8000));
        }
        return s;
    }

    static short[] filled(int n, short v) {
        short[] s = new short[n];
        java.util.Arrays.fill(s, v);
        return s;
    }
}
