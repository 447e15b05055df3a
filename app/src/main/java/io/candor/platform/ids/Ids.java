package io.candor.platform.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562): unique without coordination, and new rows land at
 * the end of their B-tree index, which keeps bulk inserts fast and lets ids serve as a cursor order.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private Ids() {
    }

    public static UUID newId() {
        return newId(Clock.systemUTC().millis());
    }

    /**
     * Within one millisecond the 12-bit {@code rand_a} field counts up from a random start (RFC 9562, method 1),
     * so ids made by this process sort in the order they were made.
     */
    static synchronized UUID newId(long epochMillis) {
        if (epochMillis > lastMillis) {
            lastMillis = epochMillis;
            sequence = RANDOM.nextInt(0x800);
        } else if (++sequence > 0xFFF) {
            lastMillis++;
            sequence = 0;
        }
        long msb = (lastMillis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
