package io.candor.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Evaluates a proposed contact against every applicable rule; the strictest wins, and the decision names every
 * rule that fired. Fails closed: an unknown jurisdiction, a missing time zone or an internal error is a DENY.
 */
public final class ComplianceEvaluator {

    private static final int MAX_ROUNDS = 64;

    private final RulePacks packs;

    public ComplianceEvaluator(RulePacks packs) {
        this.packs = packs;
    }

    public Decision evaluate(Scenario s) {
        return evaluate(s, List.of());
    }

    /** Evaluates on the shipped packs plus the policy layers that apply in the scenario's jurisdiction. */
    public Decision evaluate(Scenario s, List<PolicyLayer> layers) {
        try {
            Optional<List<Rule>> rules = packs.rulesFor(s.jurisdiction()).map(packRules -> {
                List<Rule> all = new ArrayList<>(packRules);
                layers.stream().filter(l -> l.appliesIn(s.jurisdiction())).forEach(l -> all.addAll(l.rules()));
                return all;
            });
            if (rules.isEmpty()) {
                return new Decision.Deny(List.of("UNKNOWN-JURISDICTION"), null);
            }
            if (s.timeZones().isEmpty()) {
                return new Decision.Deny(List.of("MISSING-TIME-ZONE"), null);
            }
            Round first = round(rules.get(), s);
            if (first.fired().isEmpty()) {
                return new Decision.Allow();
            }
            return new Decision.Deny(List.copyOf(first.fired()), next(rules.get(), s, first));
        } catch (RuntimeException e) {
            return new Decision.Deny(List.of("INTERNAL-ERROR"), null);
        }
    }

    /** The earliest time every rule allows: re-evaluate at the latest retry time until all agree. */
    private static @Nullable Instant next(List<Rule> rules, Scenario s, Round first) {
        Round r = first;
        for (int i = 0; i < MAX_ROUNDS; i++) {
            if (r.never() || r.retryAt() == null) {
                return null;
            }
            Round again = round(rules, s.at(r.retryAt()));
            if (again.fired().isEmpty()) {
                return r.retryAt();
            }
            r = again;
        }
        return null;
    }

    private record Round(Set<String> fired, boolean never, @Nullable Instant retryAt) {
    }

    private static Round round(List<Rule> rules, Scenario s) {
        Set<String> fired = new LinkedHashSet<>();
        boolean never = false;
        Instant latest = null;
        for (Rule rule : rules) {
            if (rule.check(s) instanceof Verdict.Block b) {
                fired.addAll(b.rules());
                if (b.retryAt().isEmpty()) {
                    never = true;
                } else if (latest == null || b.retryAt().get().isAfter(latest)) {
                    latest = b.retryAt().get();
                }
            }
        }
        return new Round(fired, never, latest);
    }
}
