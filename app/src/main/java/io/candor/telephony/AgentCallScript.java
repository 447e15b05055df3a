package io.candor.telephony;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import io.candor.agent.Conversations;
import io.candor.agent.speech.SpeechRecognizer;
import io.candor.telephony.media.AnsweringMachines;
import org.jspecify.annotations.Nullable;

/**
 * The AI voice agent's side of an answered call. It speaks the automated-call disclosure in the debtor's language and
 * waits for an answer, so a machine or a passer-by never hears whom the call is for; then the call's conversation
 * talks: each reply spoken, each keyed entry (one key for a choice, digits ended by hash for an entry) and, where a
 * recogniser hears the debtor's language, each utterance answered, until the conversation ends. A key or speech stops
 * the prompt at once (barge-in) — except the opening, which a speaker hears whole (a key may cut it short); speech
 * begun before the opening ended is no answer to it. Silence re-prompts once, then the agent ends politely; the far
 * end hanging up ends it at any time. From the identity question to the end of its answer both channels are recorded
 * as silence, and digits keyed or said are kept only as {@code x}.
 */
final class AgentCallScript implements MediaSession.Listener {

    static final Duration NO_INPUT = Duration.ofSeconds(8);
    /** The longest pause between the keys of one entry before it counts as ended. */
    static final Duration BETWEEN_KEYS = Duration.ofSeconds(5);

    /** The conversation a call carries, as the script sees it. */
    interface Dialogue {
        /** What the agent says once the opening was keyed through. */
        Said open();

        /** The reply to one entry (keys without the closing hash; empty for a lone hash). */
        Said keyed(String keys);

        /** The reply to what the debtor said, as the recogniser heard it. */
        Said spoken(String words);

        /** The polite end when nothing was keyed after the prompt and its repeat. */
        Said silent();
    }

    /**
     * What the agent says and what it waits for: {@code going} whether the conversation waits for more, {@code entry}
     * digits ended by hash (else one key), {@code sensitive} an answer that proves who the debtor is, {@code verified}
     * whether the right party has proved it.
     */
    record Said(String text, String locale, boolean going, boolean entry, boolean sensitive, boolean verified) {
    }

    /**
     * How the call went, for its record: an answering machine, nobody answering the opening, someone answering it (a
     * key or words), the right party proved.
     */
    enum Reach { MACHINE, SILENT, RESPONDED, VERIFIED }

    /** What the debtor did: a key, or words the recogniser heard. */
    private sealed interface Input {
        record Key(char key) implements Input {
        }

        record Words(String text) implements Input {
        }
    }

    /** An answer to a prompt: keys (one for a choice, digits up to hash for an entry) or words. */
    private sealed interface Answer {
        record Keys(String keys) implements Answer {
        }

        record Spoken(String words) implements Answer {
        }
    }

    /** How long after the opening a key may still come before an answering machine is hung up on. */
    static final Duration AFTER_OPENING = Duration.ofSeconds(2);

    private final CallPrompts prompts;
    private final CallPrompts.Prompt opening;
    private final String language;
    private final List<String> names;
    private final StringBuilder keys;
    private final List<Map<String, Object>> transcript;
    private volatile long answeredNanos = System.nanoTime();
    private final BlockingDeque<Input> inputs = new LinkedBlockingDeque<>();
    private volatile @Nullable MediaSession session;
    private volatile boolean masking;
    private volatile Reach reach = Reach.SILENT;
    private final AnsweringMachines machines = new AnsweringMachines();
    private final @Nullable Listening listening;
    /** Speech begun before this (ms from the answer: the opening) answers nothing and stops no prompt. */
    private volatile long speechFromMs = Long.MAX_VALUE;

    /**
     * {@code recognizer} hears the debtor's language in {@code recognitionLocale}, or is null: the call is keys only.
     */
    AgentCallScript(CallPrompts prompts, CallPrompts.Prompt opening, String language, List<String> names,
            StringBuilder keys, List<Map<String, Object>> transcript, @Nullable SpeechRecognizer recognizer,
            String recognitionLocale) {
        this.prompts = prompts;
        this.opening = opening;
        this.language = language;
        this.names = names;
        this.keys = keys;
        this.transcript = transcript;
        this.listening = recognizer == null ? null : new Listening(recognizer, recognitionLocale, this::heard);
    }

    Reach reach() {
        return reach;
    }

    void run(MediaSession media, SipCall.Answered call, Dialogue dialogue) throws InterruptedException {
        this.answeredNanos = System.nanoTime(); // the transcript's times are the recording's
        this.session = media;
        if (listening != null) {
            listening.start();
        }
        try {
            converse(media, call, dialogue);
        } finally {
            if (listening != null) {
                listening.stop();
            }
        }
    }

    private void converse(MediaSession media, SipCall.Answered call, Dialogue dialogue) throws InterruptedException {
        if (!answeredOpening(media, call, opening.text(), opening.audio())) {
            return;
        }
        reach = Reach.RESPONDED;
        // what comes next is the identity question: keys from now on are kept back until it is answered
        masking = true;
        media.sensitive(true);
        Said said = dialogue.open();
        while (!call.hungUp()) {
            masking = said.sensitive();
            media.sensitive(said.sensitive());
            if (said.verified()) {
                reach = Reach.VERIFIED;
            }
            short[] audio = prompts.say(said.text(), said.locale(), language, names);
            if (!said.going()) {
                say(media, said.text(), audio, false);
                awaitPlayed(media, call);
                return;
            }
            Answer answer = null;
            for (int attempt = 0; attempt < 2 && answer == null && !call.hungUp(); attempt++) {
                say(media, said.text(), audio, true);
                answer = answer(media, call, said.entry());
            }
            if (answer instanceof Answer.Keys(String k) && said.sensitive() && (k.equals("0") || k.equals("9"))) {
                unmask(k.charAt(0)); // a choice (a person; not the debtor), not an answer that proves anything
            }
            said = switch (answer) {
                case null -> dialogue.silent();
                case Answer.Keys(String k) -> dialogue.keyed(k);
                case Answer.Spoken(String words) -> dialogue.spoken(words);
            };
        }
    }

    /**
     * Plays the opening and waits for an answer — a key, or words begun after it ended — twice at most; false when
     * nobody answered. An answering machine (its greeting's cadence) that answers nothing in the moments after the
     * opening is hung up on: nothing about the debt or the debtor is left on it.
     */
    private boolean answeredOpening(MediaSession media, SipCall.Answered call, String text, short[] audio)
            throws InterruptedException {
        for (int attempt = 0; attempt < 2 && !call.hungUp(); attempt++) {
            say(media, text, audio, true);
            awaitPlayed(media, call);
            speechFromMs = sinceAnswer();
            if (inputs.poll(AFTER_OPENING.toMillis(), TimeUnit.MILLISECONDS) != null) {
                return true;
            }
            if (machines.verdict() == AnsweringMachines.Verdict.MACHINE) {
                reach = Reach.MACHINE;
                entry("agent", Map.of("text", "(answering machine: the call ends)"));
                return false;
            }
            if (inputs.poll(NO_INPUT.minus(AFTER_OPENING).toMillis(), TimeUnit.MILLISECONDS) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void heard(short[] frame) {
        machines.accept(frame);
        if (listening != null) {
            listening.feed(frame);
        }
    }

    /**
     * What the recogniser heard: speech begun (it stops the prompt) or words (an answer). Speech begun during the
     * opening is neither; words said to prove who the debtor is are kept without their digits.
     */
    private void heard(SpeechRecognizer.Heard h) {
        if (h.beginMs() < speechFromMs) {
            return;
        }
        if (!h.complete()) {
            MediaSession s = session;
            if (s != null) {
                s.stopPlaying(); // barge-in
            }
            return;
        }
        if (h.text().isBlank()) {
            return;
        }
        entry("debtor", Map.of("said", masking ? Conversations.withoutIdentity(h.text()) : h.text()));
        inputs.add(new Input.Words(h.text().strip()));
    }

    /**
     * One answer: words, or the first key (a choice) or keys up to hash (an entry; a pause of {@link #BETWEEN_KEYS}
     * or words said end it too); null when nothing came within {@link #NO_INPUT} after the prompt or the far end hung
     * up.
     */
    private @Nullable Answer answer(MediaSession media, SipCall.Answered call, boolean digits)
            throws InterruptedException {
        Input first = null;
        while (first == null && !call.hungUp()) {
            first = inputs.poll(20, TimeUnit.MILLISECONDS);
            if (first == null && !media.playing()) {
                first = inputs.poll(NO_INPUT.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    return null;
                }
            }
        }
        if (first == null) {
            return null;
        }
        if (first instanceof Input.Words(String words)) {
            return new Answer.Spoken(words);
        }
        StringBuilder b = new StringBuilder();
        Input next = first;
        while (next instanceof Input.Key(char k) && k != '#') {
            b.append(k);
            if (!digits) {
                return new Answer.Keys(b.toString());
            }
            next = inputs.poll(BETWEEN_KEYS.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (next instanceof Input.Words) {
            inputs.addFirst(next); // the entry ended; what was said answers the next prompt
        }
        return new Answer.Keys(b.toString());
    }

    private static void awaitPlayed(MediaSession media, SipCall.Answered call) throws InterruptedException {
        while (media.playing() && !call.hungUp()) {
            Thread.sleep(20);
        }
    }

    /**
     * Says a reply in place of what is left of the last one; one the debtor already answered ({@code unlessAnswered}:
     * keys or words are waiting) is only written in the transcript.
     */
    private void say(MediaSession media, String text, short[] audio, boolean unlessAnswered) {
        entry("agent", Map.of("text", text));
        media.stopPlaying();
        if (!unlessAnswered || inputs.isEmpty()) {
            media.play(audio);
        }
    }

    /** The last key kept back was a choice after all: kept as it was keyed. */
    private void unmask(char key) {
        synchronized (keys) {
            int at = keys.lastIndexOf("x");
            if (at >= 0) {
                keys.setCharAt(at, key);
            }
        }
        synchronized (transcript) {
            for (int i = transcript.size() - 1; i >= 0; i--) {
                if ("x".equals(transcript.get(i).get("key"))) {
                    transcript.get(i).put("key", String.valueOf(key));
                    return;
                }
            }
        }
    }

    @Override
    public void key(char key, boolean inBand) {
        MediaSession s = session;
        if (s != null) {
            s.stopPlaying(); // barge-in
        }
        // digits proving who the debtor is are never kept in the clear
        char kept = masking && key != '#' ? 'x' : key;
        synchronized (keys) {
            keys.append(kept);
        }
        entry("debtor", Map.of("key", String.valueOf(kept), "inBand", inBand));
        inputs.add(new Input.Key(key));
    }

    private long sinceAnswer() {
        return (System.nanoTime() - answeredNanos) / 1_000_000;
    }

    private void entry(String speaker, Map<String, Object> what) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("atMs", sinceAnswer());
        e.put("speaker", speaker);
        e.putAll(what);
        synchronized (transcript) {
            transcript.add(e);
        }
    }
}
