package io.candor.telephony;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.candor.telephony.media.AnsweringMachines;
import org.jspecify.annotations.Nullable;

/**
 * The AI voice agent's side of an answered call. It speaks the automated-call disclosure in the debtor's language and
 * waits for a key, so a machine or a passer-by never hears whom the call is for; then the call's conversation talks by
 * keypad: each reply spoken, each keyed entry (one key for a choice, digits ended by hash for an entry) answered, until
 * the conversation ends. A key stops the prompt at once (barge-in); silence re-prompts once, then the agent ends
 * politely; the far end hanging up ends it at any time. From the identity question to the end of its answer both
 * channels are recorded as silence and the digits are kept only as {@code x}.
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

    /** How the call went, for its record: an answering machine, nobody keying, keys, the right party proved. */
    enum Reach { MACHINE, NOBODY_KEYED, KEYED, VERIFIED }

    /** How long after the opening a key may still come before an answering machine is hung up on. */
    static final Duration AFTER_OPENING = Duration.ofSeconds(2);

    private final CallPrompts prompts;
    private final CallPrompts.Prompt opening;
    private final String language;
    private final List<String> names;
    private final StringBuilder keys;
    private final List<Map<String, Object>> transcript;
    private volatile long answeredNanos = System.nanoTime();
    private final BlockingQueue<Character> pressed = new LinkedBlockingQueue<>();
    private volatile @Nullable MediaSession session;
    private volatile boolean masking;
    private volatile Reach reach = Reach.NOBODY_KEYED;
    private final AnsweringMachines machines = new AnsweringMachines();

    AgentCallScript(CallPrompts prompts, CallPrompts.Prompt opening, String language, List<String> names,
            StringBuilder keys, List<Map<String, Object>> transcript) {
        this.prompts = prompts;
        this.opening = opening;
        this.language = language;
        this.names = names;
        this.keys = keys;
        this.transcript = transcript;
    }

    Reach reach() {
        return reach;
    }

    void run(MediaSession media, SipCall.Answered call, Dialogue dialogue) throws InterruptedException {
        this.answeredNanos = System.nanoTime(); // the transcript's times are the recording's
        this.session = media;
        if (!keyedThroughOpening(media, call, opening.text(), opening.audio())) {
            return;
        }
        reach = Reach.KEYED;
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
            String entry = null;
            for (int attempt = 0; attempt < 2 && entry == null && !call.hungUp(); attempt++) {
                say(media, said.text(), audio, true);
                entry = entry(media, call, said.entry());
            }
            if (entry != null && said.sensitive() && (entry.equals("0") || entry.equals("9"))) {
                unmask(entry.charAt(0)); // a choice (a person; not the debtor), not an answer that proves anything
            }
            said = entry == null ? dialogue.silent() : dialogue.keyed(entry);
        }
    }

    /**
     * Plays the opening and waits for any key (twice at most); false when nobody keyed anything. An answering machine
     * (its greeting's cadence) that keys nothing in the moments after the opening is hung up on: nothing about the
     * debt or the debtor is left on it.
     */
    private boolean keyedThroughOpening(MediaSession media, SipCall.Answered call, String text, short[] audio)
            throws InterruptedException {
        for (int attempt = 0; attempt < 2 && !call.hungUp(); attempt++) {
            say(media, text, audio, true);
            awaitPlayed(media, call);
            if (pressed.poll(AFTER_OPENING.toMillis(), TimeUnit.MILLISECONDS) != null) {
                return true;
            }
            if (machines.verdict() == AnsweringMachines.Verdict.MACHINE) {
                reach = Reach.MACHINE;
                entry("agent", Map.of("text", "(answering machine: the call ends)"));
                return false;
            }
            if (pressed.poll(NO_INPUT.minus(AFTER_OPENING).toMillis(), TimeUnit.MILLISECONDS) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void heard(short[] frame) {
        machines.accept(frame);
    }

    /**
     * One entry: the first key (a choice) or keys up to hash (an entry; a pause of {@link #BETWEEN_KEYS} ends it too);
     * null when nothing was keyed within {@link #NO_INPUT} after the prompt or the far end hung up.
     */
    private @Nullable String entry(MediaSession media, SipCall.Answered call, boolean digits) throws InterruptedException {
        Character k = null;
        while (k == null && !call.hungUp()) {
            k = pressed.poll(20, TimeUnit.MILLISECONDS);
            if (k == null && !media.playing()) {
                k = pressed.poll(NO_INPUT.toMillis(), TimeUnit.MILLISECONDS);
                if (k == null) {
                    return null;
                }
            }
        }
        if (k == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        while (k != null && k != '#') {
            b.append(k);
            if (!digits) {
                return b.toString();
            }
            k = pressed.poll(BETWEEN_KEYS.toMillis(), TimeUnit.MILLISECONDS);
        }
        return b.toString();
    }

    private static void awaitPlayed(MediaSession media, SipCall.Answered call) throws InterruptedException {
        while (media.playing() && !call.hungUp()) {
            Thread.sleep(20);
        }
    }

    /**
     * Says a reply in place of what is left of the last one; one the debtor already keyed past ({@code unlessKeyed}:
     * keys are waiting) is only written in the transcript.
     */
    private void say(MediaSession media, String text, short[] audio, boolean unlessKeyed) {
        entry("agent", Map.of("text", text));
        media.stopPlaying();
        if (!unlessKeyed || pressed.isEmpty()) {
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
        pressed.add(key);
    }

    private void entry(String speaker, Map<String, Object> what) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("atMs", (System.nanoTime() - answeredNanos) / 1_000_000);
        e.put("speaker", speaker);
        e.putAll(what);
        synchronized (transcript) {
            transcript.add(e);
        }
    }
}
