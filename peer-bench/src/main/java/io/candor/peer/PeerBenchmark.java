package io.candor.peer;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.candor.scoring.model.CrossValidation;
import io.candor.scoring.model.Dataset;
import io.candor.scoring.model.Folds;
import io.candor.scoring.model.Gbdt;
import io.candor.scoring.model.Scorecard;
import weka.classifiers.Classifier;
import weka.classifiers.functions.Logistic;
import weka.classifiers.trees.RandomForest;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * {@code java -jar peer-bench/target/candor-peer-bench.jar DATA_DIR [ROWS]}: on each shared dataset, 5-fold
 * cross-validated AUC and KS of Candor's scorecard and XGBoost challenger next to Weka 3's Logistic and
 * RandomForest (300 trees), all on the same stratified folds (seed 1); then scoring speed on ROWS rows (default
 * 1,000,000) made by repeating lending_club. Prints a Markdown table and one JSON line per figure.
 */
public final class PeerBenchmark {

    private record Target(String file, String column, String bad) {
    }

    private static final List<Target> TARGETS = List.of(new Target("german_credit.csv", "class", "bad"),
            new Target("credit_data.csv", "Status", "bad"), new Target("lending_club.csv", "Class", "bad"));

    private PeerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.println("| data | model | AUC | KS | fold AUCs |");
        System.out.println("|---|---|---|---|---|");
        Dataset lending = null;
        for (Target t : TARGETS) {
            Dataset data = read(dir.resolve(t.file()), t);
            if (t.file().startsWith("lending")) {
                lending = data;
            }
            List<int[]> folds = Folds.stratified(data.bad(), 5, CrossValidation.SEED);
            Map<String, CrossValidation.Result> results = new LinkedHashMap<>();
            results.put("Candor scorecard", CrossValidation.run(data, folds,
                    (train, test) -> Scorecard.train(train, Scorecard.Scaling.DEFAULT).probabilities(test)));
            results.put("Candor GBDT (XGBoost)", CrossValidation.run(data, folds, (train, test) -> {
                try (Gbdt g = Gbdt.train(train)) {
                    return g.probabilities(test);
                }
            }));
            results.put("Weka Logistic", CrossValidation.run(data, folds, (train, test) -> weka(new Logistic(), train, test)));
            results.put("Weka RandomForest (300)", CrossValidation.run(data, folds, (train, test) -> {
                RandomForest rf = new RandomForest();
                rf.setNumIterations(300);
                rf.setSeed(1);
                return weka(rf, train, test);
            }));
            results.forEach((model, r) -> {
                System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %s |%n", t.file(), model, r.auc(), r.ks(),
                        r.foldAuc().stream().map(a -> String.format(Locale.ROOT, "%.3f", a)).toList());
                System.out.printf(Locale.ROOT, "{\"data\":\"%s\",\"model\":\"%s\",\"auc\":%.4f,\"ks\":%.4f,\"gini\":%.4f,"
                        + "\"brier\":%.4f}%n", t.file(), model, r.auc(), r.ks(), r.gini(), r.brier());
            });
        }
        speed(lending, rows);
    }

    /** Trains on the whole of lending_club, then times scoring {@code rows} rows made by repeating it. */
    private static void speed(Dataset data, int rows) throws Exception {
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i % data.rows();
        }
        Dataset big = data.subset(index);
        Scorecard card = Scorecard.train(data, Scorecard.Scaling.DEFAULT);
        long start = System.nanoTime();
        double[] p = card.probabilities(big);
        double cardSeconds = (System.nanoTime() - start) / 1e9;
        double gbdtSeconds;
        try (Gbdt g = Gbdt.train(data)) {
            start = System.nanoTime();
            p = g.probabilities(big);
            gbdtSeconds = (System.nanoTime() - start) / 1e9;
        }
        Logistic logistic = new Logistic();
        Instances train = instances(data, data);
        logistic.buildClassifier(train);
        Instances all = instances(big, data);
        start = System.nanoTime();
        for (int i = 0; i < all.numInstances(); i++) {
            logistic.distributionForInstance(all.instance(i));
        }
        double wekaSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "{\"scoring\":{\"rows\":%d,\"cpus\":%d,\"scorecardSeconds\":%.2f,"
                + "\"scorecardRowsPerSecond\":%.0f,\"gbdtSeconds\":%.2f,\"gbdtRowsPerSecond\":%.0f,"
                + "\"wekaLogisticSeconds\":%.2f,\"wekaLogisticRowsPerSecond\":%.0f,\"checksum\":%.4f}}%n", rows,
                Runtime.getRuntime().availableProcessors(), cardSeconds, rows / cardSeconds, gbdtSeconds,
                rows / gbdtSeconds, wekaSeconds, rows / wekaSeconds, p[0]);
    }

    private static Dataset read(Path file, Target t) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Dataset.fromCsv(in, t.column(), t.bad());
        }
    }

    private static double[] weka(Classifier c, Dataset train, Dataset test) {
        try {
            Instances tr = instances(train, train);
            c.buildClassifier(tr);
            Instances te = instances(test, train);
            double[] p = new double[te.numInstances()];
            int bad = tr.classAttribute().indexOfValue("bad");
            for (int i = 0; i < p.length; i++) {
                p[i] = c.distributionForInstance(te.instance(i))[bad];
            }
            return p;
        } catch (Exception e) {
            throw new IllegalStateException("Weka failed: " + e.getMessage(), e);
        }
    }

    /** Weka instances of {@code data}, with nominal values as seen in {@code schema} (unseen ones missing). */
    private static Instances instances(Dataset data, Dataset schema) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        List<List<String>> nominal = new ArrayList<>();
        for (Dataset.Column c : schema.columns()) {
            if (c instanceof Dataset.Column.Categorical k) {
                List<String> values = Arrays.stream(k.values()).filter(Objects::nonNull)
                        .distinct().sorted().toList();
                attributes.add(new Attribute(c.name(), values));
                nominal.add(values);
            } else {
                attributes.add(new Attribute(c.name()));
                nominal.add(null);
            }
        }
        attributes.add(new Attribute("class", List.of("good", "bad")));
        Instances out = new Instances("data", attributes, data.rows());
        out.setClassIndex(attributes.size() - 1);
        for (int i = 0; i < data.rows(); i++) {
            double[] v = new double[attributes.size()];
            for (int j = 0; j < schema.columns().size(); j++) {
                String name = schema.columns().get(j).name();
                Dataset.Column c = data.columns().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                v[j] = switch (c) {
                    case Dataset.Column.Numeric n -> Double.isNaN(n.values()[i]) ? Utils.missingValue() : n.values()[i];
                    case Dataset.Column.Categorical k -> {
                        int idx = k.values()[i] == null ? -1 : nominal.get(j).indexOf(k.values()[i]);
                        yield idx < 0 ? Utils.missingValue() : idx;
                    }
                };
            }
            v[attributes.size() - 1] = data.bad()[i] ? 1 : 0;
            out.add(new DenseInstance(1, v));
        }
        return out;
    }
}
