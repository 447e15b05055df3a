package io.candor.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conformance suite (src/test/resources/compliance/conformance.jsonl): every scenario with its expected
 * decision, rules and next allowed time, across all shipped jurisdictions. Window starts are inclusive, ends
 * exclusive.
 */
class ConformanceSuiteTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ComplianceEvaluator EVALUATOR = new ComplianceEvaluator(RulePacks.shipped());

    @Test
    void everyScenarioGetsItsExpectedDecision() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/compliance/conformance.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                count++;
                JsonNode n = JSON.readTree(line);
                Scenario s = ScenarioJson.parse(n);
                Map<String, Object> actual = ScenarioJson.result(s, EVALUATOR.evaluate(s));
                JsonNode expected = n.get("expect");
                JsonNode got = JSON.valueToTree(actual);
                if (!got.get("decision").equals(expected.get("decision")) || !got.get("rules").equals(expected.get("rules"))
                        || !got.get("nextAllowedAt").equals(expected.get("nextAllowedAt"))) {
                    mismatches.add(s.id() + ": expected " + expected + " but got " + got);
                }
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(154);
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    @Test
    void everyShippedPackLoadsAndEveryRuleCitesItsSource() {
        RulePacks packs = RulePacks.shipped();
        assertThat(packs.all()).extracting(RulePack::jurisdiction).containsExactlyElementsOf(RulePacks.SHIPPED);
        packs.all().forEach(p -> p.rules().forEach(r -> {
            assertThat(r.source().citation()).as(r.id()).isNotBlank();
            assertThat(r.source().confidence()).as(r.id()).isIn("V", "S", "M", "C");
        }));
    }
}
