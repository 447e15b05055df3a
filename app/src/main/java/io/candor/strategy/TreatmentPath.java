package io.candor.strategy;

import java.util.List;

/** A ladder of steps in one tier. */
public record TreatmentPath(String id, Tier tier, List<Step> steps) {

    public TreatmentPath {
        steps = List.copyOf(steps);
    }

    public boolean human() {
        return steps.stream().anyMatch(s -> s.channel() == io.candor.compliance.Channel.VOICE_HUMAN
                || s.channel() == io.candor.compliance.Channel.FIELD_VISIT);
    }
}
