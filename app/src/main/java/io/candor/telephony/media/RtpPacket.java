package io.candor.telephony.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * One RTP packet (RFC 3550): version 2, no padding or header extension written; on reading, CSRCs, an extension
 * and padding are skipped. Sequence numbers are 16-bit and timestamps 32-bit, both unsigned and wrapping.
 */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {

    public static final int HEADER = 12;

    public RtpPacket {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not 0..127");
        }
        sequence &= 0xFFFF;
        timestamp &= 0xFFFF_FFFFL;
        ssrc &= 0xFFFF_FFFFL;
    }

    public byte[] encode() {
        byte[] b = new byte[HEADER + payload.length];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        b[2] = (byte) (sequence >> 8);
        b[3] = (byte) sequence;
        putInt(b, 4, timestamp);
        putInt(b, 8, ssrc);
        System.arraycopy(payload, 0, b, HEADER, payload.length);
        return b;
    }

    /** The packet in {@code len} bytes of {@code b}, or empty when they are not RTP version 2 (e.g. RTCP, STUN). */
    public static Optional<RtpPacket> decode(byte[] b, int len) {
        if (len < HEADER || (b[0] & 0xC0) != 0x80) {
            return Optional.empty();
        }
        int pt = b[1] & 0x7F;
        if (pt >= 72 && pt <= 76) {
            return Optional.empty(); // RTCP sent to the same port (RFC 5761)
        }
        int offset = HEADER + 4 * (b[0] & 0x0F);
        if ((b[0] & 0x10) != 0) {
            if (len < offset + 4) {
                return Optional.empty();
            }
            offset += 4 + 4 * (((b[offset + 2] & 0xFF) << 8) | (b[offset + 3] & 0xFF));
        }
        int end = len;
        if ((b[0] & 0x20) != 0 && len > offset) {
            end -= b[len - 1] & 0xFF;
        }
        if (end < offset) {
            return Optional.empty();
        }
        return Optional.of(new RtpPacket(pt, (b[1] & 0x80) != 0, ((b[2] & 0xFF) << 8) | (b[3] & 0xFF), getInt(b, 4),
                getInt(b, 8), Arrays.copyOfRange(b, offset, end)));
    }

    /** Writes the low 32 bits of {@code v} big-endian (network order) at {@code at}. */
    public static void putInt(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }

    /** Reads 32 bits big-endian (network order) at {@code at}, unsigned. */
    public static long getInt(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket p && p.payloadType == payloadType && p.marker == marker && p.sequence == sequence
                && p.timestamp == timestamp && p.ssrc == ssrc && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + sequence;
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequence + ", ts=" + timestamp + ", " + payload.length + " bytes]";
    }
}
