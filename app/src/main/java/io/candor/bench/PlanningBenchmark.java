package io.candor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import io.candor.demo.DemoStrategy;
import io.candor.demo.DemoTrainingData;
import io.candor.identity.NewUser;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.placement.ImportJob;
import io.candor.scoring.ModelRegistry;
import io.candor.strategy.planning.PlanRuns;
import io.candor.strategy.planning.WhatIf;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candor bench planning [--accounts N] [--no-model]}: places N accounts on the embedded database (through the
 * real import), installs the default strategy and (unless --no-model) an approved scoring model, then times, in the same run: a plain SQL pass that reads the same open
 * accounts with their debtors and contact points (the baseline), the what-if of the day, and the daily planning
 * run itself. Prints one JSON object.
 */
public final class PlanningBenchmark {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private PlanningBenchmark() {
    }

    public static int run(List<String> args, Class<?> application) throws Exception {
        int accounts = Integer.parseInt(ImportBenchmark.option(args, "--accounts", "1000000"));
        Path dir = Path.of(ImportBenchmark.option(args, "--data-dir",
                Files.createTempDirectory("candor-bench").toString()));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(ImportBenchmark.springArguments(args, dir))) {
            Tenant tenant = ctx.getBean(Tenants.class).create("bench-" + System.currentTimeMillis(), "Benchmark",
                    Tenant.Kind.LENDER, Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
            Path file = dir.resolve("placement-" + accounts + ".csv");
            PlacementFileGenerator.write(file, accounts, "PL-", DAY);
            long start = System.nanoTime();
            ImportJob job = TenantContext.call(tenant.id(), () -> {
                ctx.getBean(Tenants.class).setBusinessDate(tenant.id(), DAY);
                ctx.getBean(Users.class).create(new NewUser("collector", "Collector", null, "bench-password-1",
                        EnumSet.of(Role.COLLECTOR), "zh-CN"));
                ctx.getBean(DemoStrategy.class).install();
                if (!args.contains("--no-model")) {
                    ModelRegistry registry = ctx.getBean(ModelRegistry.class);
                    ModelRegistry.Version model = registry.train("bench-score", DemoTrainingData.csv(5000, 1), "outcome",
                            "unpaid", "bench");
                    registry.approve(model.id(), "benchmark", "bench");
                }
                return ImportBenchmark.place(ctx, file);
            });
            double placeSeconds = (System.nanoTime() - start) / 1e9;
            if (job.status() != ImportJob.Status.SUCCEEDED) {
                System.err.println("candor bench: the placement did not succeed: " + job);
                return 1;
            }
            try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
                c.createStatement().execute("VACUUM ANALYZE"); // as the autovacuum would after a large placement
            }
            start = System.nanoTime();
            long read = TenantContext.call(tenant.id(), () -> plainPass(ctx.getBean(DataSource.class)));
            double plainSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            WhatIf.Forecast forecast = TenantContext.call(tenant.id(),
                    () -> ctx.getBean(WhatIf.class).forecast(null, DAY));
            double whatIfSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            PlanRuns.Run run = TenantContext.call(tenant.id(), () -> ctx.getBean(PlanRuns.class).run(DAY, "bench"));
            double runSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> summary = run.summary() == null ? Map.of() : run.summary();
            System.out.println(String.format(Locale.ROOT, """
                    {"benchmark":"planning-run","accounts":%d,"cpus":%d,"maxHeapMiB":%d,"placementSeconds":%.1f,\
                    "plainSqlPassSeconds":%.2f,"plainSqlRowsRead":%d,"whatIfSeconds":%.1f,"whatIfAccounts":%d,\
                    "runSeconds":%.1f,"accountsPerSecond":%.0f,"ratioToPlainSqlPass":%.3f,"partitions":%d,\
                    "summary":%s}""",
                    accounts, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    placeSeconds, plainSeconds, read, whatIfSeconds, forecast.accounts(), runSeconds,
                    ((Number) summary.getOrDefault("accounts", 0)).doubleValue() / runSeconds,
                    plainSeconds / runSeconds, run.partitions(), JsonMapper.builder().build().writeValueAsString(summary)));
            return run.status().equals("SUCCEEDED") ? 0 : 1;
        }
    }

    /**
     * The baseline: one statement reading every open account with its debtor, holds, path and the debtor's contact
     * points — the data the planner reads — streamed in 10,000-row fetches and dropped.
     */
    private static long plainPass(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT a.id, a.debtor_id, a.bucket, a.product, a.currency, a.dpd,
                           a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor,
                           d.language, d.region, d.country,
                           ARRAY(SELECT h.hold FROM account_hold h WHERE h.tenant_id = a.tenant_id AND h.account_id = a.id),
                           p.path, p.entered_on,
                           ARRAY(SELECT cp.kind || ':' || cp.value FROM contact_point cp
                                 WHERE cp.tenant_id = a.tenant_id AND cp.debtor_id = a.debtor_id AND cp.valid)
                    FROM account a
                    JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                    LEFT JOIN account_path p ON p.tenant_id = a.tenant_id AND p.account_id = a.id
                    WHERE a.status = 'OPEN'""")) {
                s.setFetchSize(10_000);
                long n = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                        rs.getString(14);
                        n++;
                    }
                }
                c.commit();
                return n;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the plain SQL pass failed: " + e.getMessage(), e);
        }
    }
}
