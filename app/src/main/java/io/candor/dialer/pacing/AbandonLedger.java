package io.candor.dialer.pacing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A campaign's live calls and abandoned calls over each limit's window: the abandoned rate now, and how many more
 * abandons the campaign could afford before a limit would be broken. Each abandoned call is also a live call (a
 * person answered it). Not thread-safe: one campaign's pacing owns it.
 */
public final class AbandonLedger {

    /** A live call: when it was answered, and whether it was abandoned. */
    public record LiveCall(Instant at, boolean abandoned) {
    }

    /** One limit's figures now: live and abandoned calls in its window, and the rate. */
    public record Window(AbandonRules.Limit limit, long live, long abandoned) {
        public double rate() {
            return live == 0 ? 0 : (double) abandoned / live;
        }
    }

    private final AbandonRules rules;
    private final List<Counts> windows = new ArrayList<>();

    public AbandonLedger(AbandonRules rules) {
        this.rules = rules;
        rules.limits().forEach(l -> windows.add(new Counts(l)));
    }

    /** Counts a live call answered at {@code at} (times never go back). */
    public void record(Instant at, boolean abandoned) {
        LiveCall call = new LiveCall(at, abandoned);
        for (Counts w : windows) {
            w.add(call);
        }
    }

    /** Each limit's window as it is at {@code now}. */
    public List<Window> windows(Instant now) {
        return windows.stream().map(w -> w.at(now)).toList();
    }

    /**
     * How many more abandoned calls every limit still allows at {@code now}: the largest x with
     * (abandoned + x) ÷ (live + x) within each limit's rate (an abandoned call is a live call too). Zero when the
     * next abandon would break a limit.
     */
    public long headroom(Instant now) {
        long least = Long.MAX_VALUE;
        for (Counts w : windows) {
            Window at = w.at(now);
            double r = at.limit().maxRate();
            // small epsilon: 3 of 100 is exactly 3 %, allowed
            long x = (long) Math.floor((r * at.live() - at.abandoned()) / (1 - r) + 1e-9);
            least = Math.min(least, Math.max(0, x));
        }
        return least;
    }

    /** The rules this ledger counts for. */
    public AbandonRules rules() {
        return rules;
    }

    /** One window's calls, oldest first, with running counts. */
    private static final class Counts {
        private final AbandonRules.Limit limit;
        private final Deque<LiveCall> calls = new ArrayDeque<>();
        private long live;
        private long abandoned;

        Counts(AbandonRules.Limit limit) {
            this.limit = limit;
        }

        void add(LiveCall c) {
            calls.addLast(c);
            live++;
            if (c.abandoned()) {
                abandoned++;
            }
        }

        Window at(Instant now) {
            Instant from = now.minus(limit.window());
            while (!calls.isEmpty() && !calls.peekFirst().at().isAfter(from)) {
                LiveCall old = calls.removeFirst();
                live--;
                if (old.abandoned()) {
                    abandoned--;
                }
            }
            return new Window(limit, live, abandoned);
        }
    }
}
