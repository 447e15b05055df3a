package io.candor.telephony.media;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps keypad tones out of a call's recording: what a debtor keys in-band (a card number, a PIN, digits passed
 * through to the collector) must never be replayable from the record. Frames pass through a short delay line; a frame
 * in which either side carries a DTMF pair (the {@link ToneDetector}'s test on the frame itself) is masked, with the
 * frame before it (a tone's onset straddles frames) and the two after (its tail and the key's release). The delay
 * costs the recording 40 ms, never the call. Not thread-safe: one recording's writer owns it.
 */
public final class KeyToneMask {

    /** One frame of both sides, and whether it goes into the record as silence. */
    public record Frame(short[] debtor, short[] candor, boolean masked) {
    }

    private static final int DELAY = 2;
    private static final int AFTER = 2;

    private static final class Slot {
        final short[] debtor;
        final short[] candor;
        boolean masked;

        Slot(short[] debtor, short[] candor, boolean masked) {
            this.debtor = debtor;
            this.candor = candor;
            this.masked = masked;
        }
    }

    private final Deque<Slot> line = new ArrayDeque<>();
    private int hangover;
    private long masked;

    /**
     * Takes the next frame of each side ({@code secret}: masked whatever it carries, as the seconds a debtor keys an
     * identity check); returns the frame that leaves the delay line, if one does.
     */
    public List<Frame> push(short[] debtor, short[] candor, boolean secret) {
        boolean tone = ToneDetector.detect(debtor) != 0 || ToneDetector.detect(candor) != 0;
        if (tone) {
            line.forEach(s -> s.masked = true); // the onset, in the frame before
            hangover = AFTER;
        }
        boolean mask = secret || tone || hangover > 0;
        if (!tone && hangover > 0) {
            hangover--;
        }
        line.addLast(new Slot(debtor, candor, mask));
        List<Frame> out = new ArrayList<>(1);
        while (line.size() > DELAY) {
            out.add(leave(line.removeFirst()));
        }
        return out;
    }

    /** The frames still in the delay line, at the recording's end. */
    public List<Frame> flush() {
        List<Frame> out = new ArrayList<>(line.size());
        while (!line.isEmpty()) {
            out.add(leave(line.removeFirst()));
        }
        return out;
    }

    /** How many frames were masked so far. */
    public long maskedFrames() {
        return masked;
    }

    private Frame leave(Slot s) {
        if (s.masked) {
            masked++;
        }
        return new Frame(s.debtor, s.candor, s.masked);
    }
}
