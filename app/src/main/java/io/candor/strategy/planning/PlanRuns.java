package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.candor.platform.Timestamps;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.scoring.FeatureSnapshots;
import io.candor.scoring.ModelRegistry;
import io.candor.scoring.Scores;
import io.candor.strategy.Strategy;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily planning run. One run per tenant and business date: starting it again returns the finished run, or
 * joins the unfinished one. The open accounts are cut into id ranges; any number of instances claim ranges with
 * {@code FOR UPDATE SKIP LOCKED} and plan each in one transaction that also marks it done, so a crash loses only
 * the range in hand and nothing is planned twice. The last instance to finish applies channel capacity, fills the
 * work queues and writes the summary.
 */
@Service
public class PlanRuns {

    private static final Logger log = LoggerFactory.getLogger(PlanRuns.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A run and its summary (null while running). */
    public record Run(UUID id, LocalDate businessDate, String strategy, int version, @Nullable UUID model,
                      String status, int partitions, int partitionsDone, @Nullable Map<String, Object> summary,
                      Instant startedAt, @Nullable Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final StrategyVersions versions;
    private final Planner planner;
    private final ModelRegistry models;
    private final Scores scores;
    private final FeatureSnapshots snapshots;
    private final QueueFilling filling;
    private final ReportingRates rates;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance = "planner-" + UUID.randomUUID().toString().substring(0, 8);

    PlanRuns(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, StrategyVersions versions, Planner planner,
            ModelRegistry models, Scores scores, FeatureSnapshots snapshots, QueueFilling filling, ReportingRates rates, Tenants tenants,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.versions = versions;
        this.planner = planner;
        this.models = models;
        this.scores = scores;
        this.snapshots = snapshots;
        this.filling = filling;
        this.rates = rates;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    /** Plans {@code date} (the tenant's business date when null) to the end, or returns the run already done. */
    public Run run(@Nullable LocalDate date, String by) {
        UUID tenant = TenantContext.require();
        LocalDate day = date == null ? tenants.businessDate(tenant) : date;
        UUID run;
        try {
            run = tx.execute(s -> start(day, by));
        } catch (DuplicateKeyException e) {
            run = tx.execute(s -> start(day, by)); // another instance created it a moment ago: join it
        }
        io.micrometer.core.instrument.Timer.Sample timing = io.micrometer.core.instrument.Timer.start();
        work(run, day);
        Run done = find(run).orElseThrow();
        timing.stop(io.micrometer.core.instrument.Metrics.timer("candor.planning.run", "status", done.status()));
        return done;
    }

    /** The run of the latest business date planned, if any. */
    public Optional<Run> latest() {
        return jdbc.sql("SELECT id FROM plan_run ORDER BY business_date DESC LIMIT 1").query(UUID.class).optional()
                .flatMap(this::find);
    }

    public Optional<Run> find(UUID id) {
        return jdbc.sql("""
                        SELECT r.id, r.business_date, r.strategy, r.version, r.model_id, r.status, r.partitions,
                               r.summary::text,
                               r.started_at, r.finished_at,
                               (SELECT count(*) FROM plan_partition p WHERE p.tenant_id = r.tenant_id
                                AND p.run_id = r.id AND p.done) AS done
                        FROM plan_run r WHERE r.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    String summary = rs.getString("summary");
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parsed = summary == null ? null : JSON.readValue(summary, Map.class);
                    return new Run(rs.getObject("id", UUID.class), rs.getObject("business_date", LocalDate.class),
                            rs.getString("strategy"), rs.getInt("version"), rs.getObject("model_id", UUID.class),
                            rs.getString("status"),
                            rs.getInt("partitions"), rs.getInt("done"), parsed,
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant());
                })
                .optional();
    }

    /** The run of a date, creating it and its partitions the first time. */
    UUID start(LocalDate date, String by) {
        Optional<UUID> existing = jdbc.sql("SELECT id FROM plan_run WHERE business_date = :date FOR UPDATE")
                .param("date", date).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        StrategyVersions.Active active = versions.inEffect(date).orElseThrow(() -> new BadRequestException(
                "No strategy is in effect on " + date + ": publish one with POST /api/v1/strategies."));
        List<Planner.Range> ranges = planner.ranges();
        UUID id = Ids.newId();
        UUID tenant = TenantContext.require();
        jdbc.sql("""
                        INSERT INTO plan_run (tenant_id, id, business_date, strategy, version, model_id, status,
                                              partitions, requested_by, started_at)
                        VALUES (:tenant, :id, :date, :strategy, :version, :model, 'RUNNING', :partitions, :by, :now)""")
                .param("tenant", tenant).param("id", id).param("date", date).param("strategy", active.name())
                .param("model", models.inUse().map(ModelRegistry.InUse::id).orElse(null))
                .param("version", active.version()).param("partitions", ranges.size()).param("by", by)
                .param("now", Timestamps.utc(clock.instant())).update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            rows.add(new Object[] {tenant, id, i, ranges.get(i).from(), ranges.get(i).to()});
        }
        batch.batchUpdate("""
                INSERT INTO plan_partition (tenant_id, run_id, partition, from_id, to_id) VALUES (?, ?, ?, ?, ?)""", rows);
        log.info("Planning run {} for {}: strategy {} v{}, {} partitions", id, date, active.name(), active.version(),
                rows.size());
        return id;
    }

    /** Claims and plans partitions until none is left, then finishes the run if nobody else is finishing it. */
    private void work(UUID run, LocalDate date) {
        Run r = find(run).orElseThrow(() -> new NotFoundException("planning run", run));
        if (r.status().equals("SUCCEEDED")) {
            return;
        }
        while (Boolean.TRUE.equals(tx.execute(s -> planOne(run, date)))) {
            // one partition per transaction
        }
        tx.executeWithoutResult(s -> finish(run, date, versions.load(r.strategy(), r.version()), r.model()));
    }

    /** Claims one unplanned partition and plans it in the caller's transaction; false when none is left. */
    boolean planOne(UUID run, LocalDate date) {
        record Claim(int partition, @Nullable UUID from, @Nullable UUID to) {
        }
        Optional<Claim> claim = jdbc.sql("""
                        SELECT partition, from_id, to_id FROM plan_partition WHERE run_id = :run AND NOT done
                        ORDER BY partition LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("run", run)
                .query((rs, n) -> new Claim(rs.getInt(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional();
        if (claim.isEmpty()) {
            return false;
        }
        Claim c = claim.get();
        Run r = find(run).orElseThrow();
        Instant now = clock.instant();
        PartitionPlan plan = planner.plan(versions.load(r.strategy(), r.version()), date,
                new Planner.Range(c.from(), c.to()), rates.on(date), now,
                r.model() == null ? null : models.load(r.model()), snapshots::sampled);
        write(run, date, r, plan, now);
        jdbc.sql("""
                        UPDATE plan_partition SET done = true, done_by = :by, done_at = :now, accounts = :accounts,
                               counts = CAST(:counts AS jsonb)
                        WHERE run_id = :run AND partition = :partition""")
                .param("by", instance).param("now", Timestamps.utc(now)).param("accounts", plan.accounts)
                .param("counts", JSON.writeValueAsString(plan.counts)).param("run", run).param("partition", c.partition())
                .update();
        return true;
    }

    private void write(UUID run, LocalDate date, Run r, PartitionPlan plan, Instant now) {
        UUID tenant = TenantContext.require();
        batch.batchUpdate("""
                        INSERT INTO plan_action (tenant_id, business_date, account_id, step, run_id, channel, template,
                                                 planned_at, tier, path, segment, variant, attempt, expected_value,
                                                 status, rules)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                plan.actions.stream().map(a -> new Object[] {tenant, date, a.account(), a.step(), run, a.channel().name(),
                        a.template(), Timestamps.utc(a.at()), a.tier(), a.path(), a.segment(), a.variant(), a.attempt(),
                        a.expectedValue(), a.refused() ? "REFUSED" : "PLANNED",
                        a.rules().toArray(String[]::new)}).toList());
        batch.batchUpdate("""
                        INSERT INTO account_path (tenant_id, account_id, strategy, version, variant, segment, path, tier,
                                                  entered_on, planned_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, account_id) DO UPDATE SET strategy = excluded.strategy,
                            version = excluded.version, variant = excluded.variant, segment = excluded.segment,
                            path = excluded.path, tier = excluded.tier, entered_on = excluded.entered_on,
                            planned_on = excluded.planned_on""",
                plan.paths.stream().map(p -> new Object[] {tenant, p.account(), r.strategy(), r.version(), p.variant(),
                        p.segment(), p.path(), p.tier(), p.enteredOn(), date}).toList());
        Strategy strategy = versions.load(r.strategy(), r.version());
        long seed = strategy.experiment().seed();
        List<PlanningInput> assigned = plan.assigned;
        if (!assigned.isEmpty()) {
            batch.batchUpdate("""
                            INSERT INTO strategy_assignment (tenant_id, account_id, strategy, seed, variant, assigned_on)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    assigned.stream().map(in -> new Object[] {tenant, in.situation().account(), r.strategy(), seed,
                            strategy.experiment().assign(in.situation().account()), date}).toList());
            // the assignments made today in this range (one run per date): each goes into the evidence log
            List<EvidenceEvent> logged = jdbc.sql("""
                            SELECT account_id, variant FROM strategy_assignment
                            WHERE strategy = :strategy AND seed = :seed AND assigned_on = :date
                              AND account_id >= :first AND account_id <= :last""")
                    .param("strategy", r.strategy()).param("seed", seed).param("date", date)
                    .param("first", assigned.getFirst().situation().account())
                    .param("last", assigned.getLast().situation().account())
                    .query((rs, n) -> new EvidenceEvent(EvidenceType.STRATEGY_ASSIGNMENT, EvidenceEvent.Subject.account(
                            rs.getObject(1, UUID.class)), null, now, Map.of("strategy", r.strategy(), "version",
                            Integer.toString(r.version()), "seed", Long.toString(seed), "variant", rs.getString(2),
                            "businessDate", date.toString()), List.of()))
                    .list();
            events.publishEvent(new EvidenceEvent.Batch(logged));
        }
        filling.supervise(run, date, plan.supervisor);
        scores.record(plan.scores);
        snapshots.record(date, plan.snapshots);
    }

    /** Capacity, work queues and the summary, once, by whichever instance gets here first with every range done. */
    private void finish(UUID run, LocalDate date, Strategy strategy, @Nullable UUID model) {
        boolean running = jdbc.sql("SELECT status = 'RUNNING' FROM plan_run WHERE id = :id FOR UPDATE")
                .param("id", run).query(Boolean.class).single();
        long pending = jdbc.sql("SELECT count(*) FROM plan_partition WHERE run_id = :run AND NOT done")
                .param("run", run).query(Long.class).single();
        if (!running || pending > 0) {
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (var e : strategy.capacity().entrySet()) {
            // the first contact that does not fit (by expected value, then id), and everything after it
            record Cut(BigDecimal value, UUID account, int step) {
            }
            Optional<Cut> cut = jdbc.sql("""
                            SELECT expected_value, account_id, step FROM plan_action
                            WHERE business_date = :date AND channel = :channel AND status = 'PLANNED'
                            ORDER BY expected_value DESC, account_id, step OFFSET :capacity LIMIT 1""")
                    .param("date", date).param("channel", e.getKey().name()).param("capacity", e.getValue())
                    .query((rs, n) -> new Cut(rs.getBigDecimal(1), rs.getObject(2, UUID.class), rs.getInt(3)))
                    .optional();
            cut.ifPresent(c -> jdbc.sql("""
                            UPDATE plan_action SET status = 'OVER_CAPACITY'
                            WHERE business_date = :date AND channel = :channel AND status = 'PLANNED'
                              AND (expected_value < :value
                                   OR (expected_value = :value AND (account_id, step) >= (:account, :step)))""")
                    .param("date", date).param("channel", e.getKey().name()).param("value", c.value())
                    .param("account", c.account()).param("step", c.step()).update());
        }
        summary.put("workItems", filling.fill(run, date, strategy.recycleAfterDays()));
        Map<String, Long> missing = rates.conversion(date).missing();
        if (!missing.isEmpty()) {
            // accounts in a currency with no rate into the reporting currency rank as if they owed nothing: say so
            summary.put("missingRates", missing);
            log.warn("Planning run {} for {}: no exchange rate into the reporting currency for {} (accounts per "
                    + "currency); those balances are not ranked", run, date, missing);
        }
        Map<String, Long> accounts = new TreeMap<>();
        jdbc.sql("SELECT counts::text FROM plan_partition WHERE run_id = :run").param("run", run)
                .query(String.class).list().forEach(text -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Number> counts = JSON.readValue(text, Map.class);
                    counts.forEach((k, v) -> accounts.merge(k, v.longValue(), Long::sum));
                });
        summary.put("accounts", jdbc.sql("SELECT coalesce(sum(accounts), 0) FROM plan_partition WHERE run_id = :run")
                .param("run", run).query(Long.class).single());
        summary.put("treatments", Planner.group(accounts, "treatment."));
        summary.put("tiers", Planner.group(accounts, "tier."));
        summary.put("paths", Planner.group(accounts, "path."));
        summary.put("variants", Planner.group(accounts, "variant."));
        Map<String, Map<String, Long>> channels = new TreeMap<>();
        jdbc.sql("""
                        SELECT channel, status, count(*) FROM plan_action WHERE business_date = :date
                        GROUP BY channel, status""")
                .param("date", date)
                .query((rs, n) -> channels.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        summary.put("channels", channels);
        if (model != null) {
            ModelRegistry.InUse m = models.load(model);
            Scores.Drift drift = scores.checkDrift(model, date);
            summary.put("model", Map.of("name", m.name(), "version", m.version(), "scored", drift.accounts(),
                    "psi", drift.psi(), "driftAlert", drift.alert()));
        }
        jdbc.sql("UPDATE plan_run SET status = 'SUCCEEDED', finished_at = :now, summary = CAST(:summary AS jsonb) WHERE id = :id")
                .param("now", Timestamps.utc(clock.instant())).param("summary", JSON.writeValueAsString(summary))
                .param("id", run).update();
    }
}
