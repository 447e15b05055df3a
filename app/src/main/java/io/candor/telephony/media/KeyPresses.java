package io.candor.telephony.media;

import java.util.Optional;

/**
 * Turns the telephone-event packets of a call into key presses, once each: a press is recognised at its first
 * packet with the end bit (RFC 4733 repeats the end packet three times, and a press whose end packets were all lost
 * is recognised when the next press begins), so retransmissions and duplicates never type a key twice; a press that
 * begins again on the same timestamp after it ended is a new press.
 */
public final class KeyPresses {

    private long current = -1;
    private boolean reported = true;
    private char pending;

    /** The keys this packet completes, in order: none, one, or two (a press that lost its end, then this one). */
    public String accept(long timestamp, TelephoneEvent e) {
        Optional<Character> key = e.key();
        if (key.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(2);
        // the same timestamp beginning again after its end: a new press by a sender that reuses timestamps (a
        // replayed recording); a late packet of the ended press would not have under one frame of duration
        boolean again = timestamp == current && reported && !e.end() && e.duration() < 160;
        if (timestamp != current || again) {
            if (!reported) {
                out.append(pending);
            }
            current = timestamp;
            reported = false;
            pending = key.get();
        }
        if (e.end() && !reported) {
            reported = true;
            out.append(pending);
        }
        return out.toString();
    }

    /** The key of a press still held when the call ended without its end packet. */
    public String flush() {
        if (reported) {
            return "";
        }
        reported = true;
        return String.valueOf(pending);
    }
}
