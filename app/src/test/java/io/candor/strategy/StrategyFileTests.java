package io.candor.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.candor.compliance.Channel;
import io.candor.compliance.RulePacks;
import org.junit.jupiter.api.Test;

class StrategyFileTests {

    private final StrategyCheck check = new StrategyCheck(RulePacks.shipped());

    static String shipped() throws IOException {
        try (InputStream in = StrategyFileTests.class.getResourceAsStream("/strategy/default.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final Map<String, Channel> TEMPLATES = Map.of("sms-reminder", Channel.SMS, "ai-first-call", Channel.VOICE_AI,
            "email-reminder", Channel.EMAIL, "legal-notice-letter", Channel.LETTER);

    private static List<StrategyProblem> errors(List<StrategyProblem> problems) {
        return problems.stream().filter(p -> p.severity() == StrategyProblem.Severity.ERROR).toList();
    }

    @Test
    void theShippedDefaultStrategyParsesAndPassesEveryCheck() throws IOException {
        StrategyFile.Parsed parsed = StrategyFile.parse(shipped());
        assertThat(parsed.problems()).isEmpty();
        Strategy s = parsed.strategy();
        assertThat(s.segments()).extracting(Segment::id).containsExactly("legal-unreachable", "care", "upset",
                "high-balance", "early", "late");
        assertThat(s.paths().get("legal").tier()).isEqualTo(Tier.LEGAL);
        assertThat(s.experiment().variants()).extracting(Experiment.Variant::name).containsExactly("champion", "sms-first");
        assertThat(errors(check.problems(s, TEMPLATES))).isEmpty();
    }

    @Test
    void jsonIsAcceptedToo() {
        StrategyFile.Parsed parsed = StrategyFile.parse("""
                {"strategy": "tiny", "effectiveFrom": "2026-12-01", "reason": "json",
                 "segments": [{"id": "all", "path": "sms"}],
                 "paths": [{"id": "sms", "tier": 1, "steps": [{"day": 0, "channel": "SMS", "template": "t"}]}]}""");
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.strategy().segments().getFirst().when()).isEqualTo(Criteria.ALL);
    }

    @Test
    void everyProblemOfABrokenFileIsListedWithItsPathAndLine() {
        StrategyFile.Parsed parsed = StrategyFile.parse("""
                strategy: Bad Name
                effectiveFrom: 2026-13-01
                colour: blue
                experiment:
                  seed: 7
                  variants:
                    - {name: a, share: 60}
                    - {name: b, share: 30}
                segments:
                  - id: x
                    when: {dpd: {min: ten}, mood: sad}
                    path: p
                paths:
                  - id: p
                    tier: 4
                    steps:
                      - {day: 0, channel: PIGEON}
                      - {day: 1, channel: SMS, at: "25:00"}
                """);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(p -> p.line() + " " + p.path()).contains(
                "1 strategy", "2 effectiveFrom", "3 colour", "0 reason", "5 experiment", "11 segments[0].when.dpd",
                "11 segments[0].when.mood", "15 paths[0].tier", "17 paths[0].steps[0].channel",
                "18 paths[0].steps[1].at", "18 paths[0].steps[1].template");
        assertThat(parsed.problems()).anySatisfy(p -> assertThat(p.reason()).contains("add up to 90%"));
    }

    @Test
    void notYamlAtAllIsOneProblemWithTheLine() {
        StrategyFile.Parsed parsed = StrategyFile.parse("strategy: [unclosed\nreason: x\n");
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.reason()).startsWith("Not valid YAML or JSON");
        });
    }

    private Strategy strategy(String segments, String steps) {
        StrategyFile.Parsed parsed = StrategyFile.parse("""
                strategy: t
                effectiveFrom: 2026-12-01
                reason: test
                jurisdictions: [CN]
                segments:
                %s
                paths:
                  - id: p
                    tier: 1
                    steps:
                %s
                  - id: q
                    tier: 2
                    steps: [{day: 0, channel: VOICE_HUMAN}]
                """.formatted(segments.indent(2), steps.indent(6)));
        assertThat(parsed.problems()).isEmpty();
        return parsed.strategy();
    }

    @Test
    void aSegmentCoveredByEarlierOnesIsReportedUnreachable() {
        Strategy s = strategy("""
                - {id: early, when: {dpd: {max: 30}}, path: p}
                - {id: later, when: {dpd: {min: 31}}, path: q}
                - {id: mid, when: {dpd: {min: 20, max: 40}, bucket: [M1, M2]}, path: q}
                """, "- {day: 0, channel: SMS, template: sms-reminder}");
        List<StrategyProblem> problems = check.problems(s, TEMPLATES);
        assertThat(errors(problems)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("segments[2]");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.reason()).contains("'mid' can never match", "early", "later");
        });
    }

    @Test
    void anOverlapIsAWarningAndAGapKeepsTheSegmentReachable() {
        Strategy s = strategy("""
                - {id: early, when: {dpd: {max: 30}, balance: {max: 999.99}}, path: p}
                - {id: mid, when: {dpd: {min: 20, max: 40}}, path: q}
                """, "- {day: 0, channel: SMS, template: sms-reminder}");
        List<StrategyProblem> problems = check.problems(s, TEMPLATES);
        assertThat(errors(problems)).isEmpty();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(StrategyProblem.Severity.WARNING);
            assertThat(p.reason()).contains("'mid' overlaps early");
        });
    }

    @Test
    void aStepTheRulePackCouldNeverAllowIsRefused() {
        Strategy s = strategy("- {id: all, path: p}", "- {day: 0, channel: VOICE_AI, template: ai-first-call, at: \"23:00\"}");
        assertThat(errors(check.problems(s, TEMPLATES))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("paths.p.steps[0]");
            assertThat(p.reason()).contains("In CN", "never allowed", "CN-QUIET-HOURS");
        });
    }

    @Test
    void unknownTemplatesAndTemplatesForAnotherChannelAreRefused() {
        Strategy s = strategy("- {id: all, path: p}", """
                - {day: 0, channel: SMS, template: no-such-template}
                - {day: 1, channel: EMAIL, template: sms-reminder}
                """);
        assertThat(errors(check.problems(s, TEMPLATES))).extracting(StrategyProblem::reason).containsExactlyInAnyOrder(
                "Unknown template 'no-such-template'; approve it first (PUT /api/v1/templates/no-such-template).",
                "Template 'sms-reminder' is for SMS, but the step sends EMAIL.");
    }

    @Test
    void aVariantOverridingAnUnknownSegmentOrPathIsRefused() {
        StrategyFile.Parsed parsed = StrategyFile.parse("""
                strategy: t
                effectiveFrom: 2026-12-01
                reason: test
                experiment:
                  seed: 1
                  variants:
                    - {name: champion, share: 50}
                    - {name: challenger, share: 50, paths: {nope: p, all: missing}}
                segments: [{id: all, path: p}]
                paths: [{id: p, tier: 1, steps: [{day: 0, channel: SMS, template: sms-reminder}]}]
                """);
        assertThat(parsed.valid()).isTrue();
        assertThat(errors(check.problems(parsed.strategy(), TEMPLATES))).extracting(StrategyProblem::path)
                .containsExactlyInAnyOrder("experiment.variants[1].paths.nope", "experiment.variants[1].paths.all");
    }
}
