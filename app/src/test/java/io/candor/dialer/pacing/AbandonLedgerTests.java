package io.candor.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AbandonLedgerTests {

    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void allowsNoAbandonBeforeAnyLiveCallAndThreeAfterAHundredAnsweredInTime() {
        AbandonLedger ledger = new AbandonLedger(AbandonRules.shipped());
        assertThat(ledger.headroom(T)).isZero();
        for (int i = 0; i < 100; i++) {
            ledger.record(T.plusSeconds(i), false);
        }
        // (0 + x) / (100 + x) <= 3 % holds up to x = 3
        assertThat(ledger.headroom(T.plusSeconds(100))).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            ledger.record(T.plusSeconds(101 + i), true);
        }
        assertThat(ledger.headroom(T.plusSeconds(200))).isZero();
        assertThat(ledger.windows(T.plusSeconds(200))).allSatisfy(w -> assertThat(w.rate()).isEqualTo(3.0 / 103));
    }

    @Test
    void forgetsCallsOlderThanTwentyFourHoursInTheDailyWindowButNotInTheThirtyDayOne() {
        AbandonLedger ledger = new AbandonLedger(AbandonRules.shipped());
        ledger.record(T, true);
        for (int i = 1; i <= 40; i++) {
            ledger.record(T.plus(Duration.ofHours(25)).plusSeconds(i), false);
        }
        var windows = ledger.windows(T.plus(Duration.ofHours(26)));
        assertThat(windows).extracting(w -> w.limit().id())
                .containsExactly("GB-OFCOM-ABANDON-24H", "US-TSR-ABANDON-30D");
        assertThat(windows.get(0).abandoned()).isZero();
        assertThat(windows.get(0).live()).isEqualTo(40);
        assertThat(windows.get(1).abandoned()).isEqualTo(1);
        assertThat(windows.get(1).live()).isEqualTo(41);
        // the 30-day window still holds the old abandon: it is the tighter one now
        assertThat(ledger.headroom(T.plus(Duration.ofHours(26)))).isZero();
    }

    @Test
    void shipsItsLimitsWithTheirSources() {
        AbandonRules rules = AbandonRules.shipped();
        assertThat(rules.limits()).allSatisfy(l -> {
            assertThat(l.maxRate()).isEqualTo(0.03);
            assertThat(l.source()).isNotBlank();
        });
        assertThat(rules.connectWithin()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rules.minRing()).isEqualTo(Duration.ofSeconds(15));
        assertThat(rules.noRepeatAfterAbandon()).isEqualTo(Duration.ofHours(72));
        assertThat(rules.amdFalsePositivesAreAbandoned()).isTrue();
    }
}
