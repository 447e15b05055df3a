package io.candor.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One rule's answer: pass, or block with the rules that fired and when it would next allow (never: empty). */
sealed interface Verdict {

    record Pass() implements Verdict {
    }

    record Block(List<String> rules, Optional<Instant> retryAt) implements Verdict {
    }

    Verdict PASS = new Pass();

    static Verdict never(String rule) {
        return new Block(List.of(rule), Optional.empty());
    }

    static Verdict until(String rule, Instant retryAt) {
        return new Block(List.of(rule), Optional.of(retryAt));
    }
}
