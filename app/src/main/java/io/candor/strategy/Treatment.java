package io.candor.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the strategy does with one account on one business date. */
public sealed interface Treatment {

    /** A step due today: its position on the path and which attempt it is. */
    record DueStep(int index, Step step, int attempt) {
    }

    /** On a path; {@code due} are today's steps (often none: between steps). */
    record OnPath(String segment, String variant, TreatmentPath path, LocalDate enteredOn, boolean reached,
                  List<DueStep> due) implements Treatment {
        public OnPath {
            due = List.copyOf(due);
        }
    }

    /** A promise or plan is running: the path waits. */
    record Paused(String variant, String reason) implements Treatment {
    }

    /** A hold stops all treatment. */
    record Stopped(Set<String> holds) implements Treatment {
        public Stopped {
            holds = Set.copyOf(holds);
        }
    }

    /** A complaint: a supervisor handles the account, nothing automatic happens. */
    record ToSupervisor(String reason) implements Treatment {
    }

    /** The control group of the experiment: no treatment. */
    record Holdout() implements Treatment {
    }

    /** No segment matched. */
    record Unsegmented(String variant) implements Treatment {
    }

    default String variant() {
        return switch (this) {
            case OnPath p -> p.variant();
            case Paused p -> p.variant();
            case Unsegmented u -> u.variant();
            case Holdout h -> Experiment.HOLDOUT;
            case Stopped s -> "";
            case ToSupervisor s -> "";
        };
    }
}
