package io.candor.dialer.pacing;

import java.util.List;

/**
 * A campaign's floor as the pacer sees it: collectors ready with no call offered, those wrapping up and those on a
 * call (how long each has been at it), lines ringing that no collector is kept for, and answered calls waiting for a collector.
 */
public record Floor(int ready, List<Double> wrappingSeconds, List<Double> talkingSeconds, int ringing, int waiting) {

    public Floor {
        wrappingSeconds = List.copyOf(wrappingSeconds);
        talkingSeconds = List.copyOf(talkingSeconds);
    }
}
