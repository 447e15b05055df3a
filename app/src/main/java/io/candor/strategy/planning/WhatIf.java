package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Channel;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.InvalidInputException;
import io.candor.scoring.ModelRegistry;
import io.candor.strategy.Strategy;
import io.candor.strategy.StrategyFile;
import io.candor.strategy.StrategyProblem;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What-if: plans a strategy — a draft file or the version in effect — against today's open accounts exactly as
 * the daily run would (same segments, same contact pre-check, same capacity), and only counts. Nothing is written
 * but one audit entry; the whole forecast reads one snapshot of the portfolio.
 */
@Service
public class WhatIf {

    /** The contacts a channel would carry that day, against its capacity (null: unlimited). */
    public record Load(long planned, long refused, @Nullable Integer capacity, long overCapacity) {
    }

    /** Accounts per treatment, tier, path and variant; contacts per channel. */
    public record Forecast(String strategy, @Nullable Integer version, LocalDate businessDate, long accounts,
                           Map<String, Long> treatments, Map<String, Long> tiers, Map<String, Long> paths,
                           Map<String, Long> variants, Map<String, Load> channels,
                           List<StrategyProblem> warnings) {
    }

    private final Planner planner;
    private final ModelRegistry models;
    private final StrategyVersions versions;
    private final ReportingRates rates;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    WhatIf(Planner planner, ModelRegistry models, StrategyVersions versions, ReportingRates rates, Tenants tenants,
            AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.planner = planner;
        this.models = models;
        this.versions = versions;
        this.rates = rates;
        this.tenants = tenants;
        this.audit = audit;
        this.snapshot = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /**
     * Forecasts {@code date} (the tenant's business date when null) under the draft {@code definition}, or under
     * the version in effect that day when the definition is null. A draft with errors is refused with every problem.
     */
    public Forecast forecast(@Nullable String definition, @Nullable LocalDate date) {
        LocalDate day = date == null ? tenants.businessDate(TenantContext.require()) : date;
        Strategy strategy;
        Integer version = null;
        List<StrategyProblem> warnings = List.of();
        if (definition == null || definition.isBlank()) {
            StrategyVersions.Active active = versions.inEffect(day).orElseThrow(() -> new BadRequestException(
                    "No strategy is in effect on " + day + ": send a strategy file to forecast, or publish one."));
            strategy = active.strategy();
            version = active.version();
        } else {
            List<StrategyProblem> problems = versions.validate(definition);
            List<StrategyProblem> errors = problems.stream()
                    .filter(p -> p.severity() == StrategyProblem.Severity.ERROR).toList();
            if (!errors.isEmpty()) {
                throw new InvalidInputException("The strategy has " + errors.size() + " error"
                        + (errors.size() > 1 ? "s" : "") + "; fix them to see a forecast. First: " + errors.getFirst()
                        + ".", problems);
            }
            strategy = Objects.requireNonNull(StrategyFile.parse(definition).strategy());
            warnings = problems;
        }
        Map<String, Long> counts = new TreeMap<>();
        long[] accounts = {0};
        Instant now = clock.instant();
        snapshot.executeWithoutResult(s -> {
            Map<String, BigDecimal> rates = this.rates.on(day);
            ModelRegistry.InUse model = models.inUse().orElse(null);
            for (Planner.Range range : planner.ranges()) {
                PartitionPlan plan = planner.plan(strategy, day, range, rates, now, model, account -> false);
                accounts[0] += plan.accounts;
                plan.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
        });
        Map<String, Load> channels = new TreeMap<>();
        for (Channel c : Channel.values()) {
            long planned = counts.getOrDefault("channel." + c + ".PLANNED", 0L);
            long refused = counts.getOrDefault("channel." + c + ".REFUSED", 0L);
            Integer capacity = strategy.capacity().get(c);
            if (planned + refused > 0 || capacity != null) {
                channels.put(c.name(), new Load(planned, refused, capacity,
                        capacity == null ? 0 : Math.max(0, planned - capacity)));
            }
        }
        audit.record(AuditEntry.of(AuditAction.STRATEGY_WHAT_IF, "strategy", strategy.name()).withDetail(Map.of(
                "businessDate", day.toString(), "version", version == null ? "draft" : version, "accounts", accounts[0])));
        return new Forecast(strategy.name(), version, day, accounts[0], Planner.group(counts, "treatment."),
                Planner.group(counts, "tier."), Planner.group(counts, "path."), Planner.group(counts, "variant."),
                channels, warnings);
    }
}
