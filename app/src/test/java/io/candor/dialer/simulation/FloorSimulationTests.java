package io.candor.dialer.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.dialer.DialingMode;
import io.candor.dialer.pacing.AbandonRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloorSimulationTests {

    @ParameterizedTest(name = "{0} collectors, answer rate {1}, seed {2}, detector {3}")
    @CsvSource({"20, 0.25, 1, false", "20, 0.25, 2, true", "20, 0.10, 3, false", "5, 0.25, 4, false",
            "5, 0.10, 5, true"})
    void keepsEveryRollingDayWithinTheAbandonedCallLimitAndBeatsProgressiveDialling(int agents, double answerRate,
            long seed, boolean amd) {
        AbandonRules rules = AbandonRules.shipped();
        FloorSimulation.Population people = FloorSimulation.Population.of(answerRate, 180, 30);
        FloorSimulation.Setup setup = new FloorSimulation.Setup(agents, 4, seed, amd, 0.85, 0.02);
        FloorSimulation.Result predictive = FloorSimulation.run(DialingMode.PREDICTIVE, people, setup, rules);
        FloorSimulation.Result progressive = FloorSimulation.run(DialingMode.PROGRESSIVE, people, setup, rules);
        assertThat(predictive.maxAbandonRate24h()).isLessThanOrEqualTo(0.03);
        assertThat(progressive.maxAbandonRate24h()).isLessThanOrEqualTo(0.03);
        assertThat(predictive.liveCalls()).isPositive();
        assertThat(predictive.occupancy()).isGreaterThanOrEqualTo(progressive.occupancy());
        if (!amd) {
            assertThat(progressive.abandoned()).as("a kept line always has its collector").isZero();
        }
    }
}
