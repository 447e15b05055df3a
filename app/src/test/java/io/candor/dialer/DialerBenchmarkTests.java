package io.candor.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DialerBenchmarkTests {

    @Test
    void printsOneJsonObjectWithPredictiveAndTheProgressiveBaseline() {
        PrintStream was = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(DialerBenchmark.run(List.of("--agents", "5", "--answer-rate", "0.3", "--talk-seconds", "120",
                    "--wrap-seconds", "20", "--hours", "1", "--seed", "9"))).isZero();
        } finally {
            System.setOut(was);
        }
        JsonNode out = JsonMapper.builder().build().readTree(bytes.toString(StandardCharsets.UTF_8));
        assertThat(out.propertyNames()).containsExactly("predictive", "progressive");
        for (String mode : List.of("predictive", "progressive")) {
            assertThat(out.get(mode).propertyNames()).containsExactly("occupancy", "abandonRate", "maxAbandonRate24h",
                    "callsPlaced", "liveCalls", "abandoned");
            assertThat(out.get(mode).get("callsPlaced").asLong()).isPositive();
        }
    }

    @Test
    void refusesAFloorWithoutCollectorsOrAnImpossibleAnswerRate() {
        assertThatThrownBy(() -> DialerBenchmark.run(List.of("--agents", "0")))
                .hasMessageContaining("--agents must be at least 1");
        assertThatThrownBy(() -> DialerBenchmark.run(List.of("--answer-rate", "1.5")))
                .hasMessageContaining("--answer-rate");
    }
}
