package io.candor.telephony.media;

/**
 * The jitter buffer of the received audio: decoded samples are placed by their RTP timestamp and read out 20 ms at
 * a time, a fixed delay behind the newest packet seen at the start, so packets that arrive late (up to the delay)
 * or out of order still land in place; duplicates overwrite the same samples. A gap (packet lost or late) plays
 * as silence. When the sender's clock jumps (a new stream, a restarted sender), the buffer re-anchors.
 */
public final class PlayoutBuffer {

    private static final int CAPACITY = 8000; // one second at 8 kHz
    private final short[] ring = new short[CAPACITY];
    private final boolean[] filled = new boolean[CAPACITY];
    private final int delay;
    private long cursor = Long.MIN_VALUE; // the timestamp of the next sample to play, unwrapped
    private long lastUnwrapped;
    private long late;
    private long placed;

    /** @param delaySamples how far behind the first packet playout runs (e.g. 480 = 60 ms) */
    public PlayoutBuffer(int delaySamples) {
        if (delaySamples <= 0 || delaySamples >= CAPACITY / 2) {
            throw new IllegalArgumentException("delay must be between 1 and " + (CAPACITY / 2 - 1) + " samples");
        }
        this.delay = delaySamples;
    }

    /** Places decoded samples that start at RTP timestamp {@code timestamp}. */
    public synchronized void put(long timestamp, short[] samples, int len) {
        long ts = unwrap(timestamp);
        if (cursor == Long.MIN_VALUE || ts + len < cursor - CAPACITY / 2 || ts > cursor + CAPACITY - delay) {
            anchor(ts); // the first packet, or a jump of the sender's clock
        }
        if (ts + len <= cursor) {
            late++;
            return;
        }
        for (int i = 0; i < len; i++) {
            long at = ts + i;
            if (at < cursor || at >= cursor + CAPACITY) {
                continue;
            }
            int slot = (int) Math.floorMod(at, (long) CAPACITY);
            ring[slot] = samples[i];
            filled[slot] = true;
        }
        placed++;
    }

    /** The next {@code len} samples to play (silence where nothing arrived, and before the first packet). */
    public synchronized void take(short[] out, int len) {
        for (int i = 0; i < len; i++) {
            if (cursor == Long.MIN_VALUE) {
                out[i] = 0;
                continue;
            }
            int slot = (int) Math.floorMod(cursor, (long) CAPACITY);
            out[i] = filled[slot] ? ring[slot] : 0;
            filled[slot] = false;
            cursor++;
        }
    }

    /** Packets that came after their time to play had passed. */
    public synchronized long late() {
        return late;
    }

    public synchronized long placed() {
        return placed;
    }

    private void anchor(long ts) {
        java.util.Arrays.fill(filled, false);
        cursor = ts - delay;
    }

    /** Extends the 32-bit timestamp to 64 bits near the last one seen. */
    private long unwrap(long ts32) {
        if (cursor == Long.MIN_VALUE) {
            lastUnwrapped = ts32;
            return ts32;
        }
        long base = lastUnwrapped & ~0xFFFF_FFFFL;
        long candidate = base | ts32;
        if (candidate - lastUnwrapped > 0x8000_0000L) {
            candidate -= 0x1_0000_0000L;
        } else if (lastUnwrapped - candidate > 0x8000_0000L) {
            candidate += 0x1_0000_0000L;
        }
        lastUnwrapped = Math.max(lastUnwrapped, candidate);
        return candidate;
    }
}
