package io.candor.agent.speech;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the cloud recogniser's gateway that speaks its real-time transcription protocol over a real
 * WebSocket (RFC 6455, written here on a plain socket): it checks the token and the StartTranscription, counts the
 * audio, and answers with the events the service sends — a sentence in progress once a second of audio has come, the
 * finished sentence and TranscriptionCompleted on StopTranscription. It cannot recognise speech: the sentence is the
 * one the test gives it. {@link #answering} makes one that listens as the service does on a call: each utterance it
 * hears (by loudness) begins a sentence and, when it ends, is answered with the next of the test's sentences.
 */
public final class FakeSpeechGateway implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final int port;
    public final List<JsonNode> commands = Collections.synchronizedList(new ArrayList<>());
    volatile long audioBytes;
    private final ServerSocket server;
    private final String token;
    private final String sentence;
    private final java.util.@org.jspecify.annotations.Nullable Deque<String> sentences;

    FakeSpeechGateway(String token, String sentence) throws IOException {
        this(token, sentence, null);
    }

    private FakeSpeechGateway(String token, String sentence, java.util.@org.jspecify.annotations.Nullable Deque<String> sentences)
            throws IOException {
        this.server = new ServerSocket(0);
        this.port = server.getLocalPort();
        this.token = token;
        this.sentence = sentence;
        this.sentences = sentences;
        Thread.ofVirtual().start(this::serve);
    }

    /** A gateway that answers each utterance it hears with the next of {@code sentences}, as it ends. */
    public static FakeSpeechGateway answering(String token, List<String> sentences) throws IOException {
        return new FakeSpeechGateway(token, "", new java.util.ArrayDeque<>(sentences));
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException | RuntimeException e) {
                // the next connection
            }
        }
    }

    private void session(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        String request = readHeaders(in);
        String key = header(request, "sec-websocket-key");
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        boolean authorised = token.equals(header(request, "x-nls-token"));
        DataInputStream frames = new DataInputStream(in);
        String task = "";
        boolean partial = false;
        io.candor.telephony.media.Utterances utterances = new io.candor.telephony.media.Utterances();
        short[] frame = new short[160];
        int filled = 0;
        int index = 0;
        while (true) {
            int b0 = frames.readUnsignedByte();
            int b1 = frames.readUnsignedByte();
            long len = b1 & 0x7F;
            if (len == 126) {
                len = frames.readUnsignedShort();
            } else if (len == 127) {
                len = frames.readLong();
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                frames.readFully(mask);
            }
            byte[] payload = new byte[(int) len];
            frames.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int opcode = b0 & 0x0F;
            if (opcode == 8) {
                send(out, 0x88, payload);
                return;
            }
            if (opcode == 2 || opcode == 0 && !task.isEmpty()) {
                audioBytes += payload.length;
                if (sentences != null) {
                    for (int i = 0; i + 1 < payload.length; i += 2) {
                        frame[filled++] = (short) (payload[i] & 0xFF | payload[i + 1] << 8);
                        if (filled < frame.length) {
                            continue;
                        }
                        filled = 0;
                        switch (utterances.accept(frame)) {
                            case io.candor.telephony.media.Utterances.Began b -> {
                                index++;
                                event(out, task, "SentenceBegin", "{\"index\":" + index + ",\"time\":" + b.atMs() + "}");
                                event(out, task, "TranscriptionResultChanged", "{\"index\":" + index + ",\"time\":"
                                        + b.atMs() + ",\"result\":\"\"}");
                            }
                            case io.candor.telephony.media.Utterances.Ended e -> {
                                String said = sentences.isEmpty() ? "" : sentences.poll();
                                event(out, task, "SentenceEnd", "{\"index\":" + index + ",\"time\":"
                                        + (e.beganMs() + e.samples().length / 8) + ",\"begin_time\":" + e.beganMs()
                                        + ",\"result\":\"" + said + "\",\"confidence\":0.9}");
                            }
                            case null -> {
                            }
                        }
                    }
                    continue;
                }
                if (!partial && audioBytes >= 16_000) {
                    partial = true;
                    event(out, task, "SentenceBegin", "{\"index\":1,\"time\":0}");
                    event(out, task, "TranscriptionResultChanged", "{\"index\":1,\"time\":1000,\"result\":\""
                            + sentence.substring(0, Math.min(3, sentence.length())) + "\"}");
                }
                continue;
            }
            JsonNode command = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
            commands.add(command);
            JsonNode h = command.path("header");
            task = h.path("task_id").asString("");
            if (!authorised) {
                out.write(frame(0x81, ("{\"header\":{\"namespace\":\"Default\",\"name\":\"TaskFailed\",\"status\":40000001,"
                        + "\"message_id\":\"m\",\"task_id\":\"" + task + "\",\"status_text\":\"Gateway:ACCESS_DENIED:"
                        + "The token is invalid!\"}}").getBytes(StandardCharsets.UTF_8)));
                out.flush();
                continue;
            }
            switch (h.path("name").asString("")) {
                case "StartTranscription" -> event(out, task, "TranscriptionStarted", "{\"session_id\":\"s1\"}");
                case "StopTranscription" -> {
                    if (sentences != null) {
                        event(out, task, "TranscriptionCompleted", "{}");
                        continue;
                    }
                    event(out, task, "SentenceEnd", "{\"index\":1,\"time\":2000,\"begin_time\":120,\"result\":\""
                            + sentence + "\",\"confidence\":0.92}");
                    event(out, task, "TranscriptionCompleted", "{}");
                }
                default -> {
                    // nothing
                }
            }
        }
    }

    private static void event(OutputStream out, String task, String name, String payload) throws IOException {
        String json = "{\"header\":{\"namespace\":\"SpeechTranscriber\",\"name\":\"" + name + "\",\"status\":20000000,"
                + "\"message_id\":\"m\",\"task_id\":\"" + task + "\",\"status_text\":\"Gateway:SUCCESS:Success.\"},"
                + "\"payload\":" + payload + "}";
        send(out, 0x81, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, int b0, byte[] payload) throws IOException {
        out.write(frame(b0, payload));
        out.flush();
    }

    private static byte[] frame(int b0, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(b0);
        if (payload.length < 126) {
            f.write(payload.length);
        } else {
            f.write(126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xFF);
        }
        f.writeBytes(payload);
        return f.toByteArray();
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        throw new IOException("the request ended before its headers");
    }

    private static String header(String request, String name) {
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
