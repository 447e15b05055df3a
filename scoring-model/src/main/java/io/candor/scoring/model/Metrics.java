package io.candor.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well predicted probabilities of "bad" separate and match outcomes: AUC (ties counted half), KS, Gini, Brier,
 * a reliability table by predicted decile, and the population stability index between two score samples.
 */
public final class Metrics {

    /** One decile of predictions: how many, the mean prediction, the observed bad rate. */
    public record Reliability(int rows, double predicted, double observed) {
    }

    /** Discrimination and calibration of one set of predictions. */
    public record Report(double auc, double ks, double gini, double brier, List<Reliability> reliability) {
    }

    private Metrics() {
    }

    public static Report report(double[] p, boolean[] bad) {
        double auc = auc(p, bad);
        return new Report(auc, ks(p, bad), 2 * auc - 1, brier(p, bad), reliability(p, bad, 10));
    }

    /** Area under the ROC curve: the chance a random bad is scored riskier than a random good. */
    public static double auc(double[] p, boolean[] bad) {
        Integer[] order = sorted(p);
        double rankSum = 0;
        long bads = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (bad[order[k]]) {
                    rankSum += rank;
                    bads++;
                }
            }
            i = j + 1;
        }
        long goods = p.length - bads;
        if (bads == 0 || goods == 0) {
            return 0.5;
        }
        return (rankSum - bads * (bads + 1) / 2.0) / ((double) bads * goods);
    }

    /** Kolmogorov–Smirnov: the largest gap between the cumulative shares of bads and goods over the score. */
    public static double ks(double[] p, boolean[] bad) {
        Integer[] order = sorted(p);
        long bads = 0;
        for (boolean b : bad) {
            bads += b ? 1 : 0;
        }
        long goods = p.length - bads;
        if (bads == 0 || goods == 0) {
            return 0;
        }
        double best = 0;
        double cb = 0;
        double cg = 0;
        for (int i = 0; i < order.length; i++) {
            if (bad[order[i]]) {
                cb++;
            } else {
                cg++;
            }
            if (i + 1 == order.length || p[order[i + 1]] != p[order[i]]) {
                best = Math.max(best, Math.abs(cb / bads - cg / goods));
            }
        }
        return best;
    }

    public static double brier(double[] p, boolean[] bad) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (bad[i] ? 1 : 0);
            s += d * d;
        }
        return p.length == 0 ? 0 : s / p.length;
    }

    public static List<Reliability> reliability(double[] p, boolean[] bad, int groups) {
        Integer[] order = sorted(p);
        List<Reliability> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) g * order.length / groups);
            int to = (int) ((long) (g + 1) * order.length / groups);
            if (to <= from) {
                continue;
            }
            double predicted = 0;
            double observed = 0;
            for (int k = from; k < to; k++) {
                predicted += p[order[k]];
                observed += bad[order[k]] ? 1 : 0;
            }
            out.add(new Reliability(to - from, predicted / (to - from), observed / (to - from)));
        }
        return out;
    }

    /**
     * Population stability index of {@code actual} against {@code expected}, over the expected sample's deciles:
     * below 0.1 stable, 0.1–0.25 some shift, above 0.25 a shift that needs a look.
     */
    public static double psi(double[] expected, double[] actual) {
        double[] cuts = psiCuts(expected);
        long[] counts = new long[cuts.length + 1];
        for (double v : actual) {
            int k = Arrays.binarySearch(cuts, v);
            counts[k >= 0 ? k : -k - 1]++;
        }
        return psi(expected, counts);
    }

    /** The nine cut points (deciles of {@code expected}) that PSI buckets scores by. */
    public static double[] psiCuts(double[] expected) {
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[9];
        for (int k = 1; k < 10; k++) {
            cuts[k - 1] = sorted[Math.min(sorted.length - 1, (int) ((long) k * sorted.length / 10))];
        }
        return cuts;
    }

    /**
     * PSI from the actual scores already counted into the ten buckets of {@link #psiCuts} (bucket k: above cut k−1, up
     * to cut k) — for scores counted where they are stored, without loading them.
     */
    public static double psi(double[] expected, long[] actualCounts) {
        double[] cuts = psiCuts(expected);
        long[] expectedCounts = new long[cuts.length + 1];
        for (double v : expected) {
            int k = Arrays.binarySearch(cuts, v);
            expectedCounts[k >= 0 ? k : -k - 1]++;
        }
        double[] e = shares(expectedCounts);
        double[] a = shares(actualCounts);
        double psi = 0;
        for (int k = 0; k < e.length; k++) {
            psi += (a[k] - e[k]) * Math.log(a[k] / e[k]);
        }
        return psi;
    }

    private static double[] shares(long[] counts) {
        long n = Arrays.stream(counts).sum();
        double[] shares = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            shares[k] = (counts[k] + 0.5) / (n + 0.5 * counts.length); // no empty bucket
        }
        return shares;
    }

    private static Integer[] sorted(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }
}
