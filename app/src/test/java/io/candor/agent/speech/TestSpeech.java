package io.candor.agent.speech;

/** The local speech adapters with Debian's paths, for tests that run without Spring. */
public final class TestSpeech {

    private TestSpeech() {
    }

    public static Speech local() {
        return new LocalSpeech("/usr/bin/espeak-ng", "/usr/bin/pocketsphinx_continuous",
                "/usr/share/pocketsphinx/model/en-us");
    }
}
