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

    /** The disclosure and the first question, by language: (text for speech, locale for the voice). */
    private static final Map<String, String[]> OPENING = Map.of(
            "en", new String[] {"Hello. This is an automated call, and it is recorded. Please press 1 to continue, "
                    + "or hang up at any time.", "en"},
            "zh-CN", new String[] {"nin2 hao3. zhe4 shi4 zi4 dong4 yu3 yin1 hu1 jiao4, tong1 hua4 jiang1 bei4 lu4 yin1. "
                    + "ji4 xu4 qing3 an4 yi1.", "zh-Latn-pinyin"},
            "zh-TW", new String[] {"nin2 hao3. zhe4 shi4 zi4 dong4 yu3 yin1 hu1 jiao4, tong1 hua4 jiang1 bei4 lu4 yin1. "
                    + "ji4 xu4 qing3 an4 yi1.", "zh-Latn-pinyin"});

    /** What the prompt says (for the transcript), in the debtor's language. */
    private static final Map<String, String> WRITTEN = Map.of(
            "en", "Hello. This is an automated call, and it is recorded. Please press 1 to continue, or hang up at any time.",
            "zh-CN", "您好，这是自动语音呼叫，通话将被录音。继续请按 1。",
            "zh-TW", "您好，這是自動語音呼叫，通話將被錄音。繼續請按 1。");

    private final Speech speech;

    CallPrompts(Speech speech) {
        this.speech = speech;
    }

    record Prompt(String text, short[] audio) {
    }

    Prompt opening(String language) {
        String lang = OPENING.containsKey(language) ? language : language.startsWith("zh") ? "zh-CN" : "en";
        String[] spoken = java.util.Objects.requireNonNull(OPENING.get(lang));
        byte[] wav = speech.synthesize(spoken[0], spoken[1]);
        Wav.Format f = Wav.format(wav);
        return new Prompt(WRITTEN.getOrDefault(lang, ""), Wav.to8k(Wav.channel(wav, 0), f.rate()));
    }
}
