package io.candor.telephony.media;

/**
 * How late packets left against their 20 ms slots: a histogram in 0.1 ms bins up to 100 ms (later ones counted in
 * the last bin), for the send-time jitter of calls. Written by one thread (the media clock); read after.
 */
public final class SendLateness {

    private static final long BIN_NANOS = 100_000L;
    private final long[] bins = new long[1001];
    private long count;

    /** One packet sent {@code nanos} after its slot (negative: early, counted as on time). */
    public void record(long nanos) {
        int bin = (int) Math.min(bins.length - 1, Math.max(0, nanos / BIN_NANOS));
        bins[bin]++;
        count++;
    }

    public long count() {
        return count;
    }

    /** The lateness in ms below which a share {@code q} of the packets left. */
    public double quantileMs(double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= rank && seen > 0) {
                return (i + 1) * BIN_NANOS / 1e6;
            }
        }
        return 0;
    }

    /** How many packets left more than {@code ms} after their slot. */
    public long laterThan(double ms) {
        int from = (int) Math.ceil(ms * 1e6 / BIN_NANOS);
        long n = 0;
        for (int i = Math.min(from, bins.length - 1); i < bins.length; i++) {
            n += bins[i];
        }
        return n;
    }

    /** A copy of the figures so far. */
    public SendLateness copy() {
        SendLateness c = new SendLateness();
        System.arraycopy(bins, 0, c.bins, 0, bins.length);
        c.count = count;
        return c;
    }

    /** Forgets what was recorded (the start of a measured window). */
    public void reset() {
        java.util.Arrays.fill(bins, 0);
        count = 0;
    }
}
