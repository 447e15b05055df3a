package io.candor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.candor.bench.AgentBenchmark;
import io.candor.bench.ComplianceBenchmark;
import io.candor.bench.ComplianceRestBenchmark;
import io.candor.bench.ImportBenchmark;
import io.candor.bench.PagesBenchmark;
import io.candor.bench.PlanningBenchmark;
import io.candor.cli.CandorCli;
import io.candor.evidence.EvidenceBenchmark;

/**
 * The one entry point of the Candor jar. {@code serve} starts the platform; every other subcommand is a
 * lightweight client (REST calls to a running server, or a local computation) that never starts Spring.
 */
public final class Candor {

    /** A benchmark that starts the application itself. */
    private interface Benchmark {
        int run(List<String> args, Class<?> application) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = Map.of(
            "import", ImportBenchmark::run,
            "compliance-rest", ComplianceRestBenchmark::run,
            "evidence", EvidenceBenchmark::run,
            "planning", PlanningBenchmark::run,
            "agent", AgentBenchmark::run,
            "pages", PagesBenchmark::run,
            "calls", io.candor.telephony.CallsBenchmark::run);

    private Candor() {
    }

    public static void main(String[] args) {
        if (Runtime.version().feature() < 21) {
            System.err.println("candor: Java " + Runtime.version().feature()
                    + " is too old; Candor needs JDK 21 or newer (set JAVA_HOME to a JDK 21+).");
            System.exit(2);
        }
        if (args.length > 1 && args[0].equals("bench") && BENCHMARKS.containsKey(args[1])) {
            try {
                System.exit(BENCHMARKS.get(args[1]).run(List.of(args).subList(2, args.length),
                        CandorApplication.class));
            } catch (Exception e) {
                System.err.println("candor bench: " + e.getMessage());
                System.exit(1);
            }
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("dialer")) {
            try {
                System.exit(io.candor.dialer.DialerBenchmark.run(List.of(args).subList(2, args.length)));
            } catch (IllegalArgumentException e) {
                System.err.println("candor bench dialer: " + e.getMessage());
                System.exit(2);
            }
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("compliance")) {
            System.exit(ComplianceBenchmark.run(List.of(args).subList(2, args.length)));
        }
        if (args.length > 0 && args[0].equals("serve")) {
            CandorApplication.serve(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(new CandorCli(System.in, System.out, System.err, System.getenv()).run(args));
    }
}
