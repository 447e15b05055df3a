package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code candor nlu classify}: tab-separated lines in and out, offline. */
class NluCommandsTests {

    @Test
    void classifiesEachLineAndKeepsItsId() {
        String input = "a1\t我下周五之前一定还两千\nb2\tI already paid this last week, stop calling me!!!\n"
                + "c3\t我要投訴你們\nbroken line\nd4\t \n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CandorCli(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(new String[] {"nlu", "classify"});
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("a1\tPROMISE_TO_PAY\tCALM");
        assertThat(lines[1]).startsWith("b2\tALREADY_PAID\t");
        assertThat(lines[2]).startsWith("c3\tCOMPLAINT\t");
        assertThat(code).as("a malformed line is reported and makes the exit code 1").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 4 has no tab")
                .contains("line 5 has no text after the tab");
    }
}
