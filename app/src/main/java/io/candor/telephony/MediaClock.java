package io.candor.telephony;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import io.candor.telephony.media.SendLateness;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one 20 ms clock every call's media runs on: a single high-priority thread wakes on an absolute schedule (so
 * lateness never accumulates) and lets each live session send its next packet and play out its next 20 ms. Work
 * that can wait — writing recordings, recognising speech, the dialogue — happens on the sessions' own threads,
 * never here. How late each packet leaves against its slot is kept ({@link SendLateness}), for {@code bench calls}.
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
    private final SendLateness lateness = new SendLateness();
    private volatile boolean resetLateness;
    private volatile java.util.concurrent.@org.jspecify.annotations.Nullable CompletableFuture<SendLateness> snapshot;
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

    private void run() {
        long next = System.nanoTime() + PERIOD_NANOS;
        while (running) {
            long wait = next - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = next - System.nanoTime();
            }
            if (resetLateness) {
                lateness.reset();
                resetLateness = false;
            }
            var taken = snapshot;
            if (taken != null) {
                snapshot = null;
                taken.complete(lateness.copy());
            }
            for (Ticking s : sessions) {
                try {
                    lateness.record(System.nanoTime() - next); // the send-time jitter of this session's packet
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

    /** Starts a fresh measurement of how late packets leave (from the next tick). */
    void measureFromNow() {
        resetLateness = true;
    }

    /** How late packets left since {@link #measureFromNow}, taken on the clock's own thread at its next tick. */
    SendLateness lateness() throws InterruptedException {
        var taken = new java.util.concurrent.CompletableFuture<SendLateness>();
        snapshot = taken;
        try {
            return taken.get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the media clock is not running", e);
        }
    }

    @Override
    public void destroy() {
        running = false;
        thread.interrupt();
    }
}
