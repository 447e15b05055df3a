package io.candor.telephony;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The AI voice agent's side of an answered call: it speaks the automated-call disclosure in the debtor's language,
 * listens for keys — a key stops the prompt at once (barge-in) — re-prompts once after silence, and ends the call
 * politely when nobody keys anything; the far end hanging up ends it at any time. Every key is kept in order and in
 * the transcript with what the agent said.
 */
final class AgentCallScript implements MediaSession.Listener {

    static final Duration NO_INPUT = Duration.ofSeconds(8);

    private final CallPrompts prompts;
    private final String language;
    private final StringBuilder keys;
    private final List<Map<String, Object>> transcript;
    private final long startNanos;
    private final BlockingQueue<Character> pressed = new LinkedBlockingQueue<>();
    private volatile @Nullable MediaSession session;

    AgentCallScript(CallPrompts prompts, String language, StringBuilder keys, List<Map<String, Object>> transcript,
            long startNanos) {
        this.prompts = prompts;
        this.language = language;
        this.keys = keys;
        this.transcript = transcript;
        this.startNanos = startNanos;
    }

    void run(MediaSession media, SipCall.Answered call) throws InterruptedException {
        this.session = media;
        CallPrompts.Prompt opening = prompts.opening(language);
        int prompted = 0;
        while (!call.hungUp() && prompted < 2) {
            say(media, opening);
            prompted++;
            while (media.playing() && !call.hungUp()) {
                Thread.sleep(20);
            }
            // listen: keys keep the call going; silence for NO_INPUT re-prompts, then ends
            Character k;
            while ((k = pressed.poll(NO_INPUT.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                prompted = 0;
                if (k == '#' || call.hungUp()) {
                    return;
                }
            }
            if (call.awaitHangUp(Duration.ofMillis(1))) {
                return;
            }
        }
    }

    private void say(MediaSession media, CallPrompts.Prompt p) {
        entry("agent", Map.of("text", p.text()));
        media.play(p.audio());
    }

    @Override
    public void key(char key, boolean inBand) {
        MediaSession s = session;
        if (s != null) {
            s.stopPlaying(); // barge-in
        }
        synchronized (keys) {
            keys.append(key);
        }
        entry("debtor", Map.of("key", String.valueOf(key), "inBand", inBand));
        pressed.add(key);
    }

    private void entry(String speaker, Map<String, Object> what) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("atMs", (System.nanoTime() - startNanos) / 1_000_000);
        e.put("speaker", speaker);
        e.putAll(what);
        synchronized (transcript) {
            transcript.add(e);
        }
    }
}
