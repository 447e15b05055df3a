package io.candor.telephony.media;

import java.util.ArrayDeque;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Where the far end's utterances begin and end in a call's incoming audio, one 20 ms frame at a time, by loudness:
 * a frame is voiced when it is louder than a floor and than three times the line's own noise; an utterance begins
 * when eight of the last ten frames were voiced (a click or a cough of one frame does not stop the agent's prompt)
 * and ends after {@link #END_SILENCE_MS} without voice, or at {@link #LONGEST_MS}. An ended utterance carries its
 * samples from a little before it began, so the recogniser hears its first sound whole.
 */
public final class Utterances {

    /** A change in the far end's speaking. */
    public sealed interface Event {
    }

    /** The far end began to speak, {@code atMs} into the audio. */
    public record Began(long atMs) implements Event {
    }

    /** The far end stopped: what it said, from {@code beganMs} into the audio. */
    public record Ended(long beganMs, short[] samples) implements Event {
    }

    static final int FRAME_MS = 20;
    static final int VOICE_RMS = 300;
    static final int END_SILENCE_MS = 700;
    static final int LONGEST_MS = 12_000;
    private static final int WINDOW = 10;
    private static final int VOICED_TO_BEGIN = 8;
    private static final int LEAD_FRAMES = 15;

    private final ArrayDeque<short[]> recent = new ArrayDeque<>();
    private final boolean[] window = new boolean[WINDOW];
    private int frames;
    private double noise = VOICE_RMS / 3.0;
    private short @Nullable [] speech;
    private int length;
    private long began;
    private int silentMs;

    /** Takes the next frame; returns what changed, or null. */
    public @Nullable Event accept(short[] frame) {
        long at = (long) frames * FRAME_MS;
        double level = AnsweringMachines.rms(frame);
        boolean voiced = level > Math.max(VOICE_RMS, noise * 3);
        if (!voiced) {
            noise = noise * 0.95 + level * 0.05;
        }
        window[frames % WINDOW] = voiced;
        frames++;
        if (speech == null) {
            recent.addLast(frame.clone());
            if (recent.size() > LEAD_FRAMES) {
                recent.removeFirst();
            }
            if (count() < VOICED_TO_BEGIN) {
                return null;
            }
            began = at - (long) (recent.size() - 1) * FRAME_MS;
            speech = new short[8000 * LONGEST_MS / 1000 + frame.length * LEAD_FRAMES];
            length = 0;
            for (short[] f : recent) {
                append(f);
            }
            recent.clear();
            silentMs = 0;
            return new Began(began);
        }
        append(frame);
        silentMs = voiced ? 0 : silentMs + FRAME_MS;
        if (silentMs >= END_SILENCE_MS || at + FRAME_MS - began >= LONGEST_MS) {
            return end();
        }
        return null;
    }

    /** The audio ended: an utterance going on ends with it; null when none was. */
    public @Nullable Ended flush() {
        return speech == null ? null : end();
    }

    private Ended end() {
        short[] said = Arrays.copyOf(speech == null ? new short[0] : speech, length);
        speech = null;
        Arrays.fill(window, false);
        return new Ended(began, said);
    }

    private int count() {
        int n = 0;
        for (boolean v : window) {
            n += v ? 1 : 0;
        }
        return n;
    }

    private void append(short[] frame) {
        short[] s = speech;
        if (s == null) {
            return;
        }
        int n = Math.min(frame.length, s.length - length);
        System.arraycopy(frame, 0, s, length, n);
        length += n;
    }
}
