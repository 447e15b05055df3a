package io.candor.telephony;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Whether a collector's phone is registered and answering: a SIP OPTIONS to their extension through the tenant's
 * registrar or PBX (RFC 3261 §11). Any registrar routes it to where the phone registered from; the phone answers
 * 200, the registrar 404 or 480 when nothing is registered, and a registered phone that has gone answers nothing
 * (or the registrar's 408).
 */
@Component
public class ExtensionProbe {

    /** What the registrar said of an extension. */
    public enum Presence {
        /** Registered, and its phone answered. */
        REGISTERED,
        /** Not registered, or its phone did not answer. */
        UNREACHABLE,
        /** The registrar itself did not answer. */
        NO_REGISTRAR
    }

    /** Asks the registrar at {@code host:port} for {@code extension}, waiting at most {@code wait}. */
    public Presence probe(String host, int port, String extension, Duration wait) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(host), port));
            String local = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
            String callId = SipCall.token(8) + "@candor";
            String uri = "sip:" + extension + "@" + host + ":" + port;
            byte[] options = ("OPTIONS " + uri + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + local + ";branch=z9hG4bK" + SipCall.token(8) + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:candor@" + local + ">;tag=" + SipCall.token(8) + "\r\n"
                    + "To: <" + uri + ">\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Contact: <sip:candor@" + local + ">\r\n"
                    + "Accept: application/sdp\r\n"
                    + "User-Agent: Candor\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            long until = System.nanoTime() + wait.toNanos();
            long retransmit = SipCall.T1.toMillis();
            long nextSend = 0;
            boolean heardAnything = false;
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < until) {
                long nowMs = System.nanoTime() / 1_000_000;
                if (!heardAnything && nowMs >= nextSend) {
                    socket.send(new DatagramPacket(options, options.length));
                    nextSend = nowMs + retransmit;
                    retransmit = Math.min(retransmit * 2, 4_000);
                }
                long left = Math.max(1, Math.min((until - System.nanoTime()) / 1_000_000,
                        heardAnything ? Long.MAX_VALUE : Math.max(1, nextSend - nowMs)));
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (java.net.PortUnreachableException e) {
                    return Presence.NO_REGISTRAR;
                }
                SipCall.Message m = SipCall.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                if (m == null || m.request() != null || !m.header("call-id").equals(callId)) {
                    continue;
                }
                heardAnything = true;
                if (m.status() >= 200) {
                    return m.status() < 300 ? Presence.REGISTERED : Presence.UNREACHABLE;
                }
            }
            return heardAnything ? Presence.UNREACHABLE : Presence.NO_REGISTRAR;
        } catch (IOException e) {
            return Presence.NO_REGISTRAR;
        }
    }
}
