package io.candor.dialer.pacing;

import java.util.Arrays;

/**
 * The last few hundred durations of something collectors do (a call's talk, a wrap-up), for the chance that one now
 * going on for {@code elapsed} seconds ends within the next {@code horizon}: from what was measured, not from an
 * assumed shape. Before enough are measured, a memoryless guess from the mean.
 */
final class RecentDurations {

    private static final int KEEP = 400;
    private static final int ENOUGH = 30;

    private final double[] seconds = new double[KEEP];
    private double[] sorted = new double[0];
    private boolean stale;
    private int count;
    private int next;
    private final double priorMean;

    RecentDurations(double priorMean) {
        this.priorMean = priorMean;
    }

    void add(double s) {
        seconds[next] = s;
        next = (next + 1) % KEEP;
        count = Math.min(KEEP, count + 1);
        stale = true;
    }

    double mean() {
        if (count == 0) {
            return priorMean;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += seconds[i];
        }
        return sum / count;
    }

    private void sort() {
        if (stale) {
            sorted = Arrays.copyOf(seconds, count);
            Arrays.sort(sorted);
            stale = false;
        }
    }

    /** P(ends within {@code horizon} | it has lasted {@code elapsed}). */
    double endsWithin(double elapsed, double horizon) {
        if (count < ENOUGH) {
            return 1 - Math.exp(-horizon / Math.max(1, mean()));
        }
        sort();
        int longer = count - upper(elapsed);
        if (longer == 0) {
            return 1 - Math.exp(-horizon / Math.max(1, mean() / 4)); // past every one measured: ending any moment
        }
        int endBy = upper(elapsed + horizon) - upper(elapsed);
        return (double) endBy / longer;
    }

    /** How many measured durations are at most {@code s}. */
    private int upper(double s) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
