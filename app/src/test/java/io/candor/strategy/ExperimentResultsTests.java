package io.candor.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import io.candor.compliance.Channel;
import org.junit.jupiter.api.Test;

/** The statistics behind champion/challenger results, and promoting a winner into the next strategy version. */
class ExperimentResultsTests {

    @Test
    void twoProportionTestMatchesTheTextbookValues() {
        // 60/100 against 40/100: pooled 0.5, standard error 0.0707, z 2.828, two-sided p 0.00468
        Significance.Test t = Significance.proportions(60, 100, 40, 100);
        assertThat(t.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(t.z()).isCloseTo(2.8284, within(1e-4));
        assertThat(t.p()).isCloseTo(0.00468, within(1e-5));
        assertThat(t.significant()).isTrue();
        // 52/100 against 48/100 is noise
        assertThat(Significance.proportions(52, 100, 48, 100).p()).isCloseTo(0.5716, within(1e-4));
        assertThat(Significance.proportions(52, 100, 48, 100).significant()).isFalse();
        assertThat(Significance.proportions(1, 0, 1, 10).p()).as("an empty arm proves nothing").isEqualTo(1);
    }

    @Test
    void welchTestOnMeans() {
        // means 0.30 and 0.25, variances 0.04 and 0.05, 400 accounts each: se 0.01500, z 3.333, p 0.000858
        Significance.Test t = Significance.means(0.30, 0.04, 400, 0.25, 0.05, 400);
        assertThat(t.z()).isCloseTo(3.3333, within(1e-4));
        assertThat(t.p()).isCloseTo(0.000858, within(1e-5));
        assertThat(Significance.means(0.3, 0, 400, 0.3, 0, 400).p()).isEqualTo(1);
        assertThat(Significance.normal(1.959964)).isCloseTo(0.975, within(1e-6));
    }

    @Test
    void promotingAVariantGivesItsPathsToEverySegmentAndANewSeed() throws IOException {
        String next = VariantPromotion.apply(StrategyFileTests.shipped(), "sms-first", LocalDate.of(2026, 12, 2),
                "Promoted variant sms-first: payer rate +3.1 points, p = 0.01");
        StrategyFile.Parsed parsed = StrategyFile.parse(next);
        assertThat(parsed.problems()).as(next).isEmpty();
        Strategy s = parsed.strategy();
        assertThat(s.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(s.reason()).isEqualTo("Promoted variant sms-first: payer rate +3.1 points, p = 0.01");
        assertThat(s.segments().stream().filter(x -> x.id().equals("early")).findFirst().orElseThrow().path())
                .isEqualTo("early-sms-first");
        assertThat(s.experiment().seed()).isEqualTo(20260102);
        assertThat(s.experiment().holdoutPercent()).isEqualTo(5);
        assertThat(s.experiment().variants()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("sms-first");
            assertThat(v.share()).isEqualTo(95);
            assertThat(v.paths()).isEmpty();
        });
        // everything else is as written
        Strategy before = StrategyFile.parse(StrategyFileTests.shipped()).strategy();
        assertThat(s.paths()).isEqualTo(before.paths());
        assertThat(s.capacity()).isEqualTo(before.capacity());
        assertThat(s.costs().get(Channel.SMS)).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThatThrownBy(() -> VariantPromotion.apply(StrategyFileTests.shipped(), "nope", LocalDate.of(2026, 12, 2),
                "x")).hasMessageContaining("no variant 'nope'").hasMessageContaining("[champion, sms-first]");
    }

    @Test
    void contactCostsAreReadAndCheckedWithDefaultsForTheRest() {
        String file = """
                strategy: costs
                effectiveFrom: 2026-12-01
                reason: costs
                costs: {SMS: 0.08, VOICE_HUMAN: nine, LETTER: -1}
                segments: [{id: all, path: sms}]
                paths: [{id: sms, tier: 1, steps: [{day: 0, channel: SMS, template: t}]}]
                """;
        StrategyFile.Parsed parsed = StrategyFile.parse(file);
        assertThat(parsed.problems()).extracting(StrategyProblem::path).containsExactly("costs.VOICE_HUMAN", "costs.LETTER");
        StrategyFile.Parsed fixed = StrategyFile.parse(file.replace(", VOICE_HUMAN: nine, LETTER: -1", ""));
        assertThat(fixed.strategy().costs().get(Channel.SMS)).isEqualByComparingTo("0.08");
        assertThat(fixed.strategy().costs().get(Channel.VOICE_HUMAN)).isEqualByComparingTo("3.00");
    }
}
