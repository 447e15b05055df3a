package io.candor.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.candor.compliance.Channel;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TreatmentsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final Strategy strategy;
    private final Treatments treatments;

    TreatmentsTests() throws IOException {
        strategy = StrategyFile.parse(StrategyFileTests.shipped()).strategy();
        treatments = new Treatments(strategy);
    }

    /** An account in the champion variant (the holdout would get no treatment). */
    private static UUID champion(Strategy s) {
        for (int i = 0; ; i++) {
            UUID id = new UUID(42, i);
            if (s.experiment().assign(id).equals("champion")) {
                return id;
            }
        }
    }

    private AccountSituation account(String bucket, String balance, int withoutContact, boolean vulnerable,
            AccountSituation.Arrangement arrangement, Set<String> holds, AccountSituation.@Nullable PathState path) {
        return new AccountSituation(champion(strategy), bucket, "CONSUMER_LOAN", "zh", "CN-31", "CN", "CNY", null,
                arrangement, 20, new BigDecimal(balance), withoutContact, withoutContact, null, 0, false, vulnerable,
                false, holds, path);
    }

    private AccountSituation plain(String bucket) {
        return account(bucket, "3000.00", 0, false, AccountSituation.Arrangement.NONE, Set.of(), null);
    }

    @Test
    void anEarlyAccountStartsOnTheDigitalPathWithAnSmsToday() {
        Treatment t = treatments.decide(plain("M1"), TODAY);
        assertThat(t).isInstanceOfSatisfying(Treatment.OnPath.class, p -> {
            assertThat(p.segment()).isEqualTo("early");
            assertThat(p.path().tier()).isEqualTo(Tier.DIGITAL);
            assertThat(p.enteredOn()).isEqualTo(TODAY);
            assertThat(p.due()).singleElement().satisfies(d -> assertThat(d.step().channel()).isEqualTo(Channel.SMS));
        });
    }

    @Test
    void stepsFallDueByDaysOnThePathAndRetriesStopOnceTheDebtorWasReached() {
        AccountSituation.PathState began = new AccountSituation.PathState("early-digital", TODAY.minusDays(4), false);
        AccountSituation s = account("M1", "3000.00", 2, false, AccountSituation.Arrangement.NONE, Set.of(), began);
        // day 4: the AI call of day 2 retried every 2 days
        assertThat(treatments.decide(s, TODAY)).isInstanceOfSatisfying(Treatment.OnPath.class, p -> assertThat(p.due())
                .singleElement().satisfies(d -> {
                    assertThat(d.step().channel()).isEqualTo(Channel.VOICE_AI);
                    assertThat(d.attempt()).isEqualTo(1);
                }));
        AccountSituation reached = account("M1", "3000.00", 0, false, AccountSituation.Arrangement.NONE, Set.of(),
                new AccountSituation.PathState("early-digital", TODAY.minusDays(4), true));
        assertThat(treatments.decide(reached, TODAY)).isInstanceOfSatisfying(Treatment.OnPath.class,
                p -> assertThat(p.due()).isEmpty());
    }

    @Test
    void handOffsGoToHumansForVulnerabilityAndHighBalancesAndToLegalWhenNobodyCanBeReached() {
        assertThat(treatments.decide(account("M1", "3000.00", 0, true, AccountSituation.Arrangement.NONE, Set.of(), null),
                TODAY)).isInstanceOfSatisfying(Treatment.OnPath.class, p -> {
                    assertThat(p.segment()).isEqualTo("care");
                    assertThat(p.path().tier()).isEqualTo(Tier.HUMAN);
                });
        assertThat(treatments.decide(account("M1", "80000.00", 0, false, AccountSituation.Arrangement.NONE, Set.of(),
                null), TODAY)).isInstanceOfSatisfying(Treatment.OnPath.class,
                p -> assertThat(p.segment()).isEqualTo("high-balance"));
        assertThat(treatments.decide(account("M5", "3000.00", 6, false, AccountSituation.Arrangement.NONE, Set.of(),
                null), TODAY)).isInstanceOfSatisfying(Treatment.OnPath.class, p -> {
                    assertThat(p.path().tier()).isEqualTo(Tier.LEGAL);
                    assertThat(p.due()).singleElement().satisfies(d -> assertThat(d.step().channel()).isEqualTo(Channel.LETTER));
                });
    }

    @Test
    void aPromisePausesABrokenOneEscalatesAHoldStopsAndAComplaintGoesToASupervisor() {
        assertThat(treatments.decide(account("M1", "3000.00", 0, false, AccountSituation.Arrangement.ACTIVE, Set.of(),
                null), TODAY)).isEqualTo(new Treatment.Paused("champion", "ARRANGEMENT_ACTIVE"));
        assertThat(treatments.decide(account("M1", "3000.00", 0, false, AccountSituation.Arrangement.BROKEN, Set.of(),
                null), TODAY)).isInstanceOfSatisfying(Treatment.OnPath.class, p -> {
                    assertThat(p.segment()).isEqualTo(Treatments.BROKEN_ARRANGEMENT);
                    assertThat(p.path().id()).isEqualTo("human-standard");
                });
        assertThat(treatments.decide(account("M1", "3000.00", 0, false, AccountSituation.Arrangement.NONE,
                Set.of("DISPUTE"), null), TODAY)).isEqualTo(new Treatment.Stopped(Set.of("DISPUTE")));
        assertThat(treatments.decide(account("M1", "3000.00", 0, false, AccountSituation.Arrangement.ACTIVE,
                Set.of("COMPLAINT_OPEN", "DISPUTE"), null), TODAY)).isEqualTo(new Treatment.ToSupervisor("COMPLAINT_OPEN"));
    }

    @Test
    void assignmentIsReproducibleFromTheSeedAndFollowsTheShares() {
        Map<String, Integer> counts = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            UUID id = UUID.nameUUIDFromBytes(("account-" + i).getBytes());
            String variant = strategy.experiment().assign(id);
            assertThat(new Experiment(20260101, 5, strategy.experiment().variants()).assign(id)).isEqualTo(variant);
            counts.merge(variant, 1, Integer::sum);
        }
        assertThat(counts.get("champion") / (double) n).isCloseTo(0.80, within(0.01));
        assertThat(counts.get("sms-first") / (double) n).isCloseTo(0.15, within(0.01));
        assertThat(counts.get(Experiment.HOLDOUT) / (double) n).isCloseTo(0.05, within(0.01));
        Experiment reseeded = new Experiment(7, 5, strategy.experiment().variants());
        long moved = IntStream.range(0, 1000).mapToObj(i -> new UUID(9, i))
                .filter(id -> !reseeded.assign(id).equals(strategy.experiment().assign(id))).count();
        assertThat(moved).isPositive();
    }

    @Test
    void aChallengerVariantUsesItsOwnPathForTheSegment() {
        UUID challenger = null;
        for (int i = 0; challenger == null; i++) {
            UUID id = new UUID(7, i);
            if (strategy.experiment().assign(id).equals("sms-first")) {
                challenger = id;
            }
        }
        AccountSituation s = new AccountSituation(challenger, "M1", "BNPL", "en", "", "SG", "SGD", null,
                AccountSituation.Arrangement.NONE, 3, new BigDecimal("100"), 0, 0, null, 0, false, false, false,
                Set.of(), null);
        assertThat(treatments.decide(s, TODAY)).isInstanceOfSatisfying(Treatment.OnPath.class, p -> {
            assertThat(p.variant()).isEqualTo("sms-first");
            assertThat(p.path().id()).isEqualTo("early-sms-first");
        });
    }
}
