package io.candor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.candor.scoring.model.Binning;
import io.candor.scoring.model.CrossValidation;
import io.candor.scoring.model.DataException;
import io.candor.scoring.model.Dataset;
import io.candor.scoring.model.Gbdt;
import io.candor.scoring.model.Metrics;
import io.candor.scoring.model.Scorecard;
import io.candor.verify.Merkle;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candor model evaluate|train}: offline, on a CSV file, no server. Evaluation prints one JSON object with
 * the cross-validated means; training writes the model to a new directory, whole or not at all.
 */
final class ModelCommands {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;

    ModelCommands(PrintStream out) {
        this.out = out;
    }

    int run(CandorCli.Options o) {
        String verb = o.positional(0, "model evaluate --data FILE.csv --target COLUMN --bad VALUE [--folds 5 | --time COLUMN"
                + " [--test-share 0.2]] | "
                + "model train --data FILE.csv --target COLUMN --bad VALUE --out DIR [--kind scorecard|gbdt]");
        Path file = Path.of(o.value("data").orElseThrow(() -> new CandorCli.UsageException("--data FILE.csv is needed")));
        String target = o.value("target").orElseThrow(() -> new CandorCli.UsageException("--target COLUMN is needed"));
        String bad = o.value("bad").orElseThrow(() -> new CandorCli.UsageException("--bad VALUE is needed"));
        Dataset data = read(file, target, bad);
        return switch (verb) {
            case "evaluate" -> o.value("time").isPresent()
                    ? evaluateOutOfTime(file, data, o.value("time").get(), o.value("test-share").orElse("0.2"))
                    : evaluate(file, data, folds(o));
            case "train" -> train(file, data, Path.of(o.value("out").orElseThrow(() ->
                    new CandorCli.UsageException("--out DIR is needed: a new directory for the model"))),
                    o.value("kind").orElse("scorecard"));
            default -> throw new CandorCli.UsageException("unknown model command '" + verb + "'");
        };
    }

    private static int folds(CandorCli.Options o) {
        try {
            int k = Integer.parseInt(o.value("folds").orElse("5"));
            if (k < 2 || k > 20) {
                throw new NumberFormatException();
            }
            return k;
        } catch (NumberFormatException e) {
            throw new CandorCli.UsageException("--folds is a whole number from 2 to 20");
        }
    }

    private static Dataset read(Path file, String target, String bad) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Dataset.fromCsv(in, target, bad);
        } catch (DataException e) {
            throw new CandorCli.UsageException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CandorCli.UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private int evaluate(Path file, Dataset data, int folds) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("data", file.getFileName().toString());
        result.put("rows", data.rows());
        result.put("bads", data.bads());
        result.put("folds", folds);
        result.put("seed", CrossValidation.SEED);
        try {
            result.putAll(CrossValidation.evaluate(data, folds, CrossValidation.SEED));
        } catch (DataException e) {
            throw new CandorCli.UsageException(file + ": " + e.getMessage());
        }
        out.println(JSON.writeValueAsString(result));
        return 0;
    }

    private int evaluateOutOfTime(Path file, Dataset data, String time, String share) {
        double testShare;
        try {
            testShare = Double.parseDouble(share);
        } catch (NumberFormatException e) {
            throw new CandorCli.UsageException("--test-share is a fraction, e.g. 0.2");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("data", file.getFileName().toString());
        result.put("rows", data.rows());
        result.put("bads", data.bads());
        result.put("split", "out-of-time");
        result.put("time", time);
        result.put("testShare", testShare);
        try {
            result.putAll(CrossValidation.outOfTime(data, time, testShare));
        } catch (DataException e) {
            throw new CandorCli.UsageException(file + ": " + e.getMessage());
        }
        out.println(JSON.writeValueAsString(result));
        return 0;
    }

    private int train(Path file, Dataset data, Path dir, String kind) {
        if (Files.exists(dir)) {
            throw new CandorCli.UsageException(dir + " exists; --out names a new directory (a model is never "
                    + "written over another)");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", kind);
        model.put("trainedOn", Map.of("file", file.getFileName().toString(), "sha256", sha256(file), "rows",
                data.rows(), "bads", data.bads()));
        try {
            switch (kind) {
                case "scorecard" -> {
                    Scorecard card = Scorecard.train(data, Scorecard.Scaling.DEFAULT);
                    model.putAll(describe(card));
                    model.put("metrics", Metrics.report(card.probabilities(data), data.bad()));
                }
                case "gbdt" -> {
                    try (Gbdt gbdt = Gbdt.train(data)) {
                        model.put("params", Gbdt.PARAMS);
                        model.put("rounds", Gbdt.ROUNDS);
                        model.put("encoding", gbdt.encoding());
                        model.put("metrics", Metrics.report(gbdt.probabilities(data), data.bad()));
                        files.put("xgboost.json", gbdt.modelJson());
                    }
                }
                default -> throw new CandorCli.UsageException("--kind is scorecard or gbdt, not '" + kind + "'");
            }
        } catch (DataException e) {
            throw new CandorCli.UsageException(file + ": " + e.getMessage());
        }
        files.put("model.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(model));
        writeWhole(dir, files);
        out.println(JSON.writeValueAsString(Map.of("out", dir.toString(), "kind", kind, "files", files.keySet(),
                "inSample", model.get("metrics"))));
        return 0;
    }

    /** Features with their bins, weights of evidence and points, the rejected ones with their IV. */
    static Map<String, Object> describe(Scorecard card) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scaling", card.scaling());
        m.put("basePoints", card.basePoints());
        m.put("intercept", card.beta()[0]);
        List<Map<String, Object>> features = new ArrayList<>();
        for (int k = 0; k < card.features().size(); k++) {
            Binning b = card.features().get(k);
            List<Map<String, Object>> bins = new ArrayList<>();
            for (int i = 0; i < b.labels().size(); i++) {
                bins.add(Map.of("bin", b.labels().get(i), "goods", b.goods()[i], "bads", b.bads()[i], "woe", b.woe()[i],
                        "points", card.points(k, i)));
            }
            features.add(Map.of("feature", b.feature(), "iv", b.iv(), "coefficient", card.beta()[k + 1], "bins", bins));
        }
        m.put("features", features);
        m.put("rejected", card.rejected().stream().map(b -> Map.of("feature", b.feature(), "iv", b.iv())).toList());
        return m;
    }

    /** Writes every file into a hidden sibling, then renames it into place: the model is there whole or not at all. */
    private static void writeWhole(Path dir, Map<String, byte[]> files) {
        Path parent = dir.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
            for (var e : files.entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CandorCli.UsageException("cannot write the model to " + dir + ": " + e.getMessage());
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(Merkle.sha256().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new CandorCli.UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
