package io.candor.telephony.media;

/**
 * In-band DTMF detection (Goertzel) for phones and gateways that send keys as tones rather than RFC 4733 events: the
 * energy at the four row and four column frequencies in 205-sample blocks at 8 kHz; a key is the strongest row and
 * column, each well above the other frequencies of its group, the pair with a twist within 8 dB, and the two tones
 * carrying most of the block's energy (speech spreads its energy; a key does not). A key is reported once, after two
 * blocks in a row agree, and again only after a block without it.
 */
public final class ToneDetector {

    private static final double[] ROWS = {697, 770, 852, 941};
    private static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final String[] KEYS = {"123A", "456B", "789C", "*0#D"};
    static final int BLOCK = 205;
    private static final double[] ROW_COEFF = coefficients(ROWS);
    private static final double[] COL_COEFF = coefficients(COLUMNS);
    /** Below this mean square (about -45 dBm0 of 16-bit audio) a block is silence. */
    private static final double FLOOR = 4.0e4;

    private final short[] block = new short[BLOCK];
    private int filled;
    private char candidate;
    private char held;

    private static double[] coefficients(double[] freqs) {
        double[] c = new double[freqs.length];
        for (int i = 0; i < freqs.length; i++) {
            c[i] = 2 * Math.cos(2 * Math.PI * freqs[i] / 8000.0);
        }
        return c;
    }

    /** Feeds samples; returns the keys recognised in them (usually none). */
    public String accept(short[] samples, int off, int len) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < len; i++) {
            block[filled++] = samples[off + i];
            if (filled == BLOCK) {
                filled = 0;
                char key = detect(block);
                if (key != 0 && key == candidate && held != key) {
                    held = key;
                    out.append(key);
                } else if (key == 0 && candidate == 0) {
                    held = 0;
                }
                candidate = key;
            }
        }
        return out.toString();
    }

    static char detect(short[] b) {
        double energy = 0;
        for (short s : b) {
            energy += (double) s * s;
        }
        if (energy / b.length < FLOOR) {
            return 0;
        }
        double[] rows = powers(b, ROW_COEFF);
        double[] cols = powers(b, COL_COEFF);
        int r = strongest(rows);
        int c = strongest(cols);
        if (!dominates(rows, r) || !dominates(cols, c)) {
            return 0;
        }
        double twist = rows[r] / cols[c];
        if (twist > 6.3 || twist < 1 / 6.3) { // 8 dB either way
            return 0;
        }
        // a Goertzel power of a pure tone of amplitude A over N samples is about (A N / 2)^2; the block's energy is
        // A^2 N / 2, so the two tones' share of the energy is 2 (P_r + P_c) / (N energy)
        double share = 2 * (rows[r] + cols[c]) / (b.length * energy);
        if (share < 0.6) {
            return 0;
        }
        return KEYS[r].charAt(c);
    }

    private static double[] powers(short[] b, double[] coeff) {
        double[] p = new double[coeff.length];
        for (int k = 0; k < coeff.length; k++) {
            double s1 = 0;
            double s2 = 0;
            for (short x : b) {
                double s = x + coeff[k] * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            p[k] = s1 * s1 + s2 * s2 - coeff[k] * s1 * s2;
        }
        return p;
    }

    private static int strongest(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static boolean dominates(double[] p, int best) {
        for (int i = 0; i < p.length; i++) {
            if (i != best && p[i] * 6.3 > p[best]) { // each other tone at least 8 dB weaker
                return false;
            }
        }
        return true;
    }
}
