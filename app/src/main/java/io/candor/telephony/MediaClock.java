package io.candor.telephony;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import io.candor.telephony.media.SendLateness;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one 20 ms clock every call's media runs on: a single high-priority thread wakes on an absolute schedule (so
 * lateness never accumulates) and lets each live session send its next packet and play out its next 20 ms. The
 * period is cut into twenty 1 ms slots and each session keeps one, so a hundred calls never send in one burst. Work
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

    /** The period is cut into slots of a millisecond; each session sends in its own slot, 20 ms apart. */
    static final int SLOTS = 20;
    private static final long SLOT_NANOS = PERIOD_NANOS / SLOTS;

    @SuppressWarnings("unchecked")
    private final CopyOnWriteArrayList<Ticking>[] slots = new CopyOnWriteArrayList[SLOTS];
    private final SendLateness lateness = new SendLateness();
    private volatile boolean resetLateness;
    private volatile java.util.concurrent.@org.jspecify.annotations.Nullable CompletableFuture<SendLateness> snapshot;
    private final Thread thread;
    private volatile boolean running = true;

    MediaClock() {
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new CopyOnWriteArrayList<>();
        }
        thread = Thread.ofPlatform().name("media-clock").daemon().priority(Thread.MAX_PRIORITY).unstarted(this::run);
        thread.start();
    }

    /** Adds a session in the least busy slot, so the packets of many calls leave spread over the period. */
    synchronized void add(Ticking s) {
        int best = 0;
        for (int i = 1; i < SLOTS; i++) {
            if (slots[i].size() < slots[best].size()) {
                best = i;
            }
        }
        slots[best].add(s);
    }

    synchronized void remove(Ticking s) {
        for (CopyOnWriteArrayList<Ticking> slot : slots) {
            slot.remove(s);
        }
    }

    private void run() {
        long next = System.nanoTime() + SLOT_NANOS;
        int slot = 0;
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
            for (Ticking s : slots[slot]) {
                try {
                    lateness.record(System.nanoTime() - next); // the send-time jitter of this session's packet
                    s.tick();
                } catch (RuntimeException e) {
                    slots[slot].remove(s); // a broken session must not stop the others' media
                }
            }
            next += SLOT_NANOS;
            slot = (slot + 1) % SLOTS;
            if (System.nanoTime() - next > 10 * PERIOD_NANOS) {
                next = System.nanoTime() + SLOT_NANOS; // the machine stalled: start afresh rather than burst
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
