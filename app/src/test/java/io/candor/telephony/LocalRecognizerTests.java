package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.candor.agent.speech.Speech;
import io.candor.agent.speech.SpeechRecognizer;
import io.candor.agent.speech.TestSpeech;
import io.candor.telephony.media.G711;
import io.candor.telephony.media.Wav;
import org.junit.jupiter.api.Test;

/**
 * English heard on a call by the local recogniser: espeak-ng's words, cut to 8 kHz and through G.711 as a phone line
 * carries them, with silences between, come out as the utterances said (digits as numbers), in order, each told first
 * when it began.
 */
class LocalRecognizerTests {

    final Speech speech = TestSpeech.local();

    @Test
    void utterancesOnALineAreHeardInOrder() {
        List<String> said = List.of("yes speaking", "the last four are four eight two one", "can i pay in installments",
                "i want to speak to a person");
        short[] line = new short[0];
        for (String s : said) {
            line = concat(line, silence(1_200), phone(s));
        }
        line = concat(line, silence(1_500));
        List<SpeechRecognizer.Heard> heard = new ArrayList<>();
        SpeechRecognizer.Session session = new LocalRecognizer(speech).open("en", 8000, h -> {
            synchronized (heard) {
                heard.add(h);
            }
        });
        for (int at = 0; at + MediaSession.FRAME <= line.length; at += MediaSession.FRAME) {
            session.feed(Arrays.copyOfRange(line, at, at + MediaSession.FRAME));
        }
        session.close();
        assertThat(heard.stream().filter(SpeechRecognizer.Heard::complete).map(SpeechRecognizer.Heard::text))
                .containsExactly("yes speaking", "the last four are 4821", "can i pay in installments",
                        "i want to speak to a person");
        assertThat(heard.stream().filter(h -> !h.complete())).hasSize(4);
        assertThat(heard.getFirst().beginMs()).isBetween(1_000L, 1_400L);
    }

    /** Words as a phone line carries them: 8 kHz, μ-law. */
    private short[] phone(String words) {
        byte[] wav = speech.synthesize(words, "en");
        short[] pcm = Wav.to8k(Wav.channel(wav, 0), Wav.format(wav).rate());
        short[] out = new short[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = G711.PCMU.decode(G711.PCMU.encode(pcm[i]));
        }
        return out;
    }

    private static short[] silence(int ms) {
        return new short[8 * ms];
    }

    private static short[] concat(short[]... parts) {
        return Listening.joined(List.of(parts));
    }
}
