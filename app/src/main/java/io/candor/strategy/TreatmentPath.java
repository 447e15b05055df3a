package io.candor.strategy;

import java.util.List;

import io.candor.compliance.Channel;

/** A ladder of steps in one tier. */
public record TreatmentPath(String id, Tier tier, List<Step> steps) {

    public TreatmentPath {
        steps = List.copyOf(steps);
    }

    public boolean human() {
        return steps.stream().anyMatch(s -> s.channel() == Channel.VOICE_HUMAN
                || s.channel() == Channel.FIELD_VISIT);
    }
}
