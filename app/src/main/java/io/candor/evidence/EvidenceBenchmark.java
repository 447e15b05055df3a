package io.candor.evidence;

import io.candor.platform.CommandOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import io.candor.verify.Merkle;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code candor bench evidence [--appends N] [--proof-size N]}: sustained appends per second through the internal
 * API (records written in transactions of 100 by one thread while the sequencer batches them into the tree), against
 * raw SHA-256 leaf hashing of the same entries in the same run; then inclusion-proof generation time on a tree of
 * {@code --proof-size} leaves (default 10,000,000) whose tiles are in the database. Prints one JSON object.
 */
public final class EvidenceBenchmark {

    private EvidenceBenchmark() {
    }

    public static int run(List<String> args, Class<?> application) throws Exception {
        int appends = Integer.parseInt(CommandOptions.value(args, "--appends", "100000"));
        long proofSize = Long.parseLong(CommandOptions.value(args, "--proof-size", "10000000"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .run("--candor.data-dir=" + Files.createTempDirectory("candor-bench-evidence"),
                        "--logging.level.root=WARN", "--logging.level.io.candor=WARN")) {
            Tenants tenants = ctx.getBean(Tenants.class);
            Tenant tenant = tenants.create("bench-" + System.currentTimeMillis(), "Benchmark", Tenant.Kind.LENDER,
                    Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
            EvidenceRecorder recorder = ctx.getBean(EvidenceRecorder.class);
            Sequencer sequencer = ctx.getBean(Sequencer.class);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            EvidenceLog log = ctx.getBean(EvidenceLog.class);

            // appends: a producer records in transactions of 100 while this thread sequences
            long start = System.nanoTime();
            Thread producer = Thread.ofPlatform().start(() -> TenantContext.run(tenant.id(), () -> {
                for (int i = 0; i < appends; i += 100) {
                    int from = i;
                    tx.executeWithoutResult(s -> {
                        for (int j = from; j < Math.min(from + 100, appends); j++) {
                            recorder.record(event(j));
                        }
                    });
                }
            }));
            long size = 0;
            while (producer.isAlive() || size < appends) {
                size = Math.max(size, TenantContext.call(tenant.id(), () -> sequencer.sequence(true)));
                if (size < appends) {
                    Thread.sleep(5);
                }
            }
            producer.join();
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            long logged = TenantContext.call(tenant.id(), log::size);

            // baseline: SHA-256 leaf hashes of the same entries, nothing else
            List<byte[]> entries = TenantContext.call(tenant.id(), () -> log.about(List.of(recorder.subjectHash(
                    tenant.id(), EvidenceEvent.Subject.account(SUBJECT)))).stream().map(EvidenceLog.Stored::entry).toList());
            long h0 = System.nanoTime();
            byte[] sink = new byte[32];
            for (int round = 0; round < 5; round++) {
                for (byte[] e : entries) {
                    sink = Merkle.leafHash(e);
                }
            }
            double hashSeconds = (System.nanoTime() - h0) / 1e9 / 5;

            // proofs on a large tree: tiles of proofSize synthetic leaves written by the appender, in a second tenant
            Tenant big = tenants.create("bench-big-" + System.currentTimeMillis(), "Benchmark (large tree)",
                    Tenant.Kind.LENDER, Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
            TileStore tiles = ctx.getBean(TileStore.class);
            long b0 = System.nanoTime();
            TenantContext.run(big.id(), () -> {
                TileAppender appender = new TileAppender(0, tiles.source());
                byte[] seed = new byte[8];
                for (long i = 0; i < proofSize; i += 65_536) {
                    List<byte[]> chunk = new ArrayList<>(65_536);
                    for (long j = i; j < Math.min(i + 65_536, proofSize); j++) {
                        seed[0] = (byte) j; seed[1] = (byte) (j >> 8); seed[2] = (byte) (j >> 16); seed[3] = (byte) (j >> 24);
                        chunk.add(Merkle.leafHash(seed));
                    }
                    List<TileAppender.Tile> changed = appender.add(chunk);
                    tx.executeWithoutResult(s -> tiles.write(changed));
                }
            });
            double buildSeconds = (System.nanoTime() - b0) / 1e9;
            Random random = new Random(42);
            int proofs = 2_000;
            long[] nanos = new long[proofs];
            int proofLength = TenantContext.call(big.id(), () -> {
                int length = 0;
                for (int i = 0; i < proofs + 500; i++) { // the first 500 warm up
                    long index = (long) (random.nextDouble() * proofSize);
                    long t = System.nanoTime();
                    length = new TileHashes(tiles.source()).inclusion(index, proofSize).size();
                    if (i >= 500) {
                        nanos[i - 500] = System.nanoTime() - t;
                    }
                }
                return length;
            });
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
            System.out.println(String.format(Locale.ROOT, """
                    {"benchmark":"evidence","cpus":%d,"appends":%d,"logged":%d,"appendSeconds":%.2f,\
                    "appendsPerSecond":%.0f,"baselineSha256LeavesPerSecond":%.0f,"ratioAppendsToSha256":%.4f,\
                    "proofTreeSize":%d,"tileBuildSeconds":%.1f,"proofHashes":%d,"proofMeanMs":%.3f,"proofP50Ms":%.3f,\
                    "proofP99Ms":%.3f,"sink":%d}""",
                    Runtime.getRuntime().availableProcessors(), appends, logged, appendSeconds, appends / appendSeconds,
                    entries.size() / hashSeconds, (appends / appendSeconds) / (entries.size() / hashSeconds), proofSize,
                    buildSeconds, proofLength, mean, nanos[proofs / 2] / 1e6, nanos[proofs * 99 / 100] / 1e6, sink[0]));
            return logged >= appends ? 0 : 1;
        }
    }

    private static final UUID SUBJECT = UUID.fromString("00000000-0000-7000-8000-000000000001");

    private static EvidenceEvent event(int i) {
        return new EvidenceEvent(EvidenceType.CONTACT_DECISION, EvidenceEvent.Subject.account(SUBJECT), "bench",
                Instant.parse("2026-11-23T00:00:00Z").plusMillis(i), Map.of("verdict", i % 3 == 0 ? "DENY" : "ALLOW",
                "channel", "VOICE_AI", "n", Integer.toString(i)), List.of());
    }
}
