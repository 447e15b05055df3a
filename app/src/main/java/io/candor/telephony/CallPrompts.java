package io.candor.telephony;

import java.util.Map;

import io.candor.agent.speech.Speech;
import io.candor.telephony.media.Wav;

/**
 * What the AI voice agent says on a call, as 8 kHz audio: the automated-call disclosure first, in the debtor's
 * language. Mandarin is written in numbered pinyin and spoken by espeak-ng's {@code cmn-latn-pinyin} voice, which
 * gets the tones right where its Chinese-character voice misreads them.
 */
final class CallPrompts {

    /** An opening: what is said (for speech, and in characters for the transcript) and the voice's locale. */
    private record Opening(String spoken, String voice, String written) {
    }

    private static final String PINYIN = "nin2 hao3. zhe4 shi4 zi4 dong4 yu3 yin1 hu1 jiao4, tong1 hua4 jiang1 bei4 "
            + "lu4 yin1. ji4 xu4 qing3 an4 yi1.";
    private static final String ENGLISH = "Hello. This is an automated call, and it is recorded. Please press 1 to "
            + "continue, or hang up at any time.";

    /** The disclosure and the first question, by language. */
    private static final Map<String, Opening> OPENING = Map.of(
            "en", new Opening(ENGLISH, "en", ENGLISH),
            "zh-CN", new Opening(PINYIN, "zh-Latn-pinyin", "您好，这是自动语音呼叫，通话将被录音。继续请按 1。"),
            "zh-TW", new Opening(PINYIN, "zh-Latn-pinyin", "您好，這是自動語音呼叫，通話將被錄音。繼續請按 1。"));

    private final Speech speech;

    CallPrompts(Speech speech) {
        this.speech = speech;
    }

    record Prompt(String text, short[] audio) {
    }

    Prompt opening(String language) {
        String lang = OPENING.containsKey(language) ? language : language.startsWith("zh") ? "zh-CN" : "en";
        Opening o = java.util.Objects.requireNonNull(OPENING.get(lang));
        byte[] wav = speech.synthesize(o.spoken(), o.voice());
        return new Prompt(o.written(), Wav.to8k(Wav.channel(wav, 0), Wav.format(wav).rate()));
    }
}
