package io.candor.telephony;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.candor.agent.speech.Speech;
import io.candor.agent.speech.SpeechRecognizer;
import io.candor.telephony.media.Utterances;
import io.candor.telephony.media.Wav;

/**
 * English recognised on this machine, an utterance at a time: the call's audio is cut into utterances by loudness
 * ({@link Utterances}); each one's start is told at once (so it stops the agent's prompt) and its words once the
 * local recogniser (pocketsphinx, against the grammar of what debtors say) has heard it, at 16 kHz as its model wants.
 * Utterances are recognised one after another, in the order they were said.
 */
final class LocalRecognizer implements SpeechRecognizer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LocalRecognizer.class);
    private static final long LONGEST_WAIT_S = 30;

    private final Speech speech;

    LocalRecognizer(Speech speech) {
        this.speech = speech;
    }

    @Override
    public Session open(String locale, int sampleRate, Consumer<Heard> heard) {
        if (sampleRate != 8000) {
            throw new IllegalArgumentException("calls carry 8000 Hz audio, not " + sampleRate);
        }
        Utterances utterances = new Utterances();
        return new Session() {
            private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

            @Override
            public void feed(short[] samples) {
                for (int at = 0; at + MediaSession.FRAME <= samples.length; at += MediaSession.FRAME) {
                    short[] frame = java.util.Arrays.copyOfRange(samples, at, at + MediaSession.FRAME);
                    switch (utterances.accept(frame)) {
                        case Utterances.Began b -> heard.accept(new Heard("", false, b.atMs()));
                        case Utterances.Ended e -> recognise(e);
                        case null -> {
                        }
                    }
                }
            }

            private void recognise(Utterances.Ended e) {
                last = last.thenRunAsync(() -> {
                    try {
                        String words = speech.recognize(Wav.mono(Wav.to16k(e.samples()), 16_000), locale);
                        heard.accept(new Heard(words, true, e.beganMs()));
                    } catch (RuntimeException ex) {
                        // one utterance not heard is one the agent asks again for; the next ones are still heard
                        log.warn("An utterance {} ms into the call could not be recognised: {}", e.beganMs(),
                                ex.getMessage());
                    }
                }, Thread::startVirtualThread);
            }

            @Override
            public void close() {
                Utterances.Ended e = utterances.flush();
                if (e != null) {
                    recognise(e);
                }
                try {
                    last.get(LONGEST_WAIT_S, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ex) {
                    throw new Failed("the local recogniser did not finish: " + ex.getMessage());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
