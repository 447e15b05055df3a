package io.candor.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.candor.channel.Providers;
import io.candor.channel.sandbox.SandboxSmsc;
import io.candor.channel.sandbox.SandboxSmtp;
import io.candor.compliance.Channel;
import io.candor.platform.CandorProperties;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's message providers, real protocol peers on loopback: an SMSC (SMPP 3.4, a delivery receipt for every
 * text), a mail sink (SMTP), a print vendor's pick-up folder under the data directory and the debtors' phone (SIPp,
 * when installed) for AI calls. Each demo tenant's SMS, e-mail, letter and AI-call providers point at them on every
 * start, so the tour's messages, portal links and reminders go out as
 * written; the outbox page ({@link OutboxPage}) shows what each peer received.
 */
@Component
class DemoSandbox {

    private static final Logger log = LoggerFactory.getLogger(DemoSandbox.class);
    static final String PASSWORD = "sandbox";
    static final Map<String, String> CONTACT_PHONE = Map.of("demo-bank", "400-800-0001", "demo-agency", "+65 6000 0002");

    private final Providers providers;
    private final Path letters;
    private final Path phoneDir;
    private @Nullable SandboxSmsc smsc;
    private @Nullable DemoPhone phone;
    private @Nullable SandboxSmtp smtp;

    DemoSandbox(Providers providers, CandorProperties properties) {
        this.providers = providers;
        Path data = properties.dataDir() == null ? Path.of("data") : properties.dataDir();
        this.letters = data.resolve("demo-letters");
        this.phoneDir = data.resolve("demo-phone");
    }

    /** Starts the peers (once) and points the current tenant's providers at them. */
    synchronized void connect(String slug) {
        try {
            if (smsc == null) {
                smsc = new SandboxSmsc(Map.of("demo-bank", PASSWORD, "demo-agency", PASSWORD), true);
                smtp = new SandboxSmtp();
                phone = DemoPhone.start(phoneDir).orElse(null);
                log.info("Demo sandbox: SMSC (SMPP) on 127.0.0.1:{}, mail sink (SMTP) on 127.0.0.1:{}, letters in {}, "
                        + "debtors' phone (SIPp) {} — read what they receive on the Outbox page", smsc.port,
                        smtp.port(), letters, phone == null ? "not installed" : "on 127.0.0.1:" + phone.port);
            }
            SandboxSmtp mail = Objects.requireNonNull(smtp);
            Path folder = Files.createDirectories(letters.resolve(slug));
            String contact = CONTACT_PHONE.getOrDefault(slug, "400-800-0000");
            providers.put(Channel.SMS, Map.of("host", "127.0.0.1", "port", Integer.toString(smsc.port), "systemId", slug,
                    "sourceAddr", "CANDOR", "contactPhone", contact), PASSWORD, "demo");
            providers.put(Channel.EMAIL, Map.of("host", "127.0.0.1", "port", Integer.toString(mail.port()), "from",
                    sender(slug), "contactPhone", contact), null, "demo");
            providers.put(Channel.LETTER, Map.of("outbox", folder.toString(), "contactPhone", contact), null, "demo");
            if (phone != null) {
                providers.put(Channel.VOICE_AI, Map.of("host", "127.0.0.1", "port", Integer.toString(phone.port),
                        "transport", "udp", "from", contact.replaceAll("[^0-9]", ""), "maxCalls", "4"), null, "demo");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's message sandbox could not start: " + e.getMessage(), e);
        }
    }

    static String sender(String slug) {
        return "collections@" + slug + ".example";
    }

    boolean running() {
        return smsc != null;
    }

    List<SandboxSmsc.Submitted> texts(String slug) {
        return smsc == null ? List.of() : smsc.of(slug);
    }

    List<SandboxSmtp.Received> emails(String slug) {
        return smtp == null ? List.of() : smtp.from(sender(slug));
    }

    /** The letters the print vendor picked up, newest first. */
    List<Path> letters(String slug) {
        Path folder = letters.resolve(slug);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf"))
                    .sorted(Comparator.comparing(DemoSandbox::modified).reversed()).limit(200).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A letter's PDF by its file name in the tenant's folder, if it is one. */
    Optional<Path> letter(String slug, String name) {
        return letters(slug).stream().filter(f -> f.getFileName().toString().equals(name)).findFirst();
    }

    /** The debtor answers a text: the SMSC delivers it to Candor as a mobile-originated message. */
    void reply(String slug, String from, String text) throws Exception {
        if (smsc == null) {
            throw new IllegalStateException("the demo sandbox is not running");
        }
        smsc.reply(slug, from.replace("+", ""), text);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    @PreDestroy
    synchronized void stop() throws IOException {
        if (smsc != null) {
            smsc.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (phone != null) {
            phone.close();
        }
    }
}
