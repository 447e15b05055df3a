package io.candor.telephony;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.candor.agent.speech.SpeechRecognizer;
import org.jspecify.annotations.Nullable;

/**
 * A call's incoming audio fed to a speech recogniser on a thread of its own — never on the recording's, which a slow
 * recogniser or network must not hold up — in batches of what has arrived, with what it heard passed on. A recogniser
 * that cannot be reached leaves the call to keys alone; one that falls behind by more than {@link #LONGEST_BACKLOG}
 * loses the oldest audio, not the call.
 */
final class Listening {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Listening.class);
    static final Duration LONGEST_BACKLOG = Duration.ofSeconds(30);
    private static final int MOST_FRAMES = (int) (LONGEST_BACKLOG.toMillis() / 20);

    private final SpeechRecognizer recognizer;
    private final String locale;
    private final Consumer<SpeechRecognizer.Heard> heard;
    private final BlockingQueue<short[]> frames = new LinkedBlockingQueue<>();
    private volatile boolean open = true;
    private volatile @Nullable Thread thread;

    Listening(SpeechRecognizer recognizer, String locale, Consumer<SpeechRecognizer.Heard> heard) {
        this.recognizer = recognizer;
        this.locale = locale;
        this.heard = heard;
    }

    void start() {
        thread = Thread.ofVirtual().name("call-listening").start(this::listen);
    }

    /** The next 20 ms the far end sent. */
    void feed(short[] frame) {
        if (!open) {
            return;
        }
        if (frames.size() >= MOST_FRAMES) {
            frames.poll();
        }
        frames.add(frame.clone());
    }

    /** The call is over: what was heard so far is recognised, for a little while at most. */
    void stop() throws InterruptedException {
        open = false;
        Thread t = thread;
        if (t != null) {
            t.join(Duration.ofSeconds(5));
        }
    }

    private void listen() {
        SpeechRecognizer.Session session;
        try {
            session = recognizer.open(locale, 8000, heard);
        } catch (RuntimeException e) {
            log.warn("The call cannot hear speech ({}): the debtor is heard by keys only", e.getMessage());
            open = false;
            frames.clear();
            return;
        }
        try {
            while (open || !frames.isEmpty()) {
                short[] first = frames.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<short[]> batch = new ArrayList<>(List.of(first));
                frames.drainTo(batch);
                session.feed(joined(batch));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The call stopped hearing speech ({}): the debtor is heard by keys from now on", e.getMessage());
            open = false;
        } finally {
            try {
                session.close();
            } catch (RuntimeException e) {
                log.warn("The speech recogniser did not end its recognition cleanly: {}", e.getMessage());
            }
        }
    }

    /** Stretches of audio one after the other. */
    static short[] joined(List<short[]> frames) {
        int n = 0;
        for (short[] f : frames) {
            n += f.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] f : frames) {
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
        }
        return out;
    }
}
