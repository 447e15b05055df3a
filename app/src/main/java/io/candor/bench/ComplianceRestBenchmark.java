package io.candor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.candor.identity.NewUser;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code candor bench compliance-rest [--clients N] [--seconds N] [--rate R]}: {@code POST /api/v1/compliance/evaluate}
 * (one scenario) from N concurrent clients on loopback. First the saturation throughput (every client sends its next
 * request as soon as the last is answered); then latency at an offered load of R requests/s spread over the N
 * clients, measured from each request's scheduled start (so a stalled server is not hidden), against
 * {@code GET /api/v1/me} (the same authentication, no evaluation) at the same load in the same run. Client and server share the machine.
 */
public final class ComplianceRestBenchmark {

    static final String SCENARIO = """
            [{"id":"r1","jurisdiction":"CN","timeZone":"Asia/Shanghai","at":"2026-03-02T15:00:00+08:00","channel":"VOICE_AI",\
            "party":"DEBTOR","contactPoint":"+8613800138000","history":[\
            {"at":"2026-03-02T09:10:00+08:00","channel":"VOICE_HUMAN","party":"DEBTOR","contactPoint":"+8613800138000","outcome":"RIGHT_PARTY_CONTACT"},\
            {"at":"2026-03-02T11:00:00+08:00","channel":"VOICE_AI","party":"DEBTOR","contactPoint":"+8613800138000","outcome":"NO_ANSWER"}]}]""";

    private ComplianceRestBenchmark() {
    }

    public static int run(List<String> args, Class<?> application) throws Exception {
        int clients = args.contains("--clients") ? Integer.parseInt(args.get(args.indexOf("--clients") + 1)) : 200;
        int seconds = args.contains("--seconds") ? Integer.parseInt(args.get(args.indexOf("--seconds") + 1)) : 10;
        int rate = args.contains("--rate") ? Integer.parseInt(args.get(args.indexOf("--rate") + 1)) : 1000;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application).run(
                "--candor.data-dir=" + Files.createTempDirectory("candor-bench-rest"), "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.io.candor=WARN")) {
            int port = Objects.requireNonNull(((WebServerApplicationContext) ctx).getWebServer()).getPort();
            Tenant tenant = ctx.getBean(Tenants.class).create("bench-" + System.currentTimeMillis(), "Benchmark",
                    Tenant.Kind.LENDER, Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
            TenantContext.run(tenant.id(), () -> ctx.getBean(Users.class).create(new NewUser("officer", "Officer", null,
                    "bench-password-1", EnumSet.of(Role.COMPLIANCE_OFFICER), "en")));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port;
            String login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"" + tenant.slug()
                                    + "\",\"username\":\"officer\",\"password\":\"bench-password-1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String token = login.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            HttpRequest evaluate = HttpRequest.newBuilder(URI.create(base + "/api/v1/compliance/evaluate"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SCENARIO)).build();
            HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).GET().build();
            load(http, evaluate, clients, Math.max(2, seconds / 3), 0); // warm-up
            Result saturated = load(http, evaluate, clients, seconds, 0);
            Result baseline = load(http, me, clients, seconds, rate);
            Result eval = load(http, evaluate, clients, seconds, rate);
            System.out.println(String.format(Locale.ROOT, """
                    {"benchmark":"compliance-evaluate-rest","clients":%d,"seconds":%d,"cpus":%d,\
                    "saturationRequestsPerSecond":%.0f,"saturationP99Ms":%.2f,"offeredRequestsPerSecond":%d,\
                    "evaluateRequests":%d,"evaluateErrors":%d,"evaluateP50Ms":%.2f,"evaluateP99Ms":%.2f,\
                    "baselineMeP50Ms":%.2f,"baselineMeP99Ms":%.2f,"ratioP99EvaluateToBaseline":%.2f}""",
                    clients, seconds, Runtime.getRuntime().availableProcessors(),
                    saturated.count() / (double) seconds, saturated.p(99), rate, eval.count(), eval.errors(),
                    eval.p(50), eval.p(99), baseline.p(50), baseline.p(99), eval.p(99) / baseline.p(99)));
            return eval.errors() + saturated.errors() == 0 ? 0 : 1;
        }
    }

    private record Result(List<Long> nanos, long errors) {
        long count() {
            return nanos.size();
        }

        double p(int percentile) {
            return percentileMs(nanos, percentile);
        }
    }

    /** The nearest-rank percentile of nanosecond samples, in milliseconds (NaN without samples). */
    static double percentileMs(Collection<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** {@code rate} 0: closed loop (send again when answered); else open loop, rate/clients requests/s per client. */
    private static Result load(HttpClient http, HttpRequest request, int clients, int seconds, int rate)
            throws InterruptedException {
        long interval = rate == 0 ? 0 : 1_000_000_000L * clients / rate;
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long begin = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                long offset = interval * c / clients; // spread the clients over one interval
                pool.submit(() -> {
                    try {
                        long next = begin + offset;
                        while (System.nanoTime() < end) {
                            long t;
                            if (interval == 0) {
                                t = System.nanoTime();
                            } else {
                                long wait = next - System.nanoTime();
                                if (wait > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                                t = next; // latency counts from the scheduled start
                                next += interval;
                                if (t >= end) {
                                    break;
                                }
                            }
                            try {
                                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                                if (status == 200) {
                                    samples.add(System.nanoTime() - t);
                                } else {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Result(sorted, errors.get());
    }
}
