package io.candor.telephony;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.agent.speech.Pinyin;
import io.candor.agent.speech.Speech;
import io.candor.telephony.media.Wav;

/**
 * What the AI voice agent says on a call, as 8 kHz audio: the automated-call disclosure its jurisdiction requires
 * first ({@link CallOpenings}), in the debtor's language, then the conversation's replies. Mandarin is read as numbered pinyin (names by the surname table) and
 * spoken by espeak-ng's {@code cmn-latn-pinyin} voice, which gets the tones right where its Chinese-character voice
 * misreads them; Cantonese speakers hear the characters in espeak-ng's {@code yue} voice.
 */
final class CallPrompts {

    private final Speech speech;
    private final CallOpenings openings;
    private final Map<String, Prompt> spoken = new ConcurrentHashMap<>();

    CallPrompts(Speech speech) {
        this(speech, CallOpenings.shipped());
    }

    CallPrompts(Speech speech, CallOpenings openings) {
        this.speech = speech;
        this.openings = openings;
    }

    record Prompt(String text, short[] audio) {
    }

    /**
     * The opening for a debtor of {@code country} speaking {@code language}, calling for {@code creditor}: the same
     * words for every such call, so spoken once and kept.
     */
    Prompt opening(String country, String language, String creditor) {
        CallOpenings.Chosen o = openings.choose(country, language, creditor);
        return spoken.computeIfAbsent(country + "|" + o.language() + "|" + language + "|" + creditor,
                k -> new Prompt(o.text(), say(o.text(), o.language(), language, List.of())));
    }

    /** A fixed message (a dialer's information message) in the debtor's language, spoken once and kept. */
    short[] message(String text, String language) {
        return spoken.computeIfAbsent("message|" + language + "|" + text,
                k -> new Prompt(text, say(text, language, language, List.of()))).audio();
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
