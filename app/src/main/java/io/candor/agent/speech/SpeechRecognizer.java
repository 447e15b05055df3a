package io.candor.agent.speech;

import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Streaming speech recognition for a call: audio goes in as it is heard, sentences come out as they are recognised.
 * No offline recogniser for Chinese can be installed here, so the production adapter is a cloud recogniser's
 * streaming protocol ({@link CloudSpeechRecognizer}); English is recognised on this machine, an utterance at a time.
 * Results come on the recogniser's own threads.
 */
public interface SpeechRecognizer {

    /** What was recognised: a sentence so far ({@code complete} false) or finished, and when it began in the audio. */
    record Heard(String text, boolean complete, long beginMs) {
    }

    /** One recognition: feed it 16-bit samples at the rate it was opened with; close it when the audio ends. */
    interface Session extends AutoCloseable {
        void feed(short[] samples);

        /** Ends the audio and waits for the last sentences. */
        @Override
        void close();
    }

    /** Opens a recognition of {@code locale} speech at {@code sampleRate}; {@code heard} receives each result. */
    Session open(String locale, int sampleRate, Consumer<Heard> heard);

    /**
     * The cloud recogniser's real-time transcription at {@code gateway} (e.g.
     * {@code wss://nls-gateway-cn-shanghai.aliyuncs.com/ws/v1}) for the tenant's {@code appKey}, with its access token.
     */
    static SpeechRecognizer cloud(URI gateway, String appKey, String token) {
        return new CloudSpeechRecognizer(gateway, appKey, () -> token);
    }

    /** The tenant's AccessKey pair, from which tokens are made at the service's {@code tokenService} in its region. */
    record AccessKey(URI tokenService, String region, String id, String secret) {
    }

    /**
     * The cloud recogniser with tokens made from the tenant's AccessKey pair, each kept until shortly before it
     * expires: keep the recogniser for the tenant's calls so that its token is shared by them.
     */
    static SpeechRecognizer cloud(URI gateway, String appKey, AccessKey key, Clock clock) {
        CloudTokens tokens = new CloudTokens(key.tokenService(), key.region(), key.id(), key.secret(), clock);
        return new CloudSpeechRecognizer(gateway, appKey, tokens::token);
    }

    /** Thrown when the recogniser cannot be reached or refuses the task, with what to check. */
    final class Failed extends RuntimeException {
        public Failed(String message) {
            super(message);
        }
    }
}
