package io.candor.strategy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.candor.compliance.Channel;
import io.candor.compliance.ComplianceEvaluator;
import io.candor.compliance.ConsentRequired;
import io.candor.compliance.Decision;
import io.candor.compliance.Party;
import io.candor.compliance.Qualification;
import io.candor.compliance.Rule;
import io.candor.compliance.RulePacks;
import io.candor.compliance.Scenario;
import org.jspecify.annotations.Nullable;

/**
 * Checks a parsed strategy before it may be activated: references resolve (paths, segments of variants,
 * templates on the right channel), no segment is unreachable behind earlier ones (overlaps are reported as
 * warnings: the first match wins), and no step asks for a contact the jurisdiction's rule pack could never allow —
 * checked with every consent and certificate the pack knows given, no history and no holds, on each day of a week.
 */
public final class StrategyCheck {

    /** Most boxes kept while proving a segment unreachable; beyond it the check is skipped with a warning. */
    private static final int MAX_PIECES = 20_000;

    private final RulePacks packs;
    private final ComplianceEvaluator evaluator;

    public StrategyCheck(RulePacks packs) {
        this.packs = packs;
        this.evaluator = new ComplianceEvaluator(packs);
    }

    /**
     * Every problem of {@code s}. {@code templates} maps the tenant's template codes to their channel; null skips the
     * template check (validating a file offline, with no tenant).
     */
    public List<StrategyProblem> problems(Strategy s, @Nullable Map<String, Channel> templates) {
        List<StrategyProblem> problems = new ArrayList<>();
        references(s, problems);
        if (templates != null) {
            templates(s, templates, problems);
        }
        reachability(s, problems);
        compliance(s, problems);
        return problems;
    }

    private static void references(Strategy s, List<StrategyProblem> problems) {
        Set<String> used = new HashSet<>();
        for (int i = 0; i < s.segments().size(); i++) {
            Segment seg = s.segments().get(i);
            used.add(seg.path());
            if (!s.paths().containsKey(seg.path())) {
                problems.add(StrategyProblem.error("segments[" + i + "].path", seg.line(), "No path '" + seg.path()
                        + "'; define it under paths or use one of " + s.paths().keySet() + "."));
            }
        }
        Set<String> segmentIds = new HashSet<>();
        s.segments().forEach(seg -> segmentIds.add(seg.id()));
        for (int i = 0; i < s.experiment().variants().size(); i++) {
            Experiment.Variant v = s.experiment().variants().get(i);
            for (Map.Entry<String, String> e : v.paths().entrySet()) {
                String at = "experiment.variants[" + i + "].paths." + e.getKey();
                used.add(e.getValue());
                if (!segmentIds.contains(e.getKey())) {
                    problems.add(StrategyProblem.error(at, 0, "No segment '" + e.getKey() + "' to give another path."));
                }
                if (!s.paths().containsKey(e.getValue())) {
                    problems.add(StrategyProblem.error(at, 0, "No path '" + e.getValue() + "'."));
                }
            }
        }
        if (s.escalateTo() != null) {
            used.add(s.escalateTo());
            if (!s.paths().containsKey(s.escalateTo())) {
                problems.add(StrategyProblem.error("arrangements.escalateTo", 0, "No path '" + s.escalateTo() + "'."));
            }
        }
        s.paths().keySet().stream().filter(p -> !used.contains(p)).sorted().forEach(p -> problems.add(
                StrategyProblem.warning("paths." + p, 0, "No segment or variant leads to path '" + p + "'.")));
    }

    private static void templates(Strategy s, Map<String, Channel> templates, List<StrategyProblem> problems) {
        s.paths().values().forEach(p -> {
            for (int j = 0; j < p.steps().size(); j++) {
                Step step = p.steps().get(j);
                if (step.template() == null) {
                    continue;
                }
                String at = "paths." + p.id() + ".steps[" + j + "].template";
                Channel channel = templates.get(step.template());
                if (channel == null) {
                    problems.add(StrategyProblem.error(at, 0, "Unknown template '" + step.template()
                            + "'; approve it first (PUT /api/v1/templates/" + step.template() + ")."));
                } else if (channel != step.channel()) {
                    problems.add(StrategyProblem.error(at, 0, "Template '" + step.template() + "' is for " + channel
                            + ", but the step sends " + step.channel() + "."));
                }
            }
        });
    }

    /** First match wins: a segment whose whole box lies under earlier segments can never match. */
    private static void reachability(Strategy s, List<StrategyProblem> problems) {
        for (int i = 0; i < s.segments().size(); i++) {
            Segment seg = s.segments().get(i);
            List<Criteria> left = List.of(seg.when());
            List<String> overlapping = new ArrayList<>();
            boolean gaveUp = false;
            for (int k = 0; k < i && !left.isEmpty(); k++) {
                Criteria earlier = s.segments().get(k).when();
                if (seg.when().intersects(earlier)) {
                    overlapping.add(s.segments().get(k).id());
                }
                List<Criteria> next = new ArrayList<>();
                for (Criteria piece : left) {
                    next.addAll(piece.minus(earlier));
                }
                if (next.size() > MAX_PIECES) {
                    gaveUp = true;
                    break;
                }
                left = next;
            }
            String at = "segments[" + i + "]";
            if (left.isEmpty()) {
                problems.add(StrategyProblem.error(at, seg.line(), "Segment '" + seg.id() + "' can never match: "
                        + "every account it describes is taken by an earlier segment (" + String.join(", ", overlapping)
                        + "). Move it up or narrow the earlier ones."));
            } else if (gaveUp) {
                problems.add(StrategyProblem.warning(at, seg.line(), "Too many conditions to prove segment '" + seg.id()
                        + "' reachable; check its order by hand."));
            } else if (!overlapping.isEmpty()) {
                problems.add(StrategyProblem.warning(at, seg.line(), "Segment '" + seg.id() + "' overlaps "
                        + String.join(", ", overlapping) + ": accounts in both go to the earlier segment."));
            }
        }
    }

    private void compliance(Strategy s, List<StrategyProblem> problems) {
        if (s.jurisdictions().isEmpty()) {
            problems.add(StrategyProblem.warning("jurisdictions", 0, "No jurisdictions listed: steps were not checked "
                    + "against the rule packs. List where the strategy runs, e.g. [CN]."));
            return;
        }
        LocalDate monday = s.effectiveFrom().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (String j : s.jurisdictions()) {
            var rules = packs.rulesFor(j);
            if (rules.isEmpty()) {
                problems.add(StrategyProblem.error("jurisdictions", 0, "No rule pack for '" + j + "'; shipped packs: "
                        + RulePacks.SHIPPED + "."));
                continue;
            }
            Set<String> consents = new HashSet<>();
            Set<String> certificates = new HashSet<>();
            for (Rule r : rules.get()) {
                if (r instanceof ConsentRequired c) {
                    consents.add(c.consent());
                } else if (r instanceof Qualification q) {
                    certificates.add(q.qualification());
                }
            }
            for (TreatmentPath p : s.paths().values()) {
                for (int k = 0; k < p.steps().size(); k++) {
                    Step step = p.steps().get(k);
                    List<String> fired = new ArrayList<>();
                    boolean ever = false;
                    for (int d = 0; d < 7 && !ever; d++) {
                        var at = monday.plusDays(d).atTime(step.at()).toInstant(ZoneOffset.UTC);
                        Scenario scenario = new Scenario("strategy-check", j, List.of(ZoneOffset.UTC), at,
                                step.channel(), Party.DEBTOR, null, List.of(), Set.of(), consents, certificates);
                        switch (evaluator.evaluate(scenario)) {
                            case Decision.Allow a -> ever = true;
                            case Decision.Deny deny -> deny.rules().stream().filter(r -> !fired.contains(r))
                                    .forEach(fired::add);
                        }
                    }
                    if (!ever) {
                        problems.add(StrategyProblem.error("paths." + p.id() + ".steps[" + k + "]", 0, "In " + j
                                + " a " + step.channel() + " contact at " + step.at() + " is never allowed (rules "
                                + String.join(", ", fired) + "). Change the time or the channel."));
                    }
                }
            }
        }
    }
}
