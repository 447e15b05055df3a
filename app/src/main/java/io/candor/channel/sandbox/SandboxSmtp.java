package io.candor.channel.sandbox;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mail sink on loopback speaking SMTP (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT):
 * it accepts every message and keeps it, so the demo's e-mails really leave Candor over SMTP and can be read in the
 * outbox. Nothing is relayed anywhere.
 */
public final class SandboxSmtp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxSmtp.class);

    /** A message as received: the envelope, and the subject and text read from the MIME message. */
    public record Received(String from, List<String> to, String subject, String text, Instant at) {
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public SandboxSmtp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    threads.submit(() -> serve(s));
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        log.warn("Sandbox SMTP: {}", e.getMessage());
                    }
                }
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The messages whose sender is {@code from}, newest first. */
    public List<Received> from(String from) {
        List<Received> mine = new ArrayList<>(received.stream().filter(r -> r.from().equalsIgnoreCase(from)).toList());
        Collections.reverse(mine);
        return mine;
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            say(out, "220 candor-sandbox ESMTP ready");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> say(out, "250-candor-sandbox\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> say(out, "250 candor-sandbox");
                    case "MAIL" -> {
                        from = address(line);
                        to.clear();
                        say(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(address(line));
                        say(out, "250 OK");
                    }
                    case "DATA" -> {
                        if (from == null || to.isEmpty()) {
                            say(out, "503 MAIL and RCPT first");
                            continue;
                        }
                        say(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                        }
                        keep(from, List.copyOf(to), data.toString());
                        say(out, "250 OK queued");
                        from = null;
                        to.clear();
                    }
                    case "RSET" -> {
                        from = null;
                        to.clear();
                        say(out, "250 OK");
                    }
                    case "NOOP" -> say(out, "250 OK");
                    case "QUIT" -> {
                        say(out, "221 Bye");
                        return;
                    }
                    default -> say(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            log.debug("Sandbox SMTP connection ended: {}", e.getMessage());
        }
    }

    private void keep(String from, List<String> to, String data) {
        String subject = "";
        String text = data;
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
            subject = m.getSubject() == null ? "" : m.getSubject();
            Object content = m.getContent();
            text = content instanceof String s ? s : content instanceof Multipart mp && mp.getCount() > 0
                    ? String.valueOf(mp.getBodyPart(0).getContent()) : data;
        } catch (Exception e) {
            log.debug("Sandbox SMTP kept a message it could not parse: {}", e.getMessage());
        }
        received.add(new Received(from, to, subject, text, Instant.now()));
        while (received.size() > SandboxSmsc.KEPT) {
            received.removeFirst();
        }
    }

    private static String address(String line) {
        int lt = line.indexOf('<');
        int gt = line.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(line.indexOf(':') + 1).strip();
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
