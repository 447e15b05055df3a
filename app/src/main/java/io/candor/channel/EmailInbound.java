package io.candor.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.portfolio.ContactPreferences;
import io.candor.portfolio.ContactTargets;
import io.candor.tenancy.EachTenant;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies to Candor's e-mails, read from the tenant's mailbox over IMAP (EMAIL provider settings {@code imapHost},
 * {@code imapPort}, {@code imapUser}; the secret is the mailbox password): each unread message is matched to the
 * debtors whose e-mail address sent it; a stop word (退订, 退訂, STOP, UNSUBSCRIBE …) in the subject or the first
 * line opts that address out of e-mail at once. Every reply is evidence-logged with its text, then marked read; the
 * others are told to whoever listens ({@link EmailReceived}: a complaint in one becomes a case).
 */
@Component
class EmailInbound {

    private static final Logger log = LoggerFactory.getLogger(EmailInbound.class);
    static final Set<String> STOP_WORDS = OptOut.stopWords("取消订阅", "取消訂閱");

    private final TransactionTemplate tx;
    private final Providers providers;
    private final ContactPreferences preferences;
    private final EachTenant each;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContactTargets targets;

    EmailInbound(TransactionTemplate tx, Providers providers, ContactPreferences preferences,
            EachTenant each, ApplicationEventPublisher events, Clock clock, ContactTargets targets) {
        this.targets = targets;
        this.tx = tx;
        this.providers = providers;
        this.preferences = preferences;
        this.each = each;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.channels.imap-interval:60s}", initialDelayString = "${candor.channels.imap-interval:60s}")
    void tick() {
        each.run("Reading e-mail replies", this::poll);
    }

    /** In a tenant's context: reads the unread replies; returns how many. */
    int poll() {
        Providers.Provider p = providers.find(Channel.EMAIL).orElse(null);
        if (p == null || p.settings().get("imapHost") == null) {
            return 0;
        }
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(props);
        int read = 0;
        try (Store store = session.getStore(Boolean.parseBoolean(p.settings().getOrDefault("imapSsl", "false"))
                ? "imaps" : "imap")) {
            store.connect(p.setting("imapHost"), Integer.parseInt(p.settings().getOrDefault("imapPort", "993")),
                    p.setting("imapUser"), p.secret() == null ? "" : p.secret());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message m : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    handle(m);
                    m.setFlag(Flags.Flag.SEEN, true);
                    read++;
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            log.warn("The e-mail replies could not be read: {}", e.getMessage());
        }
        return read;
    }

    private void handle(Message m) throws MessagingException, IOException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)) {
            return;
        }
        String subject = m.getSubject() == null ? "" : m.getSubject();
        String body = text(m);
        String firstLine = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        boolean stop = stop(subject) || stop(firstLine);
        String address = sender.getAddress().toLowerCase(Locale.ROOT);
        tx.executeWithoutResult(s -> {
            for (ContactTargets.Sender point : targets.byEmail(address)) {
                if (stop) {
                    preferences.optOut(point.point(), Channel.EMAIL.name(), true);
                }
                events.publishEvent(new EvidenceEvent(EvidenceType.EMAIL_REPLY, EvidenceEvent.Subject.account(point.account()),
                        "debtor", clock.instant(), Map.of("stopWord", Boolean.toString(stop)),
                        List.of((subject + "\n\n" + body).getBytes(StandardCharsets.UTF_8))));
                if (!stop) {
                    events.publishEvent(new EmailReceived(point.account(), address, subject, body));
                }
            }
        });
    }

    static boolean stop(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replaceAll("^(RE|回复|回覆|答复)\\s*[:：]\\s*", "");
        return STOP_WORDS.stream().anyMatch(w -> t.equals(w) || t.startsWith(w + " ") || t.startsWith(w + "，")
                || t.startsWith(w + ",") || t.startsWith(w + "。") || t.startsWith(w + "!") || t.startsWith(w + "！"));
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String t = text(multipart.getBodyPart(i));
                if (!t.isEmpty()) {
                    return t;
                }
            }
        }
        return "";
    }
}
