package io.candor.dialer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.candor.dialer.pacing.AbandonRules;
import io.candor.dialer.simulation.FloorSimulation;
import io.candor.platform.CommandOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candor bench dialer}: the real pacing against a simulated floor and population in simulated time, predictive
 * and the progressive baseline on the same seed, as one JSON object:
 * {@code {"predictive":{"occupancy","abandonRate","maxAbandonRate24h","callsPlaced","liveCalls","abandoned"},
 * "progressive":{…}}}.
 */
public final class DialerBenchmark {

    private DialerBenchmark() {
    }

    public static int run(List<String> args) {
        int agents = Integer.parseInt(CommandOptions.value(args, "--agents", "20"));
        double answerRate = Double.parseDouble(CommandOptions.value(args, "--answer-rate", "0.25"));
        double talk = Double.parseDouble(CommandOptions.value(args, "--talk-seconds", "180"));
        double wrap = Double.parseDouble(CommandOptions.value(args, "--wrap-seconds", "30"));
        double hours = Double.parseDouble(CommandOptions.value(args, "--hours", "8"));
        long seed = Long.parseLong(CommandOptions.value(args, "--seed", "1"));
        double machines = Double.parseDouble(CommandOptions.value(args, "--machine-share", "0.1"));
        boolean amd = args.contains("--amd");
        FloorSimulation.Population people = new FloorSimulation.Population(answerRate, machines, 8, 25, talk, wrap,
                12);
        FloorSimulation.Setup setup = new FloorSimulation.Setup(agents, hours, seed, amd, 0.85, 0.02);
        AbandonRules rules = AbandonRules.shipped();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("predictive", figures(FloorSimulation.run(DialingMode.PREDICTIVE, people, setup, rules)));
        out.put("progressive", figures(FloorSimulation.run(DialingMode.PROGRESSIVE, people, setup, rules)));
        System.out.println(JsonMapper.builder().build().writeValueAsString(out));
        return 0;
    }

    private static Map<String, Object> figures(FloorSimulation.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("occupancy", round(r.occupancy()));
        m.put("abandonRate", round(r.abandonRate()));
        m.put("maxAbandonRate24h", round(r.maxAbandonRate24h()));
        m.put("callsPlaced", r.callsPlaced());
        m.put("liveCalls", r.liveCalls());
        m.put("abandoned", r.abandoned());
        return m;
    }

    private static double round(double d) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", d));
    }
}
