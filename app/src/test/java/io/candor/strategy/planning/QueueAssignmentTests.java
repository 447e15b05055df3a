package io.candor.strategy.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.strategy.planning.CollectorTeams.Member;
import io.candor.strategy.planning.CollectorTeams.Team;
import io.candor.strategy.planning.QueueAssignment.Candidate;
import io.candor.strategy.planning.QueueAssignment.Placement;
import io.candor.strategy.planning.QueueAssignment.Reason;
import org.junit.jupiter.api.Test;

/** Who works each account due a human call: the queue fill's rule, without a database. */
class QueueAssignmentTests {

    static final UUID ANNA = new UUID(0, 1);
    static final UUID BO = new UUID(0, 2);
    static final UUID CHEN = new UUID(0, 3);

    static final Team MANDARIN_M2 = new Team("m2-mandarin", "M2 Mandarin", List.of("zh-CN"), List.of("M2"), List.of(),
            1, List.of());
    static final Team ANYONE = new Team("all", "Everyone", List.of(), List.of(), List.of(), 2, List.of());
    static final Map<String, List<UUID>> MEMBERS = Map.of("m2-mandarin", List.of(ANNA, BO), "all", List.of(CHEN));

    static Candidate account(long id, String language, String bucket) {
        return new Candidate(new UUID(1, id), language, bucket, "CREDIT_CARD", BigDecimal.valueOf(1000 - id));
    }

    @Test
    void anAccountStaysWithTheCollectorWhoTouchedItWithinTheRecyclingPeriod() {
        Candidate a = account(1, "zh-CN", "M2");
        List<Placement> placed = QueueAssignment.place(List.of(a), List.of(MANDARIN_M2, ANYONE), MEMBERS,
                new HashMap<>(Map.of(BO, 5, ANNA, 0)), Map.of(a.account(), new Member(BO, "m2-mandarin")),
                Set.of(a.account()));
        assertThat(placed.getFirst().collector()).isEqualTo(new Member(BO, "m2-mandarin"));
        assertThat(placed.getFirst().reason()).isEqualTo(Reason.ASSIGNED);
        assertThat(placed.getFirst().reassigned()).isFalse();
    }

    @Test
    void aNewAccountGoesToTheFirstFittingTeamByRankToTheMemberWithFewestAccounts() {
        Candidate a = account(1, "zh-CN", "M2");
        List<Placement> placed = QueueAssignment.place(List.of(a), List.of(MANDARIN_M2, ANYONE), MEMBERS,
                new HashMap<>(Map.of(ANNA, 7, BO, 3)), Map.of(), Set.of());
        assertThat(placed.getFirst().collector()).isEqualTo(new Member(BO, "m2-mandarin"));
        assertThat(placed.getFirst().reason()).isEqualTo(Reason.NEW);
        assertThat(placed.getFirst().reassigned()).isTrue();
    }

    @Test
    void anAccountTheSkillsDoNotFitFallsToTheNextTeam() {
        Candidate english = account(1, "en", "M2");
        List<Placement> placed = QueueAssignment.place(List.of(english), List.of(MANDARIN_M2, ANYONE), MEMBERS,
                new HashMap<>(), Map.of(), Set.of());
        assertThat(placed.getFirst().collector()).isEqualTo(new Member(CHEN, "all"));
    }

    @Test
    void aRecycledAccountGoesToSomeoneOtherThanItsPreviousOwner() {
        Candidate a = account(1, "zh-CN", "M2");
        // Anna holds it, untouched for the recycling period, and has the fewer accounts: it still goes to Bo
        List<Placement> placed = QueueAssignment.place(List.of(a), List.of(MANDARIN_M2), MEMBERS,
                new HashMap<>(Map.of(ANNA, 1, BO, 9)), Map.of(a.account(), new Member(ANNA, "m2-mandarin")), Set.of());
        assertThat(placed.getFirst().collector()).isEqualTo(new Member(BO, "m2-mandarin"));
        assertThat(placed.getFirst().reason()).isEqualTo(Reason.RECYCLED);
    }

    @Test
    void anOwnerWhoLeftTheTeamDoesNotKeepTheAccountEvenIfTheyTouchedIt() {
        Candidate a = account(1, "zh-CN", "M2");
        UUID gone = new UUID(0, 99);
        List<Placement> placed = QueueAssignment.place(List.of(a), List.of(MANDARIN_M2), MEMBERS, new HashMap<>(),
                Map.of(a.account(), new Member(gone, "m2-mandarin")), Set.of(a.account()));
        assertThat(placed.getFirst().collector().id()).isIn(ANNA, BO);
        assertThat(placed.getFirst().reason()).isEqualTo(Reason.RECYCLED);
    }

    @Test
    void anAccountNoTeamFitsIsQueuedWithoutACollector() {
        Candidate thai = account(1, "th", "M5");
        List<Placement> placed = QueueAssignment.place(List.of(thai), List.of(MANDARIN_M2), MEMBERS, new HashMap<>(),
                Map.of(), Set.of());
        assertThat(placed.getFirst().collector()).isNull();
        assertThat(placed.getFirst().reason()).isEqualTo(Reason.NO_TEAM_FITS);
        assertThat(placed.getFirst().reassigned()).isFalse();
    }

    @Test
    void theLoadGrowsAsAccountsAreHandedOutSoNewAccountsAreSpreadInPriorityOrder() {
        List<Candidate> three = List.of(account(1, "zh-CN", "M2"), account(2, "zh-CN", "M2"), account(3, "zh-CN", "M2"));
        Map<UUID, Integer> load = new HashMap<>();
        List<Placement> placed = QueueAssignment.place(three, List.of(MANDARIN_M2), MEMBERS, load, Map.of(), Set.of());
        assertThat(placed).extracting(Placement::priority).containsExactly(1, 2, 3);
        assertThat(placed).extracting(p -> p.collector().id()).containsExactly(ANNA, BO, ANNA);
        assertThat(load).containsEntry(ANNA, 2).containsEntry(BO, 1);
    }
}
