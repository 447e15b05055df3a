package io.candor.strategy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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
            return onPath(BROKEN_ARRANGEMENT, variant, strategy.paths().get(strategy.escalateTo()), s, date);
        }
        return strategy.segmentFor(s)
                .<Treatment>map(seg -> onPath(seg.id(), variant,
                        strategy.paths().get(strategy.experiment().pathFor(variant, seg)), s, date))
                .orElseGet(() -> new Treatment.Unsegmented(variant));
    }

    private static Treatment.OnPath onPath(String segment, String variant, TreatmentPath path, AccountSituation s,
            LocalDate date) {
        boolean same = s.path() != null && s.path().path().equals(path.id()) && !s.path().enteredOn().isAfter(date);
        LocalDate entered = same ? s.path().enteredOn() : date;
        boolean reached = same && s.path().reachedSinceEntry();
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
