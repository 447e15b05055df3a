package io.candor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.PlacementCsv;
import io.candor.portfolio.placement.ImportJob;
import io.candor.portfolio.placement.PlacementImports;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code candor bench import [--rows N] [--data-dir DIR]}: imports a generated placement file of N rows on the
 * embedded database and compares it with a raw {@code COPY} of the same file into an unindexed table, in the
 * same run. Prints one JSON object.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    /** Runs the benchmark on {@code application} (the Spring Boot application class). */
    public static int run(List<String> args, Class<?> application) throws Exception {
        int rows = Integer.parseInt(option(args, "--rows", "1000000"));
        Path dir = Path.of(option(args, "--data-dir", Files.createTempDirectory("candor-bench").toString()));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(springArguments(args, dir))) {
            Tenants tenants = ctx.getBean(Tenants.class);
            Tenant tenant = tenants.create("bench-" + System.currentTimeMillis(), "Benchmark", Tenant.Kind.LENDER,
                    Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
            Path file = dir.resolve("placement-" + rows + ".csv");
            PlacementFileGenerator.write(file, rows, "BR-", LocalDate.of(2026, 11, 23));
            long bytes = Files.size(file);

            double copySeconds = TenantContext.call(tenant.id(), () -> rawCopy(ctx.getBean(DataSource.class), file));

            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            ImportJob job = TenantContext.call(tenant.id(), () -> place(ctx, file));
            double importSeconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            if (job.status() != ImportJob.Status.SUCCEEDED || job.imported() != rows) {
                System.err.println("candor bench: the import did not succeed: " + job);
                return 1;
            }
            System.out.println(String.format(Locale.ROOT, """
                    {"benchmark":"placement-import","rows":%d,"fileBytes":%d,"cpus":%d,"maxHeapMiB":%d,\
                    "rawCopySeconds":%.2f,"rawCopyRowsPerSecond":%.0f,"importSeconds":%.2f,\
                    "importRowsPerSecond":%.0f,"ratioToRawCopy":%.3f,"peakHeapMiB":%d}""",
                    rows, bytes, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    copySeconds, rows / copySeconds, importSeconds, rows / importSeconds, copySeconds / importSeconds,
                    peakHeap >> 20));
            return 0;
        }
    }

    /** Places the accounts of a generated file through the real import, in the caller's tenant. */
    static ImportJob place(ConfigurableApplicationContext ctx, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ctx.getBean(PlacementImports.class).importNow(new PlacementImports.Request(
                    ImportJob.Kind.PLACEMENT, file.getFileName().toString(), null, "BENCH", null, "bench"), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The baseline: the same CSV copied as text into an unindexed temporary table, nothing else. */
    private static double rawCopy(DataSource dataSource, Path file) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE raw_copy (" + String.join(" text, ", PlacementCsv.HEADER) + " text) ON COMMIT DROP");
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY raw_copy FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.commit();
            return seconds;
        } catch (Exception e) {
            throw new IllegalStateException("raw COPY failed: " + e.getMessage(), e);
        }
    }

    /** The benchmark's own settings, then any {@code --name=value} given on the command line. */
    static String[] springArguments(List<String> args, Path dir) {
        List<String> spring = new ArrayList<>(List.of("--candor.data-dir=" + dir,
                "--logging.level.root=WARN", "--logging.level.io.candor=WARN"));
        args.stream().filter(a -> a.startsWith("--") && a.contains("=")).forEach(spring::add);
        return spring.toArray(String[]::new);
    }

    static String option(List<String> args, String name, String fallback) {
        return io.candor.platform.CommandOptions.value(args, name, fallback);
    }
}
