package io.candor.telephony;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.candor.telephony.media.G711;
import io.candor.telephony.media.Sdp;
import org.jspecify.annotations.Nullable;

/**
 * One outbound call as a SIP user agent client over UDP (RFC 3261): INVITE with an SDP offer (PCMA, PCMU,
 * telephone-events), retransmitted on timer A until a provisional answer; digest authentication when the trunk
 * challenges (401/407, RFC 2617/8760 MD5 with qop=auth); CANCEL when nobody answers in time; ACK for every final
 * answer. When answered, the media starts on the address and codec the answer chose, the call's script runs, and the
 * call ends with our BYE — or the far end's, which is answered 200 OK and ends the script.
 */
final class SipCall {

    /** How a call ended. */
    enum Result {
        ANSWERED, BUSY, NO_ANSWER, DECLINED, FAILED
    }

    /** The end of a call: the result, the last status seen, the Call-ID, when it was answered and ended. */
    record Outcome(Result result, int status, String callId, @Nullable Instant answeredAt, @Nullable Instant endedAt,
                   boolean farEndHungUp, String detail) {
        Outcome(Result result, int status, String callId) {
            this(result, status, callId, null, null, false, "");
        }
    }

    /**
     * Where to call and as whom: the trunk (or an outbound proxy) at host:port, the number dialled, the From user,
     * and the trunk's digest credentials (null user: no authentication).
     */
    record Target(String host, int port, String number, String from, @Nullable String authUser,
                  @Nullable String authSecret) {
        Target(String host, int port, String number, String from) {
            this(host, port, number, from, null, null);
        }
    }

    /** What happens on an answered call: it runs until it returns or the far end hangs up. */
    interface Script {
        void run(Answered call) throws InterruptedException;
    }

    /** An answered call as its script sees it. */
    interface Answered {
        boolean hungUp();

        /** Waits up to {@code d} for the far end to hang up; true when it did. */
        boolean awaitHangUp(Duration d) throws InterruptedException;
    }

    /** Opens the call's media once SIP knows where it goes; the port is in the offer. */
    interface Media extends AutoCloseable {
        int localPort();

        void start(Sdp.Answer answer);

        @Override
        void close();
    }

    static final Duration T1 = Duration.ofMillis(500);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final List<G711> CODECS = List.of(G711.PCMA, G711.PCMU);
    static final int EVENT_TYPE = 101;

    private final Target target;
    private final DatagramSocket socket;
    private final String local;
    private final String callId;
    private final String fromTag = token(8);
    private final Clock clock;
    private String inviteBranch = "z9hG4bK" + token(10);
    private int cseq = 1;
    private @Nullable String authorization;
    /** The dialog's route set, as Route header values (a proxy that record-routed, e.g. a registrar). */
    private @Nullable String routeSet;
    private volatile boolean farEndHungUp;
    private final Object hangUp = new Object();

    private SipCall(Target target, DatagramSocket socket, Clock clock) throws IOException {
        this.target = target;
        this.socket = socket;
        this.clock = clock;
        this.socket.connect(new InetSocketAddress(InetAddress.getByName(target.host()), target.port()));
        this.local = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        this.callId = token(16) + "@candor";
    }

    /** Signalling only: rings for at most {@code ring}, holds an answered call for {@code talk}, then hangs up. */
    static Outcome place(Target target, Duration ring, Duration talk) {
        return place(target, ring, host -> new NoMedia(), call -> call.awaitHangUp(talk), Clock.systemUTC());
    }

    /**
     * Calls {@code target} with media opened by {@code media} on the local address the call is placed from, and
     * {@code script} run once answered.
     */
    static Outcome place(Target target, Duration ring, java.util.function.Function<String, Media> media, Script script,
            Clock clock) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
            SipCall call = new SipCall(target, socket, clock);
            try (Media m = media.apply(socket.getLocalAddress().getHostAddress())) {
                return call.run(ring, m, script);
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome(Result.FAILED, 0, "", null, null, false, e.getMessage() == null ? e.toString()
                    : e.getMessage());
        }
    }

    private Outcome run(Duration ring, Media media, Script script) throws IOException {
        String offer = Sdp.offer(socket.getLocalAddress().getHostAddress(), media.localPort(),
                Math.abs(RANDOM.nextLong() % 1_000_000_000L), CODECS, EVENT_TYPE);
        String invite = request("INVITE", uri(), inviteBranch, cseq, null, offer);
        send(invite);
        Instant deadline = Instant.now().plus(ring);
        Duration retransmit = T1;
        Instant nextRetransmit = Instant.now().plus(retransmit);
        boolean provisional = false;
        boolean cancelled = false;
        boolean challenged = false;
        while (true) {
            Instant now = Instant.now();
            if (!cancelled && now.isAfter(deadline)) {
                if (!provisional) {
                    return new Outcome(Result.NO_ANSWER, 408, callId); // no answer of any kind: timer B
                }
                send(request("CANCEL", uri(), inviteBranch, cseq, null, ""));
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
            if (m.request() != null || !m.header("call-id").equals(callId)
                    || !m.header("cseq").toUpperCase(Locale.ROOT).endsWith("INVITE")) {
                continue; // e.g. the 200 to our CANCEL
            }
            if (m.status() < 200) {
                provisional = true;
                continue;
            }
            String toTag = tag(m.header("to"));
            if (m.status() < 300) {
                String contact = contactUri(m.header("contact"));
                routeSet = routeSetOf(m.header("record-route"));
                Sdp.Answer answer;
                try {
                    answer = Sdp.answer(m.body(), CODECS);
                } catch (Sdp.Unusable | IllegalArgumentException e) {
                    send(request("ACK", contact, "z9hG4bK" + token(10), cseq, toTag, ""));
                    bye(contact, toTag);
                    return new Outcome(Result.FAILED, 488, callId, clock.instant(), clock.instant(), false,
                            "The far end answered with media Candor cannot use: " + e.getMessage());
                }
                Instant answeredAt = clock.instant();
                media.start(answer);
                send(request("ACK", contact, "z9hG4bK" + token(10), cseq, toTag, ""));
                return talk(contact, toTag, m.status(), answeredAt, script);
            }
            // a final answer is acknowledged on the INVITE's own transaction
            send(request("ACK", uri(), inviteBranch, cseq, toTag, ""));
            if ((m.status() == 401 || m.status() == 407) && !challenged && target.authUser() != null) {
                challenged = true;
                authorization = (m.status() == 401 ? "Authorization: " : "Proxy-Authorization: ")
                        + DigestAuth.answer(m.header(m.status() == 401 ? "www-authenticate" : "proxy-authenticate"),
                                "INVITE", uri(), target.authUser(), target.authSecret() == null ? ""
                                        : target.authSecret(), token(8));
                cseq++;
                inviteBranch = "z9hG4bK" + token(10);
                invite = request("INVITE", uri(), inviteBranch, cseq, null, offer);
                send(invite);
                provisional = false;
                retransmit = T1;
                nextRetransmit = Instant.now().plus(retransmit);
                continue;
            }
            Result result = switch (m.status()) {
                case 486, 600 -> Result.BUSY;
                case 408, 480, 487 -> Result.NO_ANSWER;
                case 603 -> Result.DECLINED;
                default -> Result.FAILED;
            };
            return new Outcome(result, m.status(), callId, null, null, false,
                    m.status() == 401 || m.status() == 407 ? "The trunk refused our credentials" : "");
        }
    }

    /** The answered call: the script runs while a listener answers the far end's requests (their BYE). */
    private Outcome talk(String contact, @Nullable String toTag, int status, Instant answeredAt, Script script)
            throws IOException {
        Thread listener = Thread.ofVirtual().name("sip-in").start(this::listen);
        try {
            script.run(new Answered() {
                @Override
                public boolean hungUp() {
                    return farEndHungUp;
                }

                @Override
                public boolean awaitHangUp(Duration d) throws InterruptedException {
                    long until = System.nanoTime() + d.toNanos();
                    synchronized (hangUp) {
                        while (!farEndHungUp) {
                            long left = until - System.nanoTime();
                            if (left <= 0) {
                                return false;
                            }
                            hangUp.wait(Math.max(1, left / 1_000_000));
                        }
                    }
                    return true;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // never interrupt the listener: an interrupted virtual thread closes the socket it is blocked on
        stopListening = true;
        joinQuietly(listener);
        boolean theyHungUp = farEndHungUp;
        if (!theyHungUp) {
            bye(contact, toTag);
        }
        return new Outcome(Result.ANSWERED, status, callId, answeredAt, clock.instant(), theyHungUp, "");
    }

    private volatile boolean stopListening;

    private void listen() {
        while (!stopListening) {
            try {
                Message m = receive(Duration.ofMillis(200));
                if (m != null && m.request() != null && m.header("call-id").equals(callId)) {
                    send(response(m, 200, "OK"));
                    if (m.request().equals("BYE")) {
                        synchronized (hangUp) {
                            farEndHungUp = true;
                            hangUp.notifyAll();
                        }
                        return;
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bye(String contact, @Nullable String toTag) throws IOException {
        cseq++;
        String bye = request("BYE", contact, "z9hG4bK" + token(10), cseq, toTag, "");
        Duration wait = T1;
        for (int i = 0; i < 7; i++) {
            send(bye);
            Instant until = Instant.now().plus(wait);
            Message m;
            while ((m = receive(Duration.between(Instant.now(), until))) != null) {
                if (m.request() != null) {
                    send(response(m, 200, "OK")); // their BYE crossed ours
                    continue;
                }
                if (m.header("call-id").equals(callId) && m.header("cseq").toUpperCase(Locale.ROOT).endsWith("BYE")
                        && m.status() >= 200) {
                    return;
                }
            }
            wait = min(wait.multipliedBy(2), Duration.ofSeconds(4));
        }
        // answered; the far end did not confirm the hang-up
    }

    private String uri() {
        return "sip:" + target.number() + "@" + target.host() + ":" + target.port();
    }

    private String request(String method, String requestUri, String branch, int seq, @Nullable String toTag,
            String sdp) {
        StringBuilder s = new StringBuilder();
        s.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        s.append("Via: SIP/2.0/UDP ").append(local).append(";branch=").append(branch).append(";rport\r\n");
        s.append("Max-Forwards: 70\r\n");
        s.append("From: <sip:").append(target.from()).append('@').append(local).append(">;tag=").append(fromTag)
                .append("\r\n");
        s.append("To: <").append(uri()).append('>').append(toTag == null ? "" : ";tag=" + toTag).append("\r\n");
        s.append("Call-ID: ").append(callId).append("\r\n");
        s.append("CSeq: ").append(seq).append(' ').append(method).append("\r\n");
        s.append("Contact: <sip:").append(target.from()).append('@').append(local).append(">\r\n");
        if (routeSet != null && toTag != null && !method.equals("CANCEL")) {
            s.append("Route: ").append(routeSet).append("\r\n"); // in the dialog: through the proxies that asked
        }
        if (authorization != null && (method.equals("INVITE") || method.equals("CANCEL") || method.equals("ACK")
                && toTag == null)) {
            s.append(authorization).append("\r\n");
        }
        s.append("User-Agent: Candor\r\n");
        if (!sdp.isEmpty()) {
            s.append("Content-Type: application/sdp\r\n");
        }
        s.append("Content-Length: ").append(sdp.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(sdp);
        return s.toString();
    }

    private static String response(Message to, int status, String reason) {
        StringBuilder s = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String h : List.of("via", "from", "to", "call-id", "cseq")) {
            s.append(Character.toUpperCase(h.charAt(0))).append(h.substring(1)).append(": ").append(to.header(h))
                    .append("\r\n");
        }
        return s.append("Content-Length: 0\r\n\r\n").toString();
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length));
    }

    /** A message, parsed: a request's method (null for a response) or a response's status, headers, body. */
    record Message(@Nullable String request, int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    private synchronized @Nullable Message receive(Duration wait) throws IOException {
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
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            return null;
        }
        String request = null;
        int status = 0;
        if (lines[0].startsWith("SIP/2.0 ") && lines[0].length() >= 11) {
            status = Integer.parseInt(lines[0].substring(8, 11));
        } else if (lines[0].endsWith(" SIP/2.0")) {
            request = lines[0].substring(0, lines[0].indexOf(' '));
        } else {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = expand(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT));
                // a header given more than once is one comma-separated list (RFC 3261 §7.3): every Via of a request
                // that came through proxies goes back in the response, every Record-Route makes the route set
                headers.merge(name, lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        return new Message(request, status, headers, body);
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

    /** A UAC's route set from a 2xx's Record-Route values: the same entries, in reverse (RFC 3261 §12.1.2). */
    static @Nullable String routeSetOf(String recordRoute) {
        if (recordRoute.isBlank()) {
            return null;
        }
        List<String> entries = new java.util.ArrayList<>();
        for (String e : recordRoute.split(",(?=\\s*<)")) {
            entries.addFirst(e.strip());
        }
        return String.join(", ", entries);
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

    static String token(int bytes) {
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

    private static void joinQuietly(Thread t) {
        try {
            t.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A call placed for its signalling alone: an RTP port is offered, nothing is sent or heard. */
    private static final class NoMedia implements Media {
        private final DatagramSocket placeholder;

        NoMedia() {
            try {
                placeholder = new DatagramSocket(0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public int localPort() {
            return placeholder.getLocalPort();
        }

        @Override
        public void start(Sdp.Answer answer) {
        }

        @Override
        public void close() {
            placeholder.close();
        }
    }
}
