package io.candor.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.candor.dialer.DialingMode;
import org.junit.jupiter.api.Test;

class PacerTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void previewDialsNothingAndProgressiveRingsOneLinePerReadyCollectorWithoutOne() {
        Pacer preview = new Pacer(DialingMode.PREVIEW, AbandonRules.shipped(), SHANGHAI);
        assertThat(preview.decide(new Floor(5, List.of(), List.of(), 0, 0), T).lines()).isZero();
        Pacer progressive = new Pacer(DialingMode.PROGRESSIVE, AbandonRules.shipped(), SHANGHAI);
        Pacer.Decision d = progressive.decide(new Floor(5, List.of(10.0), List.of(60.0), 2, 0), T);
        assertThat(d.lines()).isEqualTo(3);
        assertThat(d.why()).isEqualTo(Pacer.Why.ONE_LINE_PER_READY_COLLECTOR);
    }

    @Test
    void predictiveNeverHasMoreLinesInFlightThanReadyCollectorsPlusTheAbandonsTheLimitsAllow() {
        Pacer pacer = new Pacer(DialingMode.PREDICTIVE, AbandonRules.shipped(), SHANGHAI);
        SplittableRandom random = new SplittableRandom(7);
        Instant now = T;
        for (int round = 0; round < 5_000; round++) {
            now = now.plusSeconds(1);
            if (random.nextInt(4) == 0) {
                pacer.live(now, random.nextInt(60) == 0 && pacer.ledger().headroom(now) > 0);
            }
            pacer.answered(Duration.ofSeconds(2 + random.nextInt(12)));
            if (random.nextBoolean()) {
                pacer.notAnswered(Duration.ofSeconds(25));
            }
            pacer.talked(Duration.ofSeconds(60 + random.nextInt(240)));
            pacer.wrapped(Duration.ofSeconds(10 + random.nextInt(40)));
            int ready = random.nextInt(4);
            int ringing = random.nextInt(10);
            int waiting = random.nextInt(2);
            List<Double> wrapping = new ArrayList<>();
            List<Double> talking = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                (random.nextBoolean() ? wrapping : talking).add(random.nextDouble() * 200);
            }
            Pacer.Decision d = pacer.decide(new Floor(ready, wrapping, talking, ringing, waiting), now);
            long headroom = pacer.ledger().headroom(now);
            // every line answered at once, each ready collector taking one: the rest abandoned
            long worstBefore = ringing + waiting - ready;
            long worstAfter = worstBefore + d.lines();
            if (worstBefore <= headroom) {
                assertThat(worstAfter).as("round %d", round).isLessThanOrEqualTo(headroom);
            } else {
                assertThat(d.lines()).as("round %d: already past the headroom", round).isZero();
            }
        }
    }

    @Test
    void ringsMoreLinesThanReadyCollectorsOnceTheLimitsLeaveRoom() {
        Pacer pacer = new Pacer(DialingMode.PREDICTIVE, AbandonRules.shipped(), SHANGHAI);
        Floor busy = new Floor(1, List.of(25.0, 28.0), List.of(170.0, 100.0, 50.0), 0, 0);
        assertThat(pacer.decide(busy, T).lines()).as("no live call yet: nothing to spend").isEqualTo(1);
        for (int i = 0; i < 300; i++) {
            pacer.live(T.plusSeconds(i), false);
        }
        Pacer.Decision d = pacer.decide(busy, T.plusSeconds(400));
        assertThat(d.lines()).isGreaterThan(1);
        assertThat(d.pacedAs()).isEqualTo(DialingMode.PREDICTIVE);
    }

    @Test
    void stopsPredictiveDiallingForTheRestOfTheDayWhenARateReachesItsLimitAndResumesTheNextDay() {
        Pacer pacer = new Pacer(DialingMode.PREDICTIVE, AbandonRules.shipped(), SHANGHAI);
        for (int i = 0; i < 97; i++) {
            pacer.live(T.plusSeconds(i), false);
        }
        for (int i = 0; i < 3; i++) {
            pacer.live(T.plusSeconds(100 + i), true); // a detector's mistakes: 3 of 100
        }
        Floor floor = new Floor(2, List.of(20.0), List.of(100.0), 0, 0);
        Pacer.Decision stopped = pacer.decide(floor, T.plus(Duration.ofHours(8)));
        assertThat(stopped.why()).isEqualTo(Pacer.Why.STOPPED_FOR_THE_DAY);
        assertThat(stopped.pacedAs()).isEqualTo(DialingMode.PROGRESSIVE);
        assertThat(stopped.lines()).isEqualTo(2);
        assertThat(pacer.mayDetectMachines(T.plus(Duration.ofHours(8)), 0)).isFalse();
        // the next day in Shanghai: predictive again (the 30-day window still counts the abandons)
        assertThat(pacer.decide(floor, T.plus(Duration.ofHours(24))).pacedAs()).isEqualTo(DialingMode.PREDICTIVE);
    }
}
