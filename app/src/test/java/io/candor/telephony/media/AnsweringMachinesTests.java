package io.candor.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A person's short hello and a machine's long greeting, told apart by their cadence. */
class AnsweringMachinesTests {

    static short[] frame(boolean voice, int n) {
        short[] f = new short[160];
        for (int i = 0; i < f.length && voice; i++) {
            f[i] = (short) (3000 * Math.sin(2 * Math.PI * 200 * (n * 160 + i) / 8000.0));
        }
        return f;
    }

    static AnsweringMachines.Verdict run(String cadence) {
        AnsweringMachines amd = new AnsweringMachines();
        int n = 0;
        AnsweringMachines.Verdict v = null;
        // each character is 100 ms: v voice, . silence
        for (char c : (cadence + ".".repeat(60)).toCharArray()) {
            for (int i = 0; i < 5 && v == null; i++) {
                v = amd.accept(frame(c == 'v', n++));
            }
        }
        return v;
    }

    @Test
    void aShortHelloThenWaitingIsAPerson() {
        assertThat(run("...vvvvv")).isEqualTo(AnsweringMachines.Verdict.HUMAN);
        assertThat(run("vvv.vvv")).as("wei, ni hao").isEqualTo(AnsweringMachines.Verdict.HUMAN);
    }

    @Test
    void aLongGreetingOrNothingAtFirstIsAMachine() {
        assertThat(run("vvvvvv.vvvvv.vvvvvv.vvvv")).isEqualTo(AnsweringMachines.Verdict.MACHINE);
        assertThat(run("vvvvvvvvvvvvvvvvvvvv")).isEqualTo(AnsweringMachines.Verdict.MACHINE);
        assertThat(run("")).as("silence for 2.5 s").isEqualTo(AnsweringMachines.Verdict.MACHINE);
    }
}
