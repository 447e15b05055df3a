package io.candor.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The complaint deadlines on the calendars' edges: China's weekends, public holidays and the weekend days it works
 * (调休); England's Easter and Christmas bank holidays, substitutes included; the US's calendar days without roll;
 * a jurisdiction that falls back to the strictest; subdivisions, unknown jurisdictions and dates past the calendar.
 */
class DeadlineEngineTests {

    private final DeadlineEngine engine = DeadlineEngine.shipped();

    private Deadlines cn(String received, Complexity c) {
        return engine.complaint("CN", LocalDate.parse(received), c);
    }

    @Test
    void chinaCountsFifteenDaysFromTheDayAfterReceiptAndRollsOffRestDays() {
        // Monday 2 March 2026 + 15 = Tuesday 17 March, a working day
        assertThat(cn("2026-03-02", Complexity.STANDARD).finalResponseBy()).isEqualTo("2026-03-17");
        assertThat(cn("2026-03-02", Complexity.STANDARD).rules()).containsExactly("CN-CMP-01");
        // Friday 6 March + 15 = Saturday 21 March: moves to Monday 23
        assertThat(cn("2026-03-06", Complexity.STANDARD).finalResponseBy()).isEqualTo("2026-03-23");
        // 20 September + 15 = 5 October, inside the National Day holiday (1–7 October): Thursday 8 October
        assertThat(cn("2026-09-20", Complexity.STANDARD).finalResponseBy()).isEqualTo("2026-10-08");
        // 1 February + 15 = 16 February, Spring Festival (15–23 February): Tuesday 24 February
        assertThat(cn("2026-02-01", Complexity.STANDARD).finalResponseBy()).isEqualTo("2026-02-24");
        // 13 February + 15 = Saturday 28 February, a working Saturday (调休): it stays
        assertThat(cn("2026-02-13", Complexity.STANDARD).finalResponseBy()).isEqualTo("2026-02-28");
        // and the day of receipt is never counted: received on a holiday, the 15 days still start the day after
        assertThat(cn("2026-10-01", Complexity.STANDARD).finalResponseBy()).isEqualTo("2026-10-16");
        // 2025's calendar too: 20 January + 15 = 4 February, the last day of Spring Festival 2025: Wednesday 5
        assertThat(cn("2025-01-20", Complexity.STANDARD).finalResponseBy()).isEqualTo("2025-02-05");
        assertThat(cn("2026-03-02", Complexity.STANDARD).summaryResolutionBy()).isNull();
        assertThat(cn("2026-03-02", Complexity.STANDARD).responseBy()).isNull();
    }

    @Test
    void chinaAllowsComplexCasesThirtyDaysAndEspeciallyComplexOnesSixty() {
        assertThat(cn("2026-03-02", Complexity.COMPLEX).finalResponseBy()).isEqualTo("2026-04-01");
        // + 60 = 1 May, Labour Day (1–5 May): Wednesday 6 May
        assertThat(cn("2026-03-02", Complexity.ESPECIALLY_COMPLEX).finalResponseBy()).isEqualTo("2026-05-06");
    }

    @Test
    void greatBritainCountsThreeBusinessDaysForASummaryResolutionAndEightWeeksForTheFinalResponse() {
        // Thursday 2 April 2026: Good Friday 3, the weekend, Easter Monday 6 → 7, 8, 9
        Deadlines easter = engine.complaint("GB", LocalDate.parse("2026-04-02"), Complexity.STANDARD);
        assertThat(easter.summaryResolutionBy()).isEqualTo("2026-04-09");
        assertThat(easter.finalResponseBy()).isEqualTo("2026-05-28");
        assertThat(easter.responseBy()).isNull();
        assertThat(easter.rules()).containsExactly("GB-CMP-SRC", "GB-CMP-01");
        // Wednesday 23 December 2026: 24 (1), Christmas, the weekend, Boxing Day's substitute Monday 28, 29 (2), 30 (3)
        assertThat(engine.complaint("GB", LocalDate.parse("2026-12-23"), Complexity.STANDARD).summaryResolutionBy())
                .isEqualTo("2026-12-30");
        // Easter 2027 falls in March: Thursday 25 March → Good Friday 26, Easter Monday 29 → 30, 31, 1 April
        assertThat(engine.complaint("GB", LocalDate.parse("2027-03-25"), Complexity.STANDARD).summaryResolutionBy())
                .isEqualTo("2027-04-01");
        // complexity means nothing here
        assertThat(engine.complaint("GB", LocalDate.parse("2026-04-02"), Complexity.ESPECIALLY_COMPLEX))
                .isEqualTo(easter);
    }

    @Test
    void theUnitedStatesCountsCalendarDaysWithoutRollingOver() {
        Deadlines d = engine.complaint("US", LocalDate.parse("2026-12-20"), Complexity.STANDARD);
        assertThat(d.responseBy()).isEqualTo("2027-01-04");
        assertThat(d.finalResponseBy()).isEqualTo("2027-02-18");
        assertThat(d.summaryResolutionBy()).isNull();
        // 6 March + 15 = Saturday 21 March: no roll
        assertThat(engine.complaint("US", LocalDate.parse("2026-03-06"), Complexity.STANDARD).responseBy())
                .isEqualTo("2026-03-21");
    }

    @Test
    void aJurisdictionWithoutRulesTakesTheStrictestOfChinaBritainAndTheUsFlagged() {
        Deadlines d = engine.complaint("VN", LocalDate.parse("2026-03-02"), Complexity.STANDARD);
        assertThat(d.summaryResolutionBy()).as("Britain's three business days").isEqualTo("2026-03-05");
        assertThat(d.responseBy()).as("the US's 15 days").isEqualTo("2026-03-17");
        assertThat(d.finalResponseBy()).as("China's 15 days, the earliest final response").isEqualTo("2026-03-17");
        assertThat(d.rules()).containsExactly("XX-CMP-STRICTEST", "GB-CMP-SRC", "US-CMP-15D", "CN-CMP-01");
        assertThat(engine.complaint("AU", LocalDate.parse("2026-03-02"), Complexity.STANDARD).finalResponseBy())
                .as("Australia's own 30 days").isEqualTo("2026-04-01");
    }

    @Test
    void aSubdivisionTakesItsCountrysRulesAndAnUnknownJurisdictionIsRefused() {
        assertThat(engine.complaint("cn-11", LocalDate.parse("2026-03-02"), Complexity.STANDARD))
                .isEqualTo(cn("2026-03-02", Complexity.STANDARD));
        assertThat(engine.complaint("BR-SP", LocalDate.parse("2026-03-02"), Complexity.STANDARD).rules())
                .startsWith("XX-CMP-STRICTEST");
        assertThatThrownBy(() -> engine.complaint("ZZ", LocalDate.parse("2026-03-02"), Complexity.STANDARD))
                .hasMessageContaining("unknown jurisdiction 'ZZ'").hasMessageContaining("CN").hasMessageContaining("GB");
    }

    @Test
    void aDatePastTheHolidaysKnownIsFlagged() {
        Deadlines d = cn("2027-03-02", Complexity.STANDARD);
        assertThat(d.finalResponseBy()).isEqualTo("2027-03-17");
        assertThat(d.rules()).containsExactly("CN-CMP-01", "CN-CAL-UNCOVERED");
        assertThat(engine.complaint("US", LocalDate.parse("2030-01-01"), Complexity.STANDARD).rules())
                .as("calendar days need no calendar").containsExactly("US-CMP-15D", "US-CMP-01");
    }

    @Test
    void theWorkingDayBeforeALastDaySkipsRestDays() {
        assertThat(engine.workingDayBefore("CN", LocalDate.parse("2026-10-08"))).as("past National Day")
                .isEqualTo("2026-09-30");
        assertThat(engine.workingDayBefore("CN-11", LocalDate.parse("2026-03-08"))).as("a Sunday's is Friday")
                .isEqualTo("2026-03-06");
        assertThat(engine.workingDayBefore("CN", LocalDate.parse("2026-03-02"))).as("Saturday 28 February is worked")
                .isEqualTo("2026-02-28");
        assertThat(engine.workingDayBefore("GB", LocalDate.parse("2026-04-07"))).as("past Easter")
                .isEqualTo("2026-04-02");
        assertThat(engine.workingDayBefore("VN", LocalDate.parse("2026-03-02"))).as("weekends only")
                .isEqualTo("2026-02-27");
    }
}
