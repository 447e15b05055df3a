package io.candor.telephony.media;

import org.jspecify.annotations.Nullable;

/**
 * Tells an answering machine from a person by the cadence of what the far end says after answering, one 20 ms frame
 * at a time: a person says a short "hello?" and waits; a machine's greeting runs on for seconds, word after word, or
 * it says nothing at first. (The thresholds are the classic ones of telephone answering-machine detection.) Frames
 * come from one thread; the verdict may be read from another.
 */
public final class AnsweringMachines {

    /** What the cadence showed. */
    public enum Verdict { HUMAN, MACHINE, NOT_SURE }

    static final int FRAME_MS = 20;
    static final int VOICE_RMS = 300;
    static final int INITIAL_SILENCE_MS = 2500;
    static final int LONGEST_GREETING_MS = 1500;
    static final int SILENCE_AFTER_GREETING_MS = 800;
    static final int SHORTEST_WORD_MS = 100;
    static final int SILENCE_BETWEEN_WORDS_MS = 60;
    static final int MOST_WORDS = 3;
    static final int LONGEST_ANALYSIS_MS = 5000;

    private int elapsed;
    private int silence;
    private int voiced;
    private int greeting;
    private int words;
    private boolean heardVoice;
    private boolean inWord;
    private volatile @Nullable Verdict verdict; // fed by the recording's thread, read by the call's

    /** Takes the next frame of the far end's audio; returns the verdict once there is one, else null. */
    public @Nullable Verdict accept(short[] frame) {
        if (verdict != null) {
            return verdict;
        }
        elapsed += FRAME_MS;
        boolean voice = rms(frame) > VOICE_RMS;
        if (voice) {
            heardVoice = true;
            voiced += FRAME_MS;
            silence = 0;
            if (!inWord && voiced >= SHORTEST_WORD_MS) {
                inWord = true;
                words++;
            }
        } else {
            silence += FRAME_MS;
            if (silence >= SILENCE_BETWEEN_WORDS_MS) {
                inWord = false;
                voiced = 0;
            }
        }
        if (heardVoice) {
            greeting += FRAME_MS;
        }
        if (!heardVoice && elapsed >= INITIAL_SILENCE_MS) {
            verdict = Verdict.MACHINE;
        } else if (words > MOST_WORDS || heardVoice && greeting - silence >= LONGEST_GREETING_MS) {
            verdict = Verdict.MACHINE;
        } else if (words > 0 && silence >= SILENCE_AFTER_GREETING_MS) {
            verdict = Verdict.HUMAN;
        } else if (elapsed >= LONGEST_ANALYSIS_MS) {
            verdict = Verdict.NOT_SURE;
        }
        return verdict;
    }

    public @Nullable Verdict verdict() {
        return verdict;
    }

    /** The root mean square of a frame's samples: its loudness. */
    static double rms(short[] f) {
        double sum = 0;
        for (short s : f) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, f.length));
    }
}
