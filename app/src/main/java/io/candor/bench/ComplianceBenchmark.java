package io.candor.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.candor.compliance.Channel;
import io.candor.compliance.ComplianceEvaluator;
import io.candor.compliance.Contact;
import io.candor.compliance.Decision;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.RulePacks;
import io.candor.compliance.Scenario;
import io.candor.compliance.ScenarioJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candor bench compliance [--seconds N]}: decisions per second of the rule evaluation on one thread, with
 * warm counters (a debtor with 20 recorded contacts), against parsing the same scenario from JSON in the same run.
 */
public final class ComplianceBenchmark {

    private ComplianceBenchmark() {
    }

    public static int run(List<String> args) {
        int seconds = args.contains("--seconds") ? Integer.parseInt(args.get(args.indexOf("--seconds") + 1)) : 5;
        ComplianceEvaluator evaluator = new ComplianceEvaluator(RulePacks.shipped());
        List<Contact> history = new ArrayList<>();
        Instant day = Instant.parse("2026-03-02T01:00:00Z");
        for (int i = 0; i < 20; i++) {
            history.add(new Contact(day.minusSeconds(3600L * 7 * i), i % 3 == 0 ? Channel.SMS : Channel.VOICE_HUMAN,
                    Party.DEBTOR, "+8613800138000", i % 4 == 0 ? Outcome.RIGHT_PARTY_CONTACT : Outcome.NO_ANSWER));
        }
        Scenario allowed = new Scenario("b1", "CN", List.of(ZoneId.of("Asia/Shanghai")), Instant.parse("2026-03-02T06:00:00Z"),
                Channel.VOICE_AI, Party.DEBTOR, "+8613800138000", history, Set.of(), Set.of(), Set.of());
        Scenario denied = allowed.at(Instant.parse("2026-03-02T15:00:00Z"));
        String json = ScenarioJson.write(ScenarioJson.result(allowed, new Decision.Allow()));
        String scenarioJson = """
                {"id":"b1","jurisdiction":"CN","timeZone":"Asia/Shanghai","at":"2026-03-02T14:00:00+08:00",\
                "channel":"VOICE_AI","party":"DEBTOR","contactPoint":"+8613800138000","history":%s}""".formatted(
                JsonMapper.builder().build().writeValueAsString(history.stream().map(c -> Map.of(
                        "at", c.at().toString(), "channel", c.channel().name(), "party", c.party().name(),
                        "contactPoint", c.contactPoint(), "outcome", c.outcome().name())).toList()));
        JsonMapper mapper = JsonMapper.builder().build();
        double baseline = rate(seconds, () -> ScenarioJson.parse(mapper.readTree(scenarioJson)));
        double allow = rate(seconds, () -> evaluator.evaluate(allowed));
        double deny = rate(seconds, () -> evaluator.evaluate(denied));
        System.out.println(String.format(Locale.ROOT, """
                {"benchmark":"compliance-evaluation","threads":1,"historyPerDebtor":20,\
                "allowDecisionsPerSecond":%.0f,"denyDecisionsPerSecond":%.0f,\
                "baselineJsonParsesPerSecond":%.0f,"ratioAllowToBaseline":%.2f,"resultSample":%s}""",
                allow, deny, baseline, allow / baseline, json));
        return 0;
    }

    /** Operations per second over {@code seconds}, after a warm-up of the same length. */
    private static double rate(int seconds, Supplier<Object> op) {
        Object sink = null;
        long warm = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < warm) {
            sink = op.get();
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sink = op.get();
            n++;
        }
        if (sink == null) {
            throw new IllegalStateException("nothing was computed");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
