package io.candor.compliance;

import java.util.Arrays;
import java.util.Optional;

/** Any hold stops all outbound contact until it is lifted; each hold fires as {@code HOLD-<NAME>}. */
record HoldStop(String id, Source source) implements Rule {

    @Override
    public Verdict check(Scenario s) {
        if (s.holds().isEmpty()) {
            return Verdict.PASS;
        }
        return new Verdict.Block(s.holds().stream().map(h -> "HOLD-" + h.name()).sorted().toList(), Optional.empty());
    }

    @Override
    public String describe() {
        return "any hold (" + Arrays.toString(Hold.values()) + ") stops all outbound contact; fires as HOLD-<hold>";
    }
}
