package io.candor.compliance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The answer for a proposed contact. */
public sealed interface Decision {

    /** The contact may go ahead now. */
    record Allow() implements Decision {
    }

    /**
     * The contact may not go ahead: the rules that fired, and the earliest time it would be allowed ({@code null}
     * when no later time helps, e.g. under a hold).
     */
    record Deny(List<String> rules, @Nullable Instant nextAllowedAt) implements Decision {
    }
}
