package io.candor.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/** The models on real data (German credit) and on small tables whose answers are known. */
class ScoringModelTests {

    static Dataset german() throws IOException {
        try (Reader in = new InputStreamReader(ScoringModelTests.class.getResourceAsStream("/german_credit.csv"),
                StandardCharsets.UTF_8)) {
            return Dataset.fromCsv(in, "class", "bad");
        }
    }

    @Test
    void readsTypesAndMissingValues() throws IOException {
        Dataset d = german();
        assertThat(d.rows()).isEqualTo(1000);
        assertThat(d.bads()).isEqualTo(300);
        assertThat(d.columns()).hasSize(20);
        assertThat(d.columns().stream().filter(c -> c.name().equals("duration")).findFirst().orElseThrow())
                .isInstanceOf(Dataset.Column.Numeric.class);
        assertThat(d.columns().stream().filter(c -> c.name().equals("purpose")).findFirst().orElseThrow())
                .isInstanceOf(Dataset.Column.Categorical.class);
        Dataset withGaps = Dataset.fromCsv(new StringReader(table(60, i -> (i % 7 == 0 ? "" : Integer.toString(i)) + ","
                + (i % 3 == 0 ? "NA" : "x" + (i % 4)) + "," + (i % 5 == 0 ? "bad" : "good"))), "y", "bad");
        assertThat(withGaps.columns().get(0).missing()).isEqualTo(9);
        assertThat(withGaps.columns().get(1).missing()).isEqualTo(20);
    }

    static String table(int rows, IntFunction<String> row) {
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int i = 0; i < rows; i++) {
            s.append(row.apply(i)).append('\n');
        }
        return s.toString();
    }

    @Test
    void badInputIsRefusedNamingTheColumnAndTheFix() {
        String ok = table(60, i -> i + ",x,"+ (i % 5 == 0 ? "bad" : "good"));
        assertThatThrownBy(() -> Dataset.fromCsv(new StringReader(ok), "outcome", "bad"))
                .hasMessageContaining("no target column 'outcome'").hasMessageContaining("[a, b, y]");
        assertThatThrownBy(() -> Dataset.fromCsv(new StringReader(ok), "y", "default"))
                .hasMessageContaining("No row has y = 'default'").hasMessageContaining("[bad, good]");
        assertThatThrownBy(() -> Dataset.fromCsv(new StringReader(table(60, i -> i + ",x,bad")), "y", "bad"))
                .hasMessageContaining("one class");
        assertThatThrownBy(() -> Dataset.fromCsv(new StringReader(table(60, i -> (i == 17 ? "abc" : i) + ",x,"
                + (i % 5 == 0 ? "bad" : "good"))), "y", "bad"))
                .hasMessageContaining("Column 'a' is numeric in 59 of 60 rows but row 19 holds 'abc'");
        assertThatThrownBy(() -> Dataset.fromCsv(new StringReader(table(60, i -> i + ",," + (i % 5 == 0 ? "bad" : "good"))),
                "y", "bad")).hasMessageContaining("Column 'b' is empty in every row");
        assertThatThrownBy(() -> Dataset.fromCsv(new StringReader(table(20, i -> i + ",x," + (i % 2 == 0 ? "bad" : "good"))),
                "y", "bad")).hasMessageContaining("20 data rows; a model needs at least 50");
        assertThatThrownBy(() -> Dataset.fromCsv(new StringReader(table(60, i -> i + ",x," + (i < 3 ? "bad" : "good"))),
                "y", "bad")).hasMessageContaining("3 bad and 57 good rows");
    }

    @Test
    void aucKsAndPsiOnKnownValues() {
        boolean[] bad = {true, true, false, false};
        assertThat(Metrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, bad)).isEqualTo(1.0);
        assertThat(Metrics.auc(new double[] {0.9, 0.2, 0.8, 0.1}, bad)).isEqualTo(0.75);
        assertThat(Metrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, bad)).isEqualTo(0.5);
        assertThat(Metrics.ks(new double[] {0.9, 0.8, 0.2, 0.1}, bad)).isEqualTo(1.0);
        assertThat(Metrics.ks(new double[] {0.9, 0.2, 0.8, 0.1}, bad)).isEqualTo(0.5);
        double[] base = new double[1000];
        double[] shifted = new double[1000];
        for (int i = 0; i < base.length; i++) {
            base[i] = i / 1000.0;
            shifted[i] = Math.min(0.999, i / 1000.0 + 0.3);
        }
        assertThat(Metrics.psi(base, base)).isCloseTo(0, within(1e-9));
        assertThat(Metrics.psi(base, shifted)).isGreaterThan(0.25);
        // counted elsewhere (where the scores are stored) into the same deciles, the same index
        double[] cuts = Metrics.psiCuts(base);
        long[] counts = new long[cuts.length + 1];
        for (double v : shifted) {
            int below = 0;
            for (double c : cuts) {
                below += c < v ? 1 : 0;
            }
            counts[below]++;
        }
        assertThat(Metrics.psi(base, counts)).isCloseTo(Metrics.psi(base, shifted), within(1e-12));
    }

    @Test
    void numericBinsAreMonotonicAndCategoriesPoolRareValues() throws IOException {
        Dataset d = german();
        for (Dataset.Column c : d.columns()) {
            Binning b = Binning.of(c, d.bad());
            assertThat(b.woe().length).as(c.name()).isBetween(1, Binning.MAX_BINS + 1);
            for (int i = 0; i < b.woe().length; i++) {
                assertThat(b.goods()[i] + b.bads()[i]).as(c.name()).isGreaterThanOrEqualTo((int) (Binning.MIN_SHARE * 1000));
            }
            if (b.numeric() && b.missingBin() < 0 && b.woe().length > 2) {
                boolean up = b.woe()[1] > b.woe()[0];
                for (int i = 1; i < b.woe().length; i++) {
                    assertThat(b.woe()[i] > b.woe()[i - 1]).as(c.name() + " monotonic WOE").isEqualTo(up);
                }
            }
        }
        Binning checking = Binning.of(d.columns().getFirst(), d.bad());
        assertThat(checking.feature()).isEqualTo("checking_status");
        assertThat(checking.iv()).as("checking status is the strongest German credit variable").isGreaterThan(0.5);
        assertThat(checking.bin("never seen")).isBetween(0, checking.woe().length - 1);
    }

    @Test
    void scorecardPointsFollowTheScalingAndExplainThemselves() throws IOException {
        Dataset d = german();
        Scorecard card = Scorecard.train(d, Scorecard.Scaling.DEFAULT);
        assertThat(card.features()).isNotEmpty().allSatisfy(b -> assertThat(b.iv()).isGreaterThanOrEqualTo(Scorecard.MIN_IV));
        for (int k = 0; k < card.features().size(); k++) {
            assertThat(card.beta()[k + 1]).as("WOE coefficients on P(bad) are negative").isLessThanOrEqualTo(0);
        }
        int[][] bins = card.bins(d);
        int[] row = new int[card.features().size()];
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < row.length; k++) {
                row[k] = bins[k][i];
            }
            Scorecard.Score s = card.score(row);
            // points = 600 + 20/ln2 · ln(odds of good / 50)
            double odds = (1 - s.probability()) / s.probability();
            assertThat(s.points()).isCloseTo(600 + 20 / Math.log(2) * Math.log(odds / 50), within(1e-6));
            assertThat(s.reasons()).hasSizeLessThanOrEqualTo(Scorecard.REASONS);
            for (int r = 1; r < s.reasons().size(); r++) {
                assertThat(s.reasons().get(r).pointsLost()).isLessThanOrEqualTo(s.reasons().get(r - 1).pointsLost());
            }
        }
    }

    @Test
    void crossValidatedAucOnGermanCreditIsInTheLiteratureRange() throws IOException {
        Map<String, CrossValidation.Result> r = CrossValidation.evaluate(german(), 5, CrossValidation.SEED);
        // published cross-validated AUCs for logistic regression and boosting on this set: about 0.77–0.80
        assertThat(r.get("scorecard").auc()).isBetween(0.75, 0.85);
        assertThat(r.get("gbdt").auc()).isBetween(0.75, 0.85);
        assertThat(r.get("scorecard").foldAuc()).hasSize(5);
        assertThat(r.get("gbdt").ks()).isBetween(0.3, 0.7);
    }

    @Test
    void foldsAreStratifiedDisjointAndReproducible() {
        boolean[] bad = new boolean[103];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = i % 4 == 0;
        }
        List<int[]> folds = Folds.stratified(bad, 5, 1);
        assertThat(folds).containsExactlyElementsOf(Folds.stratified(bad, 5, 1));
        Set<Integer> seen = new HashSet<>();
        for (int[] f : folds) {
            long bads = Arrays.stream(f).filter(i -> bad[i]).count();
            assertThat(bads).isBetween(5L, 6L);
            Arrays.stream(f).forEach(i -> assertThat(seen.add(i)).isTrue());
        }
        assertThat(seen).hasSize(103);
    }
}
