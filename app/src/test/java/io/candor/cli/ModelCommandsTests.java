package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code candor model evaluate|train}, offline, on a file whose bad rate rises with one column. */
class ModelCommandsTests {

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return new CandorCli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    static Path data(Path dir) throws Exception {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("month,dpd,product,noise,outcome\n");
        for (int i = 0; i < 600; i++) {
            int dpd = random.nextInt(180);
            String product = random.nextBoolean() ? "card" : "loan";
            double risk = dpd / 180.0 * 0.7 + (product.equals("loan") ? 0.15 : 0);
            csv.append(String.format(Locale.ROOT, "2026-%02d", 1 + i % 12)).append(',')
                    .append(i % 17 == 0 ? "" : dpd).append(',').append(product).append(',').append(random.nextInt(10))
                    .append(',').append(random.nextDouble() < risk ? "unpaid" : "paid").append('\n');
        }
        Path file = dir.resolve("history.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void evaluatePrintsCrossValidatedFiguresOfBothModels(@TempDir Path dir) throws Exception {
        Path file = data(dir);
        assertThat(run("model", "evaluate", "--data", file.toString(), "--target", "outcome", "--bad", "unpaid",
                "--folds", "5")).as(err.toString()).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(out.toString());
        for (String model : new String[] {"scorecard", "gbdt"}) {
            assertThat(result.get(model).get("auc").asDouble()).as(model).isBetween(0.65, 1.0);
            assertThat(result.get(model).get("ks").asDouble()).as(model).isPositive();
            assertThat(result.get(model).get("gini").asDouble()).as(model)
                    .isCloseTo(2 * result.get(model).get("auc").asDouble() - 1, Assertions.within(1e-9));
        }
        assertThat(run("model", "evaluate", "--data", file.toString(), "--target", "status", "--bad", "unpaid"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no target column 'status'").contains("[month, dpd, product, noise, outcome]");

        assertThat(run("model", "evaluate", "--data", file.toString(), "--target", "outcome", "--bad", "unpaid",
                "--time", "month", "--test-share", "0.25")).as(err.toString()).isZero();
        JsonNode outOfTime = JsonMapper.builder().build().readTree(out.toString());
        assertThat(outOfTime.get("split").asString()).isEqualTo("out-of-time");
        assertThat(outOfTime.get("scorecard").get("foldAuc")).hasSize(1);
        assertThat(outOfTime.get("scorecard").get("auc").asDouble()).isBetween(0.6, 1.0);
        assertThat(run("model", "evaluate", "--data", file.toString(), "--target", "outcome", "--bad", "unpaid",
                "--time", "week")).isEqualTo(2);
        assertThat(err.toString()).contains("no column 'week' to order by");
    }

    @Test
    void trainWritesAWholeModelToANewDirectoryOnly(@TempDir Path dir) throws Exception {
        Path file = data(dir);
        Path card = dir.resolve("models/card");
        assertThat(run("model", "train", "--data", file.toString(), "--target", "outcome", "--bad", "unpaid", "--out",
                card.toString())).as(err.toString()).isZero();
        JsonNode model = JsonMapper.builder().build().readTree(Files.readString(card.resolve("model.json")));
        assertThat(model.get("kind").asString()).isEqualTo("scorecard");
        assertThat(model.get("trainedOn").get("sha256").asString()).hasSize(64);
        assertThat(model.get("features").get(0).get("feature").asString()).as("strongest first").isEqualTo("dpd");
        assertThat(model.get("features").get(0).get("bins").valueStream().map(b -> b.get("bin").asString()))
                .contains("(missing)");
        assertThat(run("model", "train", "--data", file.toString(), "--target", "outcome", "--bad", "unpaid", "--out",
                card.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("exists");
        Path gbdt = dir.resolve("models/gbdt");
        assertThat(run("model", "train", "--data", file.toString(), "--target", "outcome", "--bad", "unpaid", "--out",
                gbdt.toString(), "--kind", "gbdt")).as(err.toString()).isZero();
        assertThat(gbdt.resolve("xgboost.json")).isNotEmptyFile();
        assertThat(run("model", "train", "--data", file.toString(), "--target", "outcome", "--bad", "paid-late",
                "--out", dir.resolve("models/none").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("No row has outcome = 'paid-late'");
        assertThat(dir.resolve("models/none")).doesNotExist();
        try (var files = Files.list(dir.resolve("models"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("card", "gbdt");
        }
    }
}
