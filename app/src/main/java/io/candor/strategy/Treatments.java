package io.candor.strategy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides each account's treatment for a business date. Order matters and is the same everywhere: a complaint goes
 * to a supervisor; any other hold stops; the holdout gets nothing; a running promise or plan pauses; a broken one
 * escalates when the strategy says so; otherwise the first matching segment's path (as the variant maps it).
 */
public final class Treatments {

    /** The segment id recorded for accounts escalated after a broken arrangement. */
    public static final String BROKEN_ARRANGEMENT = "broken-arrangement";

    private final Strategy strategy;

    public Treatments(Strategy strategy) {
        this.strategy = strategy;
    }

    public Strategy strategy() {
        return strategy;
    }

    public Treatment decide(AccountSituation s, LocalDate date) {
        if (s.holds().contains("COMPLAINT_OPEN")) {
            return new Treatment.ToSupervisor("COMPLAINT_OPEN");
        }
        if (!s.holds().isEmpty()) {
            return new Treatment.Stopped(s.holds());
        }
        String variant = strategy.experiment().assign(s.account());
        if (variant.equals(Experiment.HOLDOUT)) {
            return new Treatment.Holdout();
        }
        if (s.arrangement() == AccountSituation.Arrangement.ACTIVE) {
            return new Treatment.Paused(variant, "ARRANGEMENT_ACTIVE");
        }
        if (s.arrangement() == AccountSituation.Arrangement.BROKEN && strategy.onBroken() == Strategy.OnBroken.ESCALATE
                && strategy.escalateTo() != null) {
            return onPath(BROKEN_ARRANGEMENT, variant, path(strategy.escalateTo()), s, date);
        }
        return strategy.segmentFor(s)
                .<Treatment>map(seg -> onPath(seg.id(), variant,
                        path(strategy.experiment().pathFor(variant, seg)), s, date))
                .orElseGet(() -> new Treatment.Unsegmented(variant));
    }

    /** A path the strategy names (its check makes sure each named path exists). */
    private TreatmentPath path(@Nullable String id) {
        TreatmentPath p = id == null ? null : strategy.paths().get(id);
        if (p == null) {
            throw new IllegalStateException("The strategy names a path it does not have: " + id);
        }
        return p;
    }

    private static Treatment.OnPath onPath(String segment, String variant, TreatmentPath path, AccountSituation s,
            LocalDate date) {
        AccountSituation.PathState current = s.path();
        LocalDate entered = date;
        boolean reached = false;
        if (current != null && current.path().equals(path.id()) && !current.enteredOn().isAfter(date)) {
            entered = current.enteredOn(); // still on the same path: its days count from when it entered
            reached = current.reachedSinceEntry();
        }
        int offset = (int) ChronoUnit.DAYS.between(entered, date);
        List<Treatment.DueStep> due = new ArrayList<>();
        for (int i = 0; i < path.steps().size(); i++) {
            Step step = path.steps().get(i);
            if (step.dueOn(offset, reached)) {
                due.add(new Treatment.DueStep(i, step, step.attempt(offset)));
            }
        }
        return new Treatment.OnPath(segment, variant, path, entered, reached, due);
    }
}
