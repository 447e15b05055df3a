package io.candor;

import io.candor.cli.CandorCli;

/**
 * The one entry point of the Candor jar. {@code serve} starts the platform; every other subcommand is a
 * lightweight client (REST calls to a running server, or a local computation) that never starts Spring.
 */
public final class Candor {

    /** A benchmark that starts the application itself. */
    private interface Benchmark {
        int run(java.util.List<String> args, Class<?> application) throws Exception;
    }

    private static final java.util.Map<String, Benchmark> BENCHMARKS = java.util.Map.of(
            "import", io.candor.bench.ImportBenchmark::run,
            "compliance-rest", io.candor.bench.ComplianceRestBenchmark::run,
            "evidence", io.candor.evidence.EvidenceBenchmark::run,
            "planning", io.candor.bench.PlanningBenchmark::run,
            "agent", io.candor.bench.AgentBenchmark::run,
            "pages", io.candor.bench.PagesBenchmark::run);

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
                System.exit(BENCHMARKS.get(args[1]).run(java.util.List.of(args).subList(2, args.length),
                        CandorApplication.class));
            } catch (Exception e) {
                System.err.println("candor bench: " + e.getMessage());
                System.exit(1);
            }
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("compliance")) {
            System.exit(io.candor.bench.ComplianceBenchmark.run(java.util.List.of(args).subList(2, args.length)));
        }
        if (args.length > 0 && args[0].equals("serve")) {
            CandorApplication.serve(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(new CandorCli(System.in, System.out, System.err, System.getenv()).run(args));
    }
}
