package io.candor.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A collection scorecard (C卡): binned features with weights of evidence, chosen by information value, a
 * logistic regression on the WOEs, and points scaled so that {@code basePoints} stand for odds of
 * {@code baseOdds} good to one bad and every {@code pointsToDouble} more points double the odds. Higher is better.
 * Every score comes with reason codes: the features whose bins cost the most points against their best bin.
 */
public record Scorecard(List<Binning> features, double[] beta, Scaling scaling, List<Binning> rejected) {

    /** Points scaling. */
    public record Scaling(double basePoints, double baseOdds, double pointsToDouble) {
        public static final Scaling DEFAULT = new Scaling(600, 50, 20);

        double factor() {
            return pointsToDouble / Math.log(2);
        }

        double offset() {
            return basePoints - factor() * Math.log(baseOdds);
        }
    }

    /** Features with information value below this say too little to keep. */
    public static final double MIN_IV = 0.02;
    /** The most features a scorecard keeps, by information value. */
    public static final int MAX_FEATURES = 20;
    /** Reason codes given with a score. */
    public static final int REASONS = 4;

    /** A reason: the feature, its bin, and the points it costs against the feature's best bin. */
    public record Reason(String feature, String bin, double pointsLost) {
    }

    /** A score: points, probability of bad, and the reasons. */
    public record Score(double points, double probability, List<Reason> reasons) {
    }

    public static Scorecard train(Dataset data, Scaling scaling) {
        List<Binning> all = new ArrayList<>();
        for (Dataset.Column c : data.columns()) {
            all.add(Binning.of(c, data.bad()));
        }
        List<Binning> kept = new ArrayList<>(all.stream().filter(b -> b.iv() >= MIN_IV && b.woe().length > 1)
                .sorted(Comparator.comparingDouble(Binning::iv).reversed()).limit(MAX_FEATURES).toList());
        if (kept.isEmpty()) {
            throw new DataException("No feature has an information value of " + MIN_IV + " or more: nothing in the "
                    + "file tells bad from good. Check the target column.");
        }
        int[][] bins = new int[all.size()][];
        for (int j = 0; j < all.size(); j++) {
            bins[j] = all.get(j).bins(data.columns().get(j));
        }
        while (true) {
            double[][] x = new double[data.rows()][kept.size()];
            for (int k = 0; k < kept.size(); k++) {
                Binning b = kept.get(k);
                int[] col = bins[all.indexOf(b)];
                for (int i = 0; i < x.length; i++) {
                    x[i][k] = b.woe()[col[i]];
                }
            }
            double[] beta = LogisticRegression.fit(x, data.bad());
            // a higher WOE means more goods, so every coefficient on P(bad) must be negative; a positive one is
            // collinearity at work: drop the worst and refit
            int wrong = -1;
            for (int k = 0; k < kept.size(); k++) {
                if (beta[k + 1] > 0 && (wrong < 0 || beta[k + 1] > beta[wrong + 1])) {
                    wrong = k;
                }
            }
            if (wrong < 0 || kept.size() == 1) {
                List<Binning> rejected = all.stream().filter(b -> !kept.contains(b)).toList();
                return new Scorecard(List.copyOf(kept), beta, scaling, rejected);
            }
            kept.remove(wrong);
        }
    }

    /** Each feature's bin for every row of a table with the training columns (by name). */
    public int[][] bins(Dataset data) {
        int[][] out = new int[features.size()][];
        for (int k = 0; k < features.size(); k++) {
            Binning b = features.get(k);
            Dataset.Column column = data.columns().stream().filter(c -> c.name().equals(b.feature())).findFirst()
                    .orElseThrow(() -> new DataException("The data has no column '" + b.feature()
                            + "', which the scorecard uses."));
            out[k] = b.bins(column);
        }
        return out;
    }

    /**
     * Each feature's bin for one row given by name: numbers for numeric features (null or NaN: missing), text for
     * categorical ones (null: missing).
     */
    public int[] bins(Function<String, @Nullable Object> row) {
        int[] out = new int[features.size()];
        for (int k = 0; k < out.length; k++) {
            Binning b = features.get(k);
            Object v = row.apply(b.feature());
            out[k] = b.numeric() ? b.bin(v instanceof Number n ? n.doubleValue() : Double.NaN)
                    : b.bin(v == null ? null : v.toString());
        }
        return out;
    }

    /** P(bad) for every row. */
    public double[] probabilities(Dataset data) {
        int[][] bins = bins(data);
        double[] p = new double[data.rows()];
        int[] row = new int[features.size()];
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < row.length; k++) {
                row[k] = bins[k][i];
            }
            p[i] = probability(row);
        }
        return p;
    }

    /** P(bad) of one row given as each feature's bin. */
    public double probability(int[] bins) {
        double z = beta[0];
        for (int k = 0; k < bins.length; k++) {
            z += beta[k + 1] * features.get(k).woe()[bins[k]];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Points of feature {@code k}'s bin {@code bin}. */
    public double points(int k, int bin) {
        return -scaling.factor() * beta[k + 1] * features.get(k).woe()[bin];
    }

    /** Points every account starts with: the scaled intercept. */
    public double basePoints() {
        return scaling.offset() - scaling.factor() * beta[0];
    }

    public Score score(int[] bins) {
        double points = basePoints();
        List<Reason> reasons = new ArrayList<>();
        for (int k = 0; k < bins.length; k++) {
            double mine = points(k, bins[k]);
            points += mine;
            double best = mine;
            for (int b = 0; b < features.get(k).woe().length; b++) {
                best = Math.max(best, points(k, b));
            }
            if (best - mine > 1e-9) {
                reasons.add(new Reason(features.get(k).feature(), features.get(k).labels().get(bins[k]), best - mine));
            }
        }
        reasons.sort(Comparator.comparingDouble(Reason::pointsLost).reversed());
        return new Score(points, probability(bins), List.copyOf(reasons.subList(0, Math.min(REASONS, reasons.size()))));
    }
}
