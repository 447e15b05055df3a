package io.candor.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The challenger: gradient-boosted trees (XGBoost, histogram method) on the same columns as the scorecard —
 * numbers as they are with missing left missing (XGBoost learns where they go), categories one-hot over the
 * categories seen in training. Fixed, conservative settings for every dataset: not tuned to a split.
 */
public final class Gbdt implements AutoCloseable {

    /** The settings; documented in docs/scoring.md. */
    public static final Map<String, Object> PARAMS = Map.of("objective", "binary:logistic", "eta", 0.05,
            "max_depth", 3, "min_child_weight", 1.0, "subsample", 0.8, "colsample_bytree", 0.8, "lambda", 1.0,
            "tree_method", "hist", "nthread", Math.max(1, Runtime.getRuntime().availableProcessors()), "seed", 1);
    public static final int ROUNDS = 300;

    private final Encoding encoding;
    private final Booster booster;

    private Gbdt(Encoding encoding, Booster booster) {
        this.encoding = encoding;
        this.booster = booster;
    }

    /** Column → feature layout: numeric columns one feature each, categorical ones a feature per category. */
    public record Encoding(List<String> columns, Map<String, List<String>> categories, int width) {

        static Encoding of(Dataset data) {
            List<String> columns = new ArrayList<>();
            Map<String, List<String>> categories = new LinkedHashMap<>();
            int width = 0;
            for (Dataset.Column c : data.columns()) {
                columns.add(c.name());
                if (c instanceof Dataset.Column.Categorical k) {
                    List<String> seen = Arrays.stream(k.values()).filter(Objects::nonNull)
                            .distinct().sorted().toList();
                    categories.put(c.name(), seen);
                    width += seen.size();
                } else {
                    width++;
                }
            }
            return new Encoding(columns, categories, width);
        }

        float[] matrix(Dataset data) {
            float[] m = new float[data.rows() * width];
            int offset = 0;
            for (String name : columns) {
                Dataset.Column c = data.columns().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElseThrow(() -> new DataException("The data has no column '" + name + "', which the model uses."));
                switch (c) {
                    case Dataset.Column.Numeric n -> {
                        for (int i = 0; i < data.rows(); i++) {
                            m[i * width + offset] = (float) n.values()[i];
                        }
                        offset++;
                    }
                    case Dataset.Column.Categorical k -> {
                        List<String> seen = categories.getOrDefault(name, List.of());
                        for (int i = 0; i < data.rows(); i++) {
                            String v = k.values()[i];
                            for (int j = 0; j < seen.size(); j++) {
                                m[i * width + offset + j] = v == null ? Float.NaN : seen.get(j).equals(v) ? 1f : 0f;
                            }
                        }
                        offset += seen.size();
                    }
                }
            }
            return m;
        }
    }

    public static Gbdt train(Dataset data) {
        Encoding encoding = Encoding.of(data);
        try {
            DMatrix matrix = new DMatrix(encoding.matrix(data), data.rows(), encoding.width(), Float.NaN);
            try {
                float[] labels = new float[data.rows()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = data.bad()[i] ? 1f : 0f;
                }
                matrix.setLabel(labels);
                return new Gbdt(encoding, XGBoost.train(matrix, PARAMS, ROUNDS, Map.of(), null, null));
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
        }
    }

    /** P(bad) for every row. */
    public double[] probabilities(Dataset data) {
        try {
            DMatrix matrix = new DMatrix(encoding.matrix(data), data.rows(), encoding.width(), Float.NaN);
            try {
                float[][] p = booster.predict(matrix);
                double[] out = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    out[i] = p[i][0];
                }
                return out;
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        }
    }

    public Encoding encoding() {
        return encoding;
    }

    /** The model in XGBoost's own JSON format. */
    public byte[] modelJson() {
        try {
            return booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
