package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.strategy.planning.CollectorTeams.Member;
import io.candor.strategy.planning.CollectorTeams.Team;
import org.jspecify.annotations.Nullable;

/**
 * Who works each account due a human contact today, pure: an account stays with its collector when the collector
 * touched it within the recycling period (or it was assigned within it) and is still in the team; otherwise it goes
 * to the first team by rank whose skills fit it — languages, buckets, products, an empty list taking any — to the
 * member with the fewest accounts (someone other than the previous owner when the team has anyone else).
 */
final class QueueAssignment {

    /** An account due a human contact, with what a team's skills are matched on and its expected value. */
    record Candidate(UUID account, String language, String bucket, String product, BigDecimal value) {
    }

    /** Why an account is where it is in the queue. */
    enum Reason { ASSIGNED, NEW, RECYCLED, NO_TEAM_FITS }

    /** One account's place: its priority (1 first), who works it (null: nobody fits) and whether that is new. */
    record Placement(Candidate candidate, int priority, @Nullable Member collector, Reason reason) {

        /** Whether the assignment changes (a new owner is recorded). */
        boolean reassigned() {
            return collector != null && reason != Reason.ASSIGNED;
        }
    }

    private QueueAssignment() {
    }

    /**
     * Places the candidates, highest priority first; {@code load} (accounts per collector) is updated as accounts
     * move. {@code fresh}: the accounts their owner kept within the recycling period.
     */
    static List<Placement> place(List<Candidate> candidates, List<Team> teams, Map<String, List<UUID>> members,
            Map<UUID, Integer> load, Map<UUID, Member> owners, Set<UUID> fresh) {
        Map<UUID, Integer> counts = new HashMap<>(load);
        List<Placement> placements = new ArrayList<>();
        int priority = 0;
        for (Candidate c : candidates) {
            priority++;
            Member owner = owners.get(c.account());
            boolean keep = owner != null && fresh.contains(c.account())
                    && members.getOrDefault(owner.team(), List.of()).contains(owner.id());
            Member chosen = keep ? owner : choose(c, teams, members, counts, owner);
            if (chosen != null && !keep) {
                counts.merge(chosen.id(), 1, Integer::sum);
                if (owner != null) {
                    counts.merge(owner.id(), -1, Integer::sum);
                }
            }
            Reason reason = chosen == null ? Reason.NO_TEAM_FITS : keep ? Reason.ASSIGNED
                    : owner == null ? Reason.NEW : Reason.RECYCLED;
            placements.add(new Placement(c, priority, chosen, reason));
        }
        load.clear();
        load.putAll(counts);
        return placements;
    }

    private static @Nullable Member choose(Candidate c, List<Team> teams, Map<String, List<UUID>> members,
            Map<UUID, Integer> load, @Nullable Member previous) {
        for (Team t : teams) {
            List<UUID> people = members.getOrDefault(t.code(), List.of());
            if (people.isEmpty() || !fits(t.languages(), c.language()) || !fits(t.buckets(), c.bucket())
                    || !fits(t.products(), c.product())) {
                continue;
            }
            // recycling gives the account to someone else when the team has anyone else
            List<UUID> others = people.stream().filter(p -> previous == null || !p.equals(previous.id())
                    || people.size() == 1).toList();
            UUID least = others.stream().min(Comparator.comparingInt((UUID p) -> load.getOrDefault(p, 0))
                    .thenComparing(Comparator.naturalOrder())).orElseThrow();
            return new Member(least, t.code());
        }
        return null;
    }

    private static boolean fits(List<String> skills, String value) {
        return skills.isEmpty() || skills.contains(value);
    }
}
