package io.candor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The what-if lines: the contract's fields, the day of receipt in the case's time zone, every bad line explained. */
class DeadlineScenariosTests {

    private List<String> run(String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DeadlineScenarios.evaluateLines(new BufferedReader(new StringReader(input)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), DeadlineEngine.shipped());
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void eachLineIsAnsweredInTheContractsShapeAndBadLinesSayWhatToFix() throws Exception {
        List<String> out = run("""
                {"id":"a","kind":"COMPLAINT","jurisdiction":"CN","receivedAt":"2026-03-02T10:15:00+08:00","timeZone":"Asia/Shanghai","complexity":"STANDARD"}
                {"id":"b","kind":"COMPLAINT","jurisdiction":"CN","receivedAt":"2026-03-01T20:00:00-05:00","timeZone":"Asia/Shanghai"}
                {"id":"c","kind":"COMPLAINT","jurisdiction":"CN","receivedAt":"2026-03-01T20:00:00-05:00"}

                {"id":"d","kind":"COMPLAINT","jurisdiction":"GB","receivedAt":"2026-02-30T10:00:00Z"}
                not json
                {"id":"e","kind":"COMPLAINT","jurisdiction":"ZZ","receivedAt":"2026-03-02T10:15:00+08:00"}
                {"id":"f","kind":"LAWSUIT","jurisdiction":"CN","receivedAt":"2026-03-02T10:15:00+08:00"}
                {"id":"g","kind":"COMPLAINT","jurisdiction":"CN","receivedAt":"2026-03-02T10:15:00+08:00","timeZone":"Mars/Olympus"}
                {"id":"h","kind":"COMPLAINT","jurisdiction":"US","receivedAt":"2026-12-20T09:00:00-05:00","complexity":"HARD"}
                {"id":"i","kind":"COMPLAINT","jurisdiction":"US","receivedAt":"2026-12-20T09:00:00-05:00"}
                """);
        assertThat(out.get(0)).isEqualTo("{\"id\":\"a\",\"summaryResolutionBy\":null,\"responseBy\":null,"
                + "\"finalResponseBy\":\"2026-03-17\",\"rules\":[\"CN-CMP-01\"]}");
        assertThat(out.get(1)).as("9 a.m. on 2 March in Shanghai").contains("\"finalResponseBy\":\"2026-03-17\"");
        assertThat(out.get(2)).as("1 March as written").contains("\"finalResponseBy\":\"2026-03-16\"");
        assertThat(out.get(3)).startsWith("{\"line\":5,\"error\":\"receivedAt '2026-02-30T10:00:00Z'");
        assertThat(out.get(4)).startsWith("{\"line\":6,\"error\":\"not JSON");
        assertThat(out.get(5)).startsWith("{\"line\":7,").contains("unknown jurisdiction 'ZZ'");
        assertThat(out.get(6)).startsWith("{\"line\":8,").contains("kind 'LAWSUIT' is not one of [COMPLAINT]");
        assertThat(out.get(7)).startsWith("{\"line\":9,").contains("timeZone 'Mars/Olympus'");
        assertThat(out.get(8)).startsWith("{\"line\":10,").contains("complexity 'HARD'");
        assertThat(out.get(9)).isEqualTo("{\"id\":\"i\",\"summaryResolutionBy\":null,\"responseBy\":\"2027-01-04\","
                + "\"finalResponseBy\":\"2027-02-18\",\"rules\":[\"US-CMP-15D\",\"US-CMP-01\"]}");
        assertThat(out).hasSize(10);
    }
}
