package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.candor.compliance.Channel;
import io.candor.compliance.ComplianceEvaluator;
import io.candor.compliance.Contact;
import io.candor.compliance.Decision;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.PolicyLayer;
import io.candor.compliance.Scenario;
import io.candor.portfolio.ContactPointKind;
import io.candor.scoring.FeatureSnapshots;
import io.candor.scoring.ModelRegistry;
import io.candor.scoring.Scores;
import io.candor.scoring.model.Scorecard;
import io.candor.strategy.AccountSituation;
import io.candor.strategy.Treatment;
import io.candor.strategy.Treatments;
import org.jspecify.annotations.Nullable;

/**
 * Plans one partition in memory: each account's treatment, and for each step due today a contact time that the
 * contact gate would allow — the same rules, policy layers, consents and opt-outs, with the debtor's history plus
 * what this plan already gives the same debtor today. A contact the rules would refuse all day is kept as REFUSED
 * with the rules that fired, never planned.
 */
final class PartitionPlan {

    /** A planned (or refused) contact. */
    record Action(UUID account, int step, Channel channel, @Nullable String template, Instant at, int tier, String path,
                  String segment, String variant, int attempt, BigDecimal expectedValue, boolean refused,
                  List<String> rules) {
    }

    /** Where an account on a path now stands. */
    record PathRow(UUID account, String variant, String segment, String path, int tier, LocalDate enteredOn) {
    }

    /** An account a supervisor must look at. */
    record SupervisorItem(UUID account, BigDecimal expectedValue, String reason) {
    }

    final List<Action> actions = new ArrayList<>();
    final List<PathRow> paths = new ArrayList<>();
    final List<PlanningInput> assigned = new ArrayList<>();
    final List<SupervisorItem> supervisor = new ArrayList<>();
    /** Every account's score by the model in use (none without one). */
    final List<Scores.AccountScore> scores = new ArrayList<>();
    /** The features of the accounts in the history panel. */
    final List<FeatureSnapshots.Snapshot> snapshots = new ArrayList<>();
    /** Accounts per treatment kind, tier, path and variant (summed into the run's summary). */
    final Map<String, Long> counts = new TreeMap<>();
    /** Accounts read. */
    int accounts;

    private final Treatments treatments;
    private final ComplianceEvaluator evaluator;
    private final BiFunction<String, LocalDate, List<PolicyLayer>> layers;
    private final Map<String, Set<String>> certificates;
    private final ModelRegistry.@Nullable InUse model;
    private final Predicate<UUID> panel;
    private final Map<UUID, Double> repayment = new HashMap<>();

    PartitionPlan(Treatments treatments, ComplianceEvaluator evaluator,
            BiFunction<String, LocalDate, List<PolicyLayer>> layers, Map<String, Set<String>> certificates,
            ModelRegistry.@Nullable InUse model, Predicate<UUID> panel) {
        this.model = model;
        this.panel = panel;
        this.treatments = treatments;
        this.evaluator = evaluator;
        this.layers = layers;
        this.certificates = certificates;
    }

    void plan(PartitionReader.Slice slice, LocalDate date) {
        accounts += slice.inputs().size();
        for (PlanningInput in : slice.inputs()) {
            boolean inPanel = panel.test(in.situation().account());
            Map<String, Object> features = model != null || inPanel ? SituationFeatures.of(in) : Map.of();
            if (inPanel) {
                snapshots.add(new FeatureSnapshots.Snapshot(in.situation().account(), features));
            }
            if (model != null) {
                Scorecard.Score score = model.scorecard().score(model.scorecard().bins(features::get));
                scores.add(new Scores.AccountScore(in.situation().account(), model.id(), date, score));
                repayment.put(in.situation().account(), 1 - score.probability());
            }
            Treatment t = treatments.decide(in.situation(), date);
            count("treatment." + t.getClass().getSimpleName());
            if (!t.variant().isEmpty()) {
                count("variant." + t.variant());
                assigned.add(in);
            }
            switch (t) {
                case Treatment.OnPath p -> onPath(in, p, date, slice.history());
                case Treatment.ToSupervisor s -> supervisor.add(new SupervisorItem(in.situation().account(),
                        expectedValue(in), s.reason()));
                case Treatment.Paused p -> { }
                case Treatment.Stopped s -> { }
                case Treatment.Holdout h -> { }
                case Treatment.Unsegmented u -> { }
            }
        }
    }

    private void onPath(PlanningInput in, Treatment.OnPath p, LocalDate date, Map<UUID, List<Contact>> history) {
        count("tier." + p.path().tier().number());
        count("path." + p.path().id());
        paths.add(new PathRow(in.situation().account(), p.variant(), p.segment(), p.path().id(), p.path().tier().number(),
                p.enteredOn()));
        BigDecimal value = expectedValue(in);
        for (Treatment.DueStep due : p.due()) {
            Channel channel = due.step().channel();
            PlanningInput.Point point = point(in, channel);
            List<String> rules = new ArrayList<>();
            ZoneId zone = in.zones().isEmpty() ? ZoneOffset.UTC : in.zones().getFirst();
            Instant at = date.atTime(due.step().at()).atZone(zone).toInstant();
            if (point == null) {
                rules.add("NO-CONTACT-POINT");
            } else if (point.optedOut().contains(channel.name())) {
                rules.add("OPT-OUT");
            } else {
                List<Contact> before = history.computeIfAbsent(in.debtor(), k -> new ArrayList<>());
                List<ZoneId> zones = point.kind() == ContactPointKind.PHONE && !point.zones().isEmpty()
                        ? point.zones().stream().map(ZoneId::of).toList() : in.zones();
                Scenario s = new Scenario("plan", in.jurisdiction(), zones, at, channel, Party.DEBTOR, point.value(),
                        before, Set.of(), Set.copyOf(point.consents()),
                        channel == Channel.VOICE_HUMAN ? certificates.getOrDefault(in.jurisdiction(), Set.of()) : Set.of());
                Decision d = evaluator.evaluate(s, layers.apply(in.creditor(), date));
                if (d instanceof Decision.Deny deny) {
                    Instant next = deny.nextAllowedAt();
                    if (next != null && next.atZone(s.localZone()).toLocalDate().equals(date)) {
                        at = next;
                    } else {
                        rules.addAll(deny.rules());
                    }
                }
                if (rules.isEmpty()) {
                    // what the plan gives this debtor counts for the debtor's next contact today
                    before.add(new Contact(at, channel, Party.DEBTOR, point.value(),
                            channel.isVoice() ? Outcome.RIGHT_PARTY_CONTACT : Outcome.DELIVERED));
                }
            }
            count("channel." + channel + (rules.isEmpty() ? ".PLANNED" : ".REFUSED"));
            actions.add(new Action(in.situation().account(), due.index(), channel, due.step().template(), at,
                    p.path().tier().number(), p.path().id(), p.segment(), p.variant(), due.attempt(), value,
                    !rules.isEmpty(), rules));
        }
    }

    private static PlanningInput.@Nullable Point point(PlanningInput in, Channel channel) {
        return in.first(channel.reaches());
    }

    /**
     * Balance × the probability of repayment: one minus the approved model's probability of "bad" when a model is
     * in use, else the rule-based estimate.
     */
    BigDecimal expectedValue(PlanningInput in) {
        Double p = repayment.get(in.situation().account());
        return p == null ? ruleBasedExpectedValue(in)
                : in.value().multiply(BigDecimal.valueOf(p)).setScale(4, RoundingMode.HALF_EVEN);
    }

    /**
     * Balance × an estimated probability of repayment when no model is approved: by bucket (0.45 in M0/M1 down to
     * 0.03 in M7+), ×1.3 when the debtor was reached in the last 30 days, ×0.6 after six or more attempts without
     * reaching them. Documented in docs/strategy.md.
     */
    static BigDecimal ruleBasedExpectedValue(PlanningInput in) {
        AccountSituation s = in.situation();
        double p = switch (s.bucket()) {
            case "M0", "M1" -> 0.45;
            case "M2" -> 0.30;
            case "M3" -> 0.20;
            case "M4" -> 0.12;
            case "M5" -> 0.08;
            case "M6" -> 0.05;
            default -> 0.03;
        };
        if (s.daysSinceContact() != null && s.daysSinceContact() <= 30) {
            p *= 1.3;
        }
        if (s.attemptsWithoutContact() >= 6) {
            p *= 0.6;
        }
        return in.value().multiply(BigDecimal.valueOf(Math.min(p, 0.95))).setScale(4, RoundingMode.HALF_EVEN);
    }

    private void count(String key) {
        counts.merge(key, 1L, Long::sum);
    }
}
