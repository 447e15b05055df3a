package io.candor.channel;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One outbound call as a SIP user agent client over UDP (RFC 3261): INVITE with an SDP offer (PCMU/PCMA), the
 * INVITE retransmitted on timer A until a provisional answer, CANCEL when nobody answers in time, ACK for every
 * final answer, and — when answered — the call held for its talk time and ended with BYE. Media is not carried
 * here: the call's audio belongs to the voice agent.
 */
final class SipCall {

    /** How a call ended. */
    public enum Result {
        ANSWERED, BUSY, NO_ANSWER, DECLINED, FAILED
    }

    /** The end of a call: the result, the last status seen, the Call-ID. */
    public record Outcome(Result result, int status, String callId) {
    }

    /** Where to call and as whom. */
    public record Target(String host, int port, String number, String from) {
    }

    static final Duration T1 = Duration.ofMillis(500);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Target target;
    private final DatagramSocket socket;
    private final InetSocketAddress peer;
    private final String local;
    private final String callId;
    private final String fromTag = token(8);
    private final String inviteBranch = "z9hG4bK" + token(10);

    private SipCall(Target target, DatagramSocket socket) throws IOException {
        this.target = target;
        this.socket = socket;
        this.peer = new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
        this.socket.connect(peer);
        this.local = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        this.callId = token(16) + "@candor";
    }

    /** Calls {@code target}: rings for at most {@code ring}, holds an answered call for {@code talk}, then hangs up. */
    public static Outcome place(Target target, Duration ring, Duration talk) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
            return new SipCall(target, socket).run(ring, talk);
        } catch (IOException e) {
            return new Outcome(Result.FAILED, 0, "");
        }
    }

    private Outcome run(Duration ring, Duration talk) throws IOException {
        String invite = invite();
        send(invite);
        Instant deadline = Instant.now().plus(ring);
        Duration retransmit = T1;
        Instant nextRetransmit = Instant.now().plus(retransmit);
        boolean provisional = false;
        boolean cancelled = false;
        while (true) {
            Instant now = Instant.now();
            if (!cancelled && now.isAfter(deadline)) {
                if (!provisional) {
                    return new Outcome(Result.NO_ANSWER, 408, callId); // no answer of any kind: timer B
                }
                send(request("CANCEL", uri(), inviteBranch, 1, null, ""));
                cancelled = true;
            }
            Instant wake = cancelled ? now.plus(T1) : min(provisional ? deadline : nextRetransmit, deadline);
            Message m = receive(Duration.between(now, wake));
            if (m == null) {
                if (!provisional && !cancelled && !Instant.now().isBefore(nextRetransmit)) {
                    send(invite);
                    retransmit = min(retransmit.multipliedBy(2), Duration.ofSeconds(4));
                    nextRetransmit = Instant.now().plus(retransmit);
                }
                continue;
            }
            if (!m.header("call-id").equals(callId) || !m.header("cseq").toUpperCase(Locale.ROOT).endsWith("INVITE")) {
                continue; // e.g. the 200 to our CANCEL
            }
            if (m.status() < 200) {
                provisional = true;
                continue;
            }
            String toTag = tag(m.header("to"));
            if (m.status() < 300) {
                String contact = contactUri(m.header("contact"));
                send(request("ACK", contact, "z9hG4bK" + token(10), 1, toTag, ""));
                sleep(talk);
                return bye(contact, toTag, m.status());
            }
            // a final refusal is acknowledged on the INVITE's own transaction
            send(request("ACK", uri(), inviteBranch, 1, toTag, ""));
            Result result = switch (m.status()) {
                case 486, 600 -> Result.BUSY;
                case 408, 480, 487 -> Result.NO_ANSWER;
                case 603 -> Result.DECLINED;
                default -> Result.FAILED;
            };
            return new Outcome(result, m.status(), callId);
        }
    }

    private Outcome bye(String contact, @Nullable String toTag, int answered) throws IOException {
        String bye = request("BYE", contact, "z9hG4bK" + token(10), 2, toTag, "");
        Duration wait = T1;
        for (int i = 0; i < 7; i++) {
            send(bye);
            Instant until = Instant.now().plus(wait);
            Message m;
            while ((m = receive(Duration.between(Instant.now(), until))) != null) {
                if (m.header("call-id").equals(callId) && m.header("cseq").toUpperCase(Locale.ROOT).endsWith("BYE")
                        && m.status() >= 200) {
                    return new Outcome(Result.ANSWERED, answered, callId);
                }
            }
            wait = min(wait.multipliedBy(2), Duration.ofSeconds(4));
        }
        return new Outcome(Result.ANSWERED, answered, callId); // answered; the far end did not confirm the hang-up
    }

    private String invite() {
        String host = socket.getLocalAddress().getHostAddress();
        String session = Long.toString(Math.abs(RANDOM.nextLong() % 1_000_000_000L));
        String sdp = "v=0\r\no=candor " + session + " " + session + " IN IP4 " + host + "\r\ns=Candor\r\nc=IN IP4 " + host
                + "\r\nt=0 0\r\nm=audio " + (socket.getLocalPort() + 2) + " RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";
        return request("INVITE", uri(), inviteBranch, 1, null, sdp);
    }

    private String uri() {
        return "sip:" + target.number() + "@" + target.host() + ":" + target.port();
    }

    private String request(String method, String requestUri, String branch, int cseq, @Nullable String toTag,
            String sdp) {
        StringBuilder s = new StringBuilder();
        s.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        s.append("Via: SIP/2.0/UDP ").append(local).append(";branch=").append(branch).append(";rport\r\n");
        s.append("Max-Forwards: 70\r\n");
        s.append("From: <sip:").append(target.from()).append('@').append(local).append(">;tag=").append(fromTag)
                .append("\r\n");
        s.append("To: <").append(uri()).append('>').append(toTag == null ? "" : ";tag=" + toTag).append("\r\n");
        s.append("Call-ID: ").append(callId).append("\r\n");
        s.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        s.append("Contact: <sip:").append(target.from()).append('@').append(local).append(">\r\n");
        s.append("User-Agent: Candor\r\n");
        if (!sdp.isEmpty()) {
            s.append("Content-Type: application/sdp\r\n");
        }
        s.append("Content-Length: ").append(sdp.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(sdp);
        return s.toString();
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length));
    }

    /** A response, parsed: its status and headers (lower-case names, compact forms expanded). */
    record Message(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    private @Nullable Message receive(Duration wait) throws IOException {
        long millis = Math.max(1, wait.toMillis());
        socket.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
    }

    static @Nullable Message parse(String text) {
        String[] lines = text.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("SIP/2.0 ")) {
            return null; // a request (e.g. a BYE from the far end) is not handled here
        }
        int status = Integer.parseInt(lines[0].substring(8, 11));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = expand(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT));
                headers.putIfAbsent(name, lines[i].substring(colon + 1).strip());
            }
        }
        return new Message(status, headers);
    }

    private static String expand(String name) {
        return switch (name) {
            case "i" -> "call-id";
            case "t" -> "to";
            case "f" -> "from";
            case "m" -> "contact";
            case "v" -> "via";
            case "l" -> "content-length";
            default -> name;
        };
    }

    static @Nullable String tag(String header) {
        int i = header.indexOf(";tag=");
        if (i < 0) {
            return null;
        }
        String rest = header.substring(i + 5);
        int end = rest.indexOf(';');
        return end < 0 ? rest.strip() : rest.substring(0, end).strip();
    }

    /** The URI of a Contact header ({@code <sip:…>} or bare), without its parameters outside the brackets. */
    String contactUri(String contact) {
        if (contact.isEmpty()) {
            return uri();
        }
        int lt = contact.indexOf('<');
        int gt = contact.indexOf('>');
        return lt >= 0 && gt > lt ? contact.substring(lt + 1, gt) : contact.split(";")[0].strip();
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
