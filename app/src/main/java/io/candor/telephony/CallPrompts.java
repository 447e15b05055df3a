package io.candor.telephony;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.agent.speech.Pinyin;
import io.candor.agent.speech.Speech;
import io.candor.telephony.media.Wav;

/**
 * What the AI voice agent says on a call, as 8 kHz audio: the automated-call disclosure first, in the debtor's
 * language, then the conversation's replies. Mandarin is read as numbered pinyin (names by the surname table) and
 * spoken by espeak-ng's {@code cmn-latn-pinyin} voice, which gets the tones right where its Chinese-character voice
 * misreads them; Cantonese speakers hear the characters in espeak-ng's {@code yue} voice.
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
    private final Map<String, Prompt> openings = new ConcurrentHashMap<>();

    CallPrompts(Speech speech) {
        this.speech = speech;
    }

    record Prompt(String text, short[] audio) {
    }

    /** The opening in a language: the same words for every call, so spoken once and kept. */
    Prompt opening(String language) {
        String lang = OPENING.containsKey(language) ? language : language.startsWith("zh") ? "zh-CN" : "en";
        return openings.computeIfAbsent(lang, l -> {
            Opening o = Objects.requireNonNull(OPENING.get(l));
            return new Prompt(o.written(), audio(o.spoken(), o.voice()));
        });
    }

    /**
     * A reply as audio: text in the conversation's {@code locale}, for a debtor whose language is {@code language};
     * {@code names} are read as names.
     */
    short[] say(String text, String locale, String language, List<String> names) {
        if (cantonese(language)) {
            return audio(text, "yue");
        }
        if (locale.startsWith("zh")) {
            return audio(Pinyin.of(text, names), "zh-Latn-pinyin");
        }
        return audio(text, locale);
    }

    static boolean cantonese(String language) {
        return language.startsWith("yue") || language.equals("zh-HK") || language.equals("zh-MO");
    }

    private short[] audio(String text, String voice) {
        byte[] wav = speech.synthesize(text, voice);
        return Wav.to8k(Wav.channel(wav, 0), Wav.format(wav).rate());
    }
}
