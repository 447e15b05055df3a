package io.candor.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.candor.audit.AuditHistory;
import io.candor.identity.Users;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.placement.ImportJob;
import io.candor.portfolio.placement.PlacementImports;
import io.candor.strategy.planning.WorkQueues;
import io.candor.tenancy.Tenants;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code candor bench pages [--users 20] [--seconds 60] [--think-ms 1000] [--audit-rows 1000000]
 * [--with-dispatch]}:
 * the demo (seeded as {@code serve --demo}
 * does), then N signed-in browser sessions — a third collectors working the queue and account 360 pages, a third
 * supervisors reading the supervisor page and the dashboards, a third administrators reading the operations console
 * (imports with 100 jobs in the history, creditors, templates, users, channels) — each reading a page for a think time (uniform
 * between half and one and a half times {@code --think-ms}; 0: the next page as soon as the last arrived, the
 * server saturated) before asking for the next. Reports per page
 * p50/p95/p99 as timed at the client on loopback (so an upper bound of the server's time) and, as the same-run
 * baseline, the sign-in page (a template with no data) under the same load.
 */
public final class PagesBenchmark {

    /** Surnames to search the demo book by (a name's start). */
    private static final List<String> NAMES = List.of("王", "李", "张", "刘", "陈", "Garcia", "Smith");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PagesBenchmark() {
    }

    public static int run(List<String> args, Class<?> application) throws Exception {
        int users = Integer.parseInt(ImportBenchmark.option(args, "--users", "20"));
        int seconds = Integer.parseInt(ImportBenchmark.option(args, "--seconds", "60"));
        int think = Integer.parseInt(ImportBenchmark.option(args, "--think-ms", "1000"));
        boolean dispatch = args.contains("--with-dispatch");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application).run(
                "--candor.data-dir=" + Files.createTempDirectory("candor-bench-pages"), "--server.port=0",
                "--candor.demo.enabled=true", "--logging.level.root=WARN", "--logging.level.io.candor=WARN",
                // the pages' own cost: the demo's outbound dispatch (the day's SMS, calls and e-mails to the
                // sandbox peers) would otherwise run during the measurement whenever it is contact hours in
                // Asia/Shanghai, and share the same two cores
                "--candor.channels.dispatch-interval=" + (dispatch ? "30s" : "3650d"))) {
            int port = Objects.requireNonNull(((WebServerApplicationContext) ctx).getWebServer()).getPort();
            String base = "http://127.0.0.1:" + port;
            UUID bank = ctx.getBean(Tenants.class).idOf("demo-bank").orElseThrow();
            List<UUID> queue = TenantContext.call(bank, () -> {
                UUID collector = ctx.getBean(Users.class).findByUsername("collector").orElseThrow().id();
                return ctx.getBean(WorkQueues.class).queue(collector, "COLLECT",
                        ctx.getBean(Tenants.class).businessDate(bank), 50).stream().map(WorkQueues.Item::account).toList();
            });
            if (queue.isEmpty()) {
                throw new IllegalStateException("the demo collector has no queue");
            }
            // a year of audit history: 1,000,000 reads of the queue's accounts by the demo's staff
            int auditRows = Integer.parseInt(ImportBenchmark.option(args, "--audit-rows", "1000000"));
            TenantContext.run(bank, () -> ctx.getBean(AuditHistory.class).synthesize(auditRows,
                    List.of("collector", "supervisor", "admin", "auditor"),
                    queue.stream().map(UUID::toString).toList()));
            // the console's import history holds 100 jobs (small exchange-rate files, each its own content)
            TenantContext.run(bank, () -> {
                PlacementImports imports = ctx.getBean(PlacementImports.class);
                LocalDate day = LocalDate.of(2025, 1, 1);
                for (int j = 0; j < 100; j++) {
                    String file = "rate_date,base,quote,rate\n" + day.plusDays(j) + ",USD,CNY,7." + (1000 + j) + "\n";
                    try {
                        imports.importNow(new PlacementImports.Request(ImportJob.Kind.EXCHANGE_RATE, "rates-" + j + ".csv",
                                null, null, null, "bench"), new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            // steady state: the planner's statistics as autovacuum leaves them minutes after a load (run by the
            // owner; measured right after seeding, stale statistics made the dashboards' plans ten times slower)
            try (var c = ctx.getBean("ownerDataSource", DataSource.class).getConnection(); var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            Map<String, List<String>> pages = new LinkedHashMap<>();
            pages.put("collector", List.of("/workbench", "/workbench/accounts/{id}"));
            pages.put("supervisor", List.of("/supervisor", "/dashboards"));
            List<String> roles = List.of(ImportBenchmark.option(args, "--roles", "collector,supervisor,admin").split(","));
            pages.put("admin", List.of("/console/imports", "/console/accounts?q={name}", "/console/accounts?q={phone}",
                    "/console/audit?account={id}", "/console/audit?user=collector", "/console/creditors",
                    "/console/templates", "/users"));
            pages.keySet().retainAll(roles);
            Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();
            AtomicLong errors = new AtomicLong();
            // warm-up, then the measured run, then the baseline at the same concurrency
            drive(base, users, Math.max(5, seconds / 6), think, queue, pages, new ConcurrentHashMap<>(), errors, false);
            errors.set(0);
            drive(base, users, seconds, think, queue, pages, samples, errors, false);
            Map<String, ConcurrentLinkedQueue<Long>> baseline = new ConcurrentHashMap<>();
            drive(base, users, Math.max(10, seconds / 3), think, queue, pages, baseline, errors, true);
            StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                    "{\"benchmark\":\"pages\",\"users\":%d,\"seconds\":%d,\"thinkMs\":%d,\"cpus\":%d,\"errors\":%d,\"pages\":{",
                    users, seconds, think, Runtime.getRuntime().availableProcessors(), errors.get()));
            double login = p(baseline.get("/login"), 95);
            boolean first = true;
            for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(samples).entrySet()) {
                json.append(first ? "" : ",").append(String.format(Locale.ROOT,
                        "\"%s\":{\"requests\":%d,\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"ratioP95ToLogin\":%.2f}",
                        e.getKey(), e.getValue().size(), p(e.getValue(), 50), p(e.getValue(), 95), p(e.getValue(), 99),
                        p(e.getValue(), 95) / login));
                first = false;
            }
            json.append(String.format(Locale.ROOT, "},\"baselineLoginP50Ms\":%.1f,\"baselineLoginP95Ms\":%.1f}",
                    p(baseline.get("/login"), 50), login));
            System.out.println(json);
            return errors.get() == 0 ? 0 : 1;
        }
    }

    private static void drive(String base, int users, int seconds, int think, List<UUID> queue,
            Map<String, List<String>> pages,
            Map<String, ConcurrentLinkedQueue<Long>> samples, AtomicLong errors, boolean baseline) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<String> roles = new ArrayList<>(pages.keySet());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                String role = roles.get(u % roles.size());
                int user = u;
                pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    try {
                        signIn(http, base, role);
                        int i = user;
                        while (System.nanoTime() < end) {
                            List<String> mine = pages.getOrDefault(role, List.of("/login"));
                            String page = baseline ? "/login" : mine.get(i % mine.size());
                            String path = page.replace("{id}", queue.get(i % queue.size()).toString())
                                    .replace("{name}", URLEncoder.encode(NAMES.get(i % NAMES.size()), StandardCharsets.UTF_8))
                                    .replace("{phone}", "138" + (i % 10));
                            long t = System.nanoTime();
                            int status = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                            long took = System.nanoTime() - t;
                            if (status == 200) {
                                samples.computeIfAbsent(page, k -> new ConcurrentLinkedQueue<>()).add(took);
                            } else {
                                errors.incrementAndGet();
                            }
                            i++;
                            if (think > 0) {
                                Thread.sleep(think / 2 + ThreadLocalRandom.current().nextInt(think + 1));
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    return null;
                });
            }
        }
    }

    private static void signIn(HttpClient http, String base, String user) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "tenant=demo-bank&username=" + user + "&password=" + URLEncoder.encode("candor-demo",
                StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + r.statusCode());
        }
    }

    private static double p(@Nullable Collection<Long> values, int percentile) {
        return values == null ? Double.NaN : ComplianceRestBenchmark.percentileMs(values, percentile);
    }
}
