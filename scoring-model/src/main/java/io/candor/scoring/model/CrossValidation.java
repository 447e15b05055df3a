package io.candor.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * K-fold cross-validation of the scorecard and the challenger on the same stratified folds: each is trained on
 * k−1 folds (binning included, so nothing of the held-out fold leaks in) and measured on the fold it did not see.
 */
public final class CrossValidation {

    /** The seed of the folds, the same as the Weka peer's. */
    public static final long SEED = 1;

    /** One model's figures per fold and their means. */
    public record Result(double auc, double ks, double gini, double brier, List<Double> foldAuc, List<Double> foldKs) {
    }

    private CrossValidation() {
    }

    /** {@code {"scorecard": Result, "gbdt": Result}} on {@code k} folds. */
    public static Map<String, Result> evaluate(Dataset data, int k, long seed) {
        List<int[]> folds = Folds.stratified(data.bad(), k, seed);
        Map<String, Result> out = new LinkedHashMap<>();
        out.put("scorecard", run(data, folds, (train, test) -> Scorecard.train(train, Scorecard.Scaling.DEFAULT)
                .probabilities(test)));
        out.put("gbdt", run(data, folds, (train, test) -> {
            try (Gbdt model = Gbdt.train(train)) {
                return model.probabilities(test);
            }
        }));
        return out;
    }

    /**
     * Out-of-time validation: rows ordered by {@code timeColumn}, the earliest {@code 1 − testShare} train and the
     * latest are scored — how a model meets the future. The time column itself is not a feature.
     */
    public static Map<String, Result> outOfTime(Dataset data, String timeColumn, double testShare) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new DataException("The test share is between 0 and 1, e.g. 0.2.");
        }
        int[] order = data.orderBy(timeColumn);
        Dataset features = data.without(timeColumn);
        int cut = (int) Math.round(order.length * (1 - testShare));
        int[] test = Arrays.copyOfRange(order, cut, order.length);
        Arrays.sort(test);
        List<int[]> folds = List.of(test);
        Map<String, Result> out = new LinkedHashMap<>();
        out.put("scorecard", run(features, folds, (train, held) -> Scorecard.train(train, Scorecard.Scaling.DEFAULT)
                .probabilities(held)));
        out.put("gbdt", run(features, folds, (train, held) -> {
            try (Gbdt model = Gbdt.train(train)) {
                return model.probabilities(held);
            }
        }));
        return out;
    }

    /** Cross-validates any learner on given folds (the peer benchmark runs Weka through this). */
    public static Result run(Dataset data, List<int[]> folds, BiFunction<Dataset, Dataset, double[]> learner) {
        List<Double> auc = new ArrayList<>();
        List<Double> ks = new ArrayList<>();
        double gini = 0;
        double brier = 0;
        for (int[] heldOut : folds) {
            Dataset train = data.subset(Folds.rest(data.rows(), heldOut));
            Dataset test = data.subset(heldOut);
            double[] p = learner.apply(train, test);
            Metrics.Report r = Metrics.report(p, test.bad());
            auc.add(r.auc());
            ks.add(r.ks());
            gini += r.gini();
            brier += r.brier();
        }
        int n = folds.size();
        return new Result(mean(auc), mean(ks), gini / n, brier / n, List.copyOf(auc), List.copyOf(ks));
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
