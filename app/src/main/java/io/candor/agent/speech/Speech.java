package io.candor.agent.speech;

/**
 * Speech adapters for voice conversations. The local ones run Debian's {@code espeak-ng} (speech) and
 * {@code pocketsphinx} with a grammar (recognition of English); cloud providers fit behind the same two methods.
 */
public interface Speech {

    /** The text spoken, as a WAV file (16-bit PCM, mono). */
    byte[] synthesize(String text, String locale);

    /** What was said in a WAV recording, or an empty string when nothing was recognised. */
    String recognize(byte[] wav, String locale);

    /** Thrown when a locale or a tool is not available here, with what to install or configure. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
