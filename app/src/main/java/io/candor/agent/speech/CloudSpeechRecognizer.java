package io.candor.agent.speech;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.candor.platform.Failures;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Chinese cloud recogniser's real-time transcription over WebSocket (the Alibaba Cloud Intelligent Speech
 * Interaction gateway's {@code SpeechTranscriber} protocol): a JSON {@code StartTranscription} with the app key,
 * {@code pcm} at 8 or 16 kHz and intermediate results; the server's {@code TranscriptionStarted}; the audio as binary
 * frames of 16-bit little-endian samples; {@code SentenceBegin}, {@code TranscriptionResultChanged} and
 * {@code SentenceEnd} events with the text; {@code StopTranscription} and the server's
 * {@code TranscriptionCompleted}. A {@code TaskFailed} (or any status other than 20000000) fails the session with the
 * gateway's own words. The token goes in the {@code X-NLS-Token} header: a fixed one, or one made from the tenant's
 * AccessKey pair and renewed before it expires ({@link CloudTokens}).
 */
final class CloudSpeechRecognizer implements SpeechRecognizer {

    static final int OK = 20_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final URI gateway;
    private final String appKey;
    private final java.util.function.Supplier<String> token;
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code gateway} e.g. {@code wss://nls-gateway-cn-shanghai.aliyuncs.com/ws/v1}. */
    CloudSpeechRecognizer(URI gateway, String appKey, java.util.function.Supplier<String> token) {
        this.gateway = gateway;
        this.appKey = appKey;
        this.token = token;
    }

    @Override
    public Session open(String locale, int sampleRate, Consumer<Heard> heard) {
        if (sampleRate != 8000 && sampleRate != 16000) {
            throw new IllegalArgumentException("the recogniser takes 8000 or 16000 Hz audio, not " + sampleRate);
        }
        String task = id();
        Listener listener = new Listener(heard);
        WebSocket ws;
        try {
            ws = http.newWebSocketBuilder().header("X-NLS-Token", token.get()).connectTimeout(WAIT)
                    .buildAsync(gateway, listener).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new Failed("The speech recogniser at " + gateway + " could not be reached: " + Failures.messageOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while connecting to the speech recogniser");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("format", "pcm");
        payload.put("sample_rate", sampleRate);
        payload.put("enable_intermediate_result", true);
        payload.put("enable_punctuation_prediction", true);
        payload.put("enable_inverse_text_normalization", true);
        ws.sendText(command(task, "StartTranscription", payload), true).join();
        listener.await(listener.started, "TranscriptionStarted");
        return new Session() {
            @Override
            public void feed(short[] samples) {
                listener.check();
                ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (short s : samples) {
                    b.putShort(s);
                }
                b.flip();
                ws.sendBinary(b, true).join();
            }

            @Override
            public void close() {
                ws.sendText(command(task, "StopTranscription", null), true).join();
                listener.await(listener.completed, "TranscriptionCompleted");
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        };
    }

    private String command(String task, String name, @Nullable Map<String, Object> payload) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("message_id", id());
        header.put("task_id", task);
        header.put("namespace", "SpeechTranscriber");
        header.put("name", name);
        header.put("appkey", appKey);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("header", header);
        if (payload != null) {
            message.put("payload", payload);
        }
        return JSON.writeValueAsString(message);
    }

    private static String id() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The gateway's events, as they come. */
    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final CompletableFuture<Void> completed = new CompletableFuture<>();
        private final Consumer<Heard> heard;
        private final StringBuilder text = new StringBuilder();
        private volatile @Nullable String failure;

        Listener(Consumer<Heard> heard) {
            this.heard = heard;
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                event(JSON.readTree(text.toString()));
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void event(JsonNode e) {
            JsonNode h = e.path("header");
            String name = h.path("name").asString("");
            int status = h.path("status").asInt(OK);
            JsonNode p = e.path("payload");
            if (status != OK || name.equals("TaskFailed")) {
                fail("the speech recogniser refused the task: " + h.path("status_text").asString("status " + status));
                return;
            }
            switch (name) {
                case "TranscriptionStarted" -> started.complete(null);
                case "TranscriptionResultChanged" -> heard.accept(new Heard(p.path("result").asString(""), false,
                        p.path("time").asLong(0)));
                case "SentenceEnd" -> heard.accept(new Heard(p.path("result").asString(""), true,
                        p.path("begin_time").asLong(0)));
                case "TranscriptionCompleted" -> completed.complete(null);
                default -> {
                    // SentenceBegin and others carry nothing to act on
                }
            }
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (!completed.isDone()) {
                fail("the speech recogniser closed the connection (" + status + " " + reason + ")");
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            fail("the speech recogniser's connection failed: " + Failures.messageOf(error));
        }

        private void fail(String why) {
            failure = why;
            started.completeExceptionally(new Failed(why));
            completed.completeExceptionally(new Failed(why));
        }

        void check() {
            String f = failure;
            if (f != null) {
                throw new Failed(f);
            }
        }

        void await(CompletableFuture<Void> f, String what) {
            try {
                f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new Failed(Failures.messageOf(e.getCause() == null ? e : e.getCause()));
            } catch (TimeoutException e) {
                throw new Failed("the speech recogniser did not answer with " + what + " within " + WAIT.toSeconds()
                        + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed("interrupted while waiting for " + what);
            }
        }
    }
}
