package io.candor.telephony.media;

/**
 * What RFC 3550 has a receiver keep of one RTP source (appendix A.1, A.3, A.8): the highest sequence number with its
 * wrap count (restarting, with the figures so far kept, when the sender jumps to a new stream), packets received, the interarrival jitter (in timestamp units, smoothed by 1/16), and from them the
 * packets expected and lost. Duplicates count as received, as in the RFC; they are counted apart as well.
 */
public final class ReceptionStats {

    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private boolean started;
    private int baseSeq;
    private int maxSeq;
    private long cycles;
    private long received;
    private long duplicates;
    private double jitter;
    private long lastTransit;
    private boolean haveTransit;
    private int lastSeq = -1;
    private long earlierExpected;

    /**
     * Counts a packet that arrived at {@code arrival} (in timestamp units of the sender's clock rate, e.g. samples at
     * 8 kHz since any fixed point).
     */
    public synchronized void accept(int seq, long timestamp, long arrival) {
        if (!started) {
            started = true;
            baseSeq = seq;
            maxSeq = seq;
        } else {
            int delta = (seq - maxSeq) & 0xFFFF;
            if (delta == 0 || seq == lastSeq) {
                duplicates++;
            } else if (delta < MAX_DROPOUT) {
                if (seq < maxSeq) {
                    cycles += 0x10000;
                }
                maxSeq = seq;
            } else if (delta <= 0x10000 - MAX_MISORDER) {
                // a jump: a new stream from the same source (a restarted sender, a new recording); the figures
                // so far are kept and counting restarts from it
                earlierExpected += cycles + maxSeq - baseSeq + 1;
                baseSeq = seq;
                maxSeq = seq;
                cycles = 0;
            }
        }
        lastSeq = seq;
        received++;
        long transit = arrival - timestamp;
        if (haveTransit) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    /** The figures so far. */
    public synchronized Report report() {
        long expected = started ? earlierExpected + cycles + maxSeq - baseSeq + 1 : 0;
        long lost = Math.max(0, expected - (received - duplicates));
        return new Report(received, duplicates, expected, lost, jitter);
    }

    /** Received and duplicate packets, expected and lost, interarrival jitter in timestamp units. */
    public record Report(long received, long duplicates, long expected, long lost, double jitter) {
        public double lossFraction() {
            return expected == 0 ? 0 : (double) lost / expected;
        }
    }
}
