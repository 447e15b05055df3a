package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.candor.compliance.ComplianceEvaluator;
import io.candor.compliance.PolicyLayer;
import io.candor.compliance.Qualification;
import io.candor.compliance.RulePacks;
import io.candor.compliance.policy.PolicyLayers;
import io.candor.portfolio.AccountReadModel;
import io.candor.scoring.ModelRegistry;
import io.candor.strategy.Strategy;
import io.candor.strategy.Treatments;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Plans id ranges of open accounts in memory, for the daily run (which then writes the plan) and for a what-if
 * (which only counts it): one place that reads a range and decides every account's day.
 */
@Component
class Planner {

    /** Accounts per range. */
    static final int RANGE_SIZE = 20_000;

    /** An id range of open accounts; null bounds are open. */
    record Range(@Nullable UUID from, @Nullable UUID to) {
    }

    private final PartitionReader reader;
    private final AccountReadModel accounts;
    private final PolicyLayers policies;
    private final ComplianceEvaluator evaluator;
    private final RulePacks packs;
    private final Map<String, Set<String>> certificates = new ConcurrentHashMap<>();

    Planner(PartitionReader reader, AccountReadModel accounts, PolicyLayers policies, ComplianceEvaluator evaluator,
            RulePacks packs) {
        this.reader = reader;
        this.accounts = accounts;
        this.policies = policies;
        this.evaluator = evaluator;
        this.packs = packs;
    }

    /** The open accounts cut into ranges of {@link #RANGE_SIZE}, in id order. */
    List<Range> ranges() {
        List<UUID> bounds = accounts.openRangeBounds(RANGE_SIZE);
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i <= bounds.size(); i++) {
            ranges.add(new Range(i == 0 ? null : bounds.get(i - 1), i == bounds.size() ? null : bounds.get(i)));
        }
        return ranges;
    }

    /** Reads a range and plans every account in it for {@code date}; nothing is written. */
    PartitionPlan plan(Strategy strategy, LocalDate date, Range range, Map<String, BigDecimal> toReporting,
            Instant now, ModelRegistry.@Nullable InUse model, Predicate<UUID> panel) {
        PartitionReader.Slice slice = reader.read(range.from(), range.to(), date, now, toReporting);
        Map<String, List<PolicyLayer>> layerCache = new HashMap<>();
        PartitionPlan plan = new PartitionPlan(new Treatments(strategy), evaluator,
                (creditor, day) -> layerCache.computeIfAbsent(creditor + "/" + day, k -> policies.inEffect(creditor, day)),
                certificates(), model, panel);
        plan.plan(slice, date);
        return plan;
    }

    /** Every certificate the packs ask of human callers, per jurisdiction: the queue gives calls to holders. */
    private Map<String, Set<String>> certificates() {
        if (certificates.isEmpty()) {
            for (String j : RulePacks.SHIPPED) {
                Set<String> held = new HashSet<>();
                packs.rulesFor(j).ifPresent(rules -> rules.stream().filter(Qualification.class::isInstance)
                        .map(q -> ((Qualification) q).qualification()).forEach(held::add));
                certificates.put(j, Set.copyOf(held));
            }
        }
        return certificates;
    }

    /** The counts of a plan under one prefix ("tier.", "path." …), without it. */
    static Map<String, Long> group(Map<String, Long> counts, String prefix) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
