package io.candor.deadline;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A complaint's deadlines, each the last day allowed (a local date), or null where the jurisdiction has no such
 * deadline: a summary resolution (GB), a first response (US), a final response. {@code rules} names the rules that
 * gave them, and flags (a fallback jurisdiction, a date past the holidays known).
 */
public record Deadlines(@Nullable LocalDate summaryResolutionBy, @Nullable LocalDate responseBy,
                        @Nullable LocalDate finalResponseBy, List<String> rules) {

    public Deadlines {
        rules = List.copyOf(rules);
    }
}
