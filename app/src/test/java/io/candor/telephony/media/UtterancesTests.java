package io.candor.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Utterances cut from a line by loudness: clicks are not speech; a pause ends an utterance; its start is kept. */
class UtterancesTests {

    final Utterances utterances = new Utterances();
    final List<Utterances.Event> events = new ArrayList<>();

    @Test
    void aSpokenStretchBeginsAndEndsAfterItsPause() {
        feed(1_000, 0);
        feed(20, 8_000); // a click
        feed(480, 0);
        feed(1_500, 4_000); // speech, from 1.5 s
        feed(600, 0);
        assertThat(events).hasSize(1).first().isInstanceOf(Utterances.Began.class);
        // begun after eight voiced frames, counted from the lead kept before them
        assertThat(((Utterances.Began) events.getFirst()).atMs()).isBetween(1_300L, 1_500L);
        feed(100, 0);
        assertThat(events).hasSize(2);
        Utterances.Ended ended = (Utterances.Ended) events.get(1);
        assertThat(ended.samples().length / 8).as("ms kept").isBetween(1_500 + 700, 1_500 + 700 + 300);
        assertThat(ended.beganMs()).isEqualTo(((Utterances.Began) events.getFirst()).atMs());
    }

    @Test
    void theEndOfTheAudioEndsAnUtteranceGoingOn() {
        feed(400, 0);
        feed(800, 3_000);
        assertThat(utterances.flush()).isNotNull().extracting(e -> e.samples().length).isNotEqualTo(0);
        assertThat(utterances.flush()).isNull();
    }

    @Test
    void aLongStretchIsCutAtTheLongestUtterance() {
        feed(Utterances.LONGEST_MS + 1_000, 3_000);
        assertThat(events.stream().filter(Utterances.Ended.class::isInstance)).hasSize(1);
    }

    /** {@code ms} of a 300 Hz tone of {@code amplitude} (0: silence), in 20 ms frames. */
    private void feed(int ms, int amplitude) {
        for (int f = 0; f < ms / 20; f++) {
            short[] frame = new short[160];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (short) (amplitude * Math.sin(2 * Math.PI * 300 * i / 8000.0));
            }
            Utterances.Event e = utterances.accept(frame);
            if (e != null) {
                events.add(e);
            }
        }
    }
}
