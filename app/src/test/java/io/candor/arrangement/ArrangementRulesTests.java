package io.candor.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pure rules: schedules that lose no cent, the policy's bounds and approval levels, monitoring by instalment. */
class ArrangementRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @Test
    void anEqualScheduleGivesTheRoundingToTheLastInstalment() {
        List<Due> dues = Schedules.equal(100_00, 3, TODAY);
        assertThat(dues).extracting(Due::amountMinor).containsExactly(33_33L, 33_33L, 33_34L);
        assertThat(dues).extracting(Due::on).containsExactly(TODAY, TODAY.plusMonths(1), TODAY.plusMonths(2));
        assertThat(Schedules.annuity(100_00, BigDecimal.ZERO, 4, TODAY)).extracting(Due::amountMinor)
                .containsExactly(25_00L, 25_00L, 25_00L, 25_00L);
    }

    @Test
    void approvalGoesToTheLeastSeniorOffererWhoseAuthorityCoversTheTerms() {
        Terms settlement = new Terms(Kind.SETTLEMENT, List.of(new Due(TODAY.plusDays(10), 80_00)), 100_00, 20_00, null,
                null, null);
        assertThat(PolicyCheck.check(settlement, Policy.DEFAULT, Offerer.DEBTOR, TODAY, "CNY", false))
                .isEqualTo(new PolicyCheck.NeedsApproval(Offerer.SUPERVISOR,
                        List.of("a discount of 20.00 % is above a debtor's 5 %")));
        assertThat(PolicyCheck.check(settlement, Policy.DEFAULT, Offerer.SUPERVISOR, TODAY, "CNY", false))
                .isEqualTo(new PolicyCheck.Allowed());
        assertThat(PolicyCheck.mayApprove(settlement, Policy.DEFAULT, Offerer.COLLECTOR, TODAY)).isFalse();
        Terms hardship = new Terms(Kind.HARDSHIP, List.of(), 100_00, 0, null, 30, "illness");
        assertThat(PolicyCheck.check(hardship, Policy.DEFAULT, Offerer.AGENT, TODAY, "CNY", false))
                .isInstanceOf(PolicyCheck.NeedsApproval.class);
        Terms tooLong = new Terms(Kind.HARDSHIP, List.of(), 100_00, 0, null, 120, "illness");
        assertThat(PolicyCheck.check(tooLong, Policy.DEFAULT, Offerer.CREDITOR, TODAY, "CNY", false))
                .isEqualTo(new PolicyCheck.Refused(List.of("A hardship buffer lasts 1 to 90 days.")));
    }

    @Test
    void anInstalmentIsMissedOnlyAfterItsGraceDaysAndBreaksThePlan() {
        List<Due> plan = Schedules.equal(300_00, 3, TODAY);
        assertThat(Monitoring.read(plan, 0, TODAY.plusDays(3), 3).status()).isEqualTo(Status.ACTIVE);
        Monitoring.Reading nothing = Monitoring.read(plan, 0, TODAY.plusDays(4), 3);
        assertThat(nothing.status()).isEqualTo(Status.BROKEN);
        assertThat(nothing.instalments().getFirst().status()).isEqualTo(InstalmentStatus.MISSED);
        Monitoring.Reading part = Monitoring.read(plan, 150_00, TODAY.plusMonths(1).plusDays(4), 3);
        assertThat(part.status()).isEqualTo(Status.PARTIALLY_KEPT);
        assertThat(part.instalments()).extracting(Monitoring.InstalmentState::status)
                .containsExactly(InstalmentStatus.PAID, InstalmentStatus.MISSED, InstalmentStatus.DUE);
        assertThat(Monitoring.read(plan, 300_00, TODAY, 3).status()).isEqualTo(Status.KEPT);
    }
}
