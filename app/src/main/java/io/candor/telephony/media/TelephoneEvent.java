package io.candor.telephony.media;

import java.util.Optional;

/**
 * An RFC 4733 telephone-event payload: the event (0–9, 10 = *, 11 = #, 12–15 = A–D), the end bit, the volume
 * (0 to -63 dBm0, as 0–63) and the duration in timestamp units. One key press is many packets with the same RTP
 * timestamp; its last three carry the end bit.
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    private static final String KEYS = "0123456789*#ABCD";

    public static Optional<TelephoneEvent> decode(byte[] payload) {
        if (payload.length < 4) {
            return Optional.empty();
        }
        return Optional.of(new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF)));
    }

    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | (volume & 0x3F)), (byte) (duration >> 8),
                (byte) duration};
    }

    /** The key this event stands for, if it is a DTMF key. */
    public Optional<Character> key() {
        return event < KEYS.length() ? Optional.of(KEYS.charAt(event)) : Optional.empty();
    }

    /** The event of a DTMF key. */
    public static int eventOf(char key) {
        int i = KEYS.indexOf(Character.toUpperCase(key));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key: " + key);
        }
        return i;
    }
}
