package io.candor.strategy;

import java.time.LocalTime;

import io.candor.compliance.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One action of a path: on day {@code day} after the account entered the path, on {@code channel}, at {@code at}
 * in the debtor's local time; retried {@code retries} times every {@code retryEvery} days while nobody has reached
 * the debtor since the path began. Human calls have no template: a collector works them from a queue.
 */
public record Step(int day, Channel channel, @Nullable String template, LocalTime at, int retries, int retryEvery) {

    /** Whether this step is due {@code offset} days after the path began. */
    public boolean dueOn(int offset, boolean reached) {
        if (offset == day) {
            return true;
        }
        int after = offset - day;
        return !reached && after > 0 && retryEvery > 0 && after % retryEvery == 0 && after / retryEvery <= retries;
    }

    /** Attempt number on that day: 0 the first time, 1.. for retries. */
    public int attempt(int offset) {
        return offset == day || retryEvery == 0 ? 0 : (offset - day) / retryEvery;
    }
}
