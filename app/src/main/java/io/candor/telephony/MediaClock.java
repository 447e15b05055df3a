package io.candor.telephony;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one 20 ms clock every call's media runs on: a single high-priority thread wakes on an absolute schedule (so
 * lateness never accumulates) and lets each live session send its next packet and play out its next 20 ms. Work
 * that can wait — writing recordings, recognising speech, the dialogue — happens on the sessions' own threads,
 * never here. It keeps a histogram of how late each tick was, for the benchmark and the health page.
 */
@Component
class MediaClock implements DisposableBean {

    static final long PERIOD_NANOS = 20_000_000L;

    /** A session the clock drives. */
    interface Ticking {
        /** Sends and plays out one 20 ms frame; must not block. */
        void tick();
    }

    private final CopyOnWriteArrayList<Ticking> sessions = new CopyOnWriteArrayList<>();
    /** Tick lateness in 0.1 ms steps up to 100 ms (the last bucket holds anything later). */
    private final AtomicLongArray lateness = new AtomicLongArray(1001);
    private final Thread thread;
    private volatile boolean running = true;

    MediaClock() {
        thread = Thread.ofPlatform().name("media-clock").daemon().priority(Thread.MAX_PRIORITY).unstarted(this::run);
        thread.start();
    }

    void add(Ticking s) {
        sessions.add(s);
    }

    void remove(Ticking s) {
        sessions.remove(s);
    }

    int live() {
        return sessions.size();
    }

    /** The tick lateness at quantile {@code q} (0..1), in milliseconds, since the last reset. */
    double latenessMs(double q) {
        long total = 0;
        for (int i = 0; i < lateness.length(); i++) {
            total += lateness.get(i);
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < lateness.length(); i++) {
            seen += lateness.get(i);
            if (seen >= rank) {
                return i / 10.0;
            }
        }
        return 100;
    }

    void resetLateness() {
        for (int i = 0; i < lateness.length(); i++) {
            lateness.set(i, 0);
        }
    }

    private void run() {
        long next = System.nanoTime() + PERIOD_NANOS;
        while (running) {
            long wait = next - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = next - System.nanoTime();
            }
            long late = -wait;
            if (!sessions.isEmpty()) {
                lateness.incrementAndGet((int) Math.min(1000, late / 100_000));
            }
            for (Ticking s : sessions) {
                try {
                    s.tick();
                } catch (RuntimeException e) {
                    sessions.remove(s); // a broken session must not stop the others' media
                }
            }
            next += PERIOD_NANOS;
            if (System.nanoTime() - next > 10 * PERIOD_NANOS) {
                next = System.nanoTime() + PERIOD_NANOS; // the machine stalled: start afresh rather than burst
            }
        }
    }

    @Override
    public void destroy() {
        running = false;
        thread.interrupt();
    }
}
