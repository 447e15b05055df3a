package io.candor.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Keypad tones never reach a recording: the frames carrying them are masked, speech around them is kept. */
class KeyToneMaskTests {

    private static final int FRAME = 160;

    @Test
    void theFramesOfAKeyedDigitAreMaskedAndTheSpeechAroundThemKept() {
        // a second of a 300 Hz voice, a 90 ms key 5 (770 + 1336 Hz) ending inside a frame, another second
        short[] debtor = concat(sine(300, 8000), dtmf(770, 1336, 720), sine(300, 8000));
        short[] silence = new short[debtor.length];
        KeyToneMask mask = new KeyToneMask();
        List<KeyToneMask.Frame> out = new ArrayList<>();
        for (int i = 0; i + FRAME <= debtor.length; i += FRAME) {
            out.addAll(mask.push(slice(debtor, i), slice(silence, i), false));
        }
        out.addAll(mask.flush());
        assertThat(out).hasSize(debtor.length / FRAME);
        short[] recorded = new short[debtor.length];
        for (int f = 0; f < out.size(); f++) {
            if (!out.get(f).masked()) {
                System.arraycopy(out.get(f).debtor(), 0, recorded, f * FRAME, FRAME);
            }
        }
        assertThat(new ToneDetector().accept(recorded, 0, recorded.length)).as("no key in the record").isEmpty();
        assertThat(new ToneDetector().accept(debtor, 0, debtor.length)).as("there was one").isEqualTo("5");
        // the tone spans frames 50-54; at most the frame before and two after it are masked too
        assertThat(mask.maskedFrames()).isBetween(5L, 8L);
        for (int f = 0; f < out.size(); f++) {
            if (f < 48 || f > 57) {
                assertThat(out.get(f).masked()).as("frame %d is speech", f).isFalse();
            }
        }
    }

    @Test
    void aKeyOnTheCollectorsSideIsMaskedTooAndSecretFramesAlwaysAre() {
        short[] voice = sine(300, 1600);
        short[] key = concat(new short[800], dtmf(941, 1477, 800));
        KeyToneMask mask = new KeyToneMask();
        List<KeyToneMask.Frame> out = new ArrayList<>();
        for (int i = 0; i + FRAME <= voice.length; i += FRAME) {
            out.addAll(mask.push(slice(voice, i), slice(key, i), i < 2 * FRAME));
        }
        out.addAll(mask.flush());
        assertThat(out.get(0).masked()).as("secret").isTrue();
        assertThat(out.get(1).masked()).as("secret").isTrue();
        assertThat(out.get(2).masked()).isFalse();
        assertThat(out.subList(5, 10)).allMatch(KeyToneMask.Frame::masked);
    }

    private static short[] sine(double hz, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (6000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }

    static short[] dtmf(double row, double column, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (5000 * Math.sin(2 * Math.PI * row * i / 8000) + 5000 * Math.sin(2 * Math.PI * column * i / 8000));
        }
        return s;
    }

    private static short[] concat(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static short[] slice(short[] x, int from) {
        short[] f = new short[FRAME];
        System.arraycopy(x, from, f, 0, FRAME);
        return f;
    }
}
