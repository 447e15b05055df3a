package io.candor.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A challenger that raises complaints significantly is promoted only with a recorded override. */
class ComplaintGuardrailTests {

    @Test
    void aSignificantRiseInComplaintsNeedsAnOverrideAndNothingElseDoes() {
        // 30 of 1,000 accounts complained under the challenger, 10 of 1,000 under the champion
        Significance.Test worse = Significance.proportions(30, 1000, 10, 1000);
        assertThat(worse.significant()).isTrue();
        assertThat(ComplaintGuardrail.refusal("sms-first", worse, null)).contains("sms-first")
                .contains("2.00 percentage points").contains("complaintOverride");
        assertThat(ComplaintGuardrail.refusal("sms-first", worse, "  ")).as("a blank override is none").isNotNull();
        assertThat(ComplaintGuardrail.refusal("sms-first", worse, "the regulator agreed the script change")).isNull();
        assertThat(ComplaintGuardrail.overridden(worse)).isTrue();

        Significance.Test better = Significance.proportions(10, 1000, 30, 1000);
        assertThat(ComplaintGuardrail.refusal("sms-first", better, null)).as("fewer complaints").isNull();
        Significance.Test noise = Significance.proportions(2, 30, 1, 30);
        assertThat(ComplaintGuardrail.refusal("sms-first", noise, null)).as("too few to tell").isNull();
        assertThat(ComplaintGuardrail.overridden(noise)).isFalse();
    }
}
