package io.candor.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.candor.channel.EmailReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A debtor's e-mail that complains becomes a case (intake {@code EMAIL}): its subject or text holds one of the words
 * of {@code complaint/intake-words.json} (投诉, 举报, 12378, complaint, ombudsman …). The case's summary is the
 * subject and the start of the text; the same grievance already open on the account is linked, not counted again.
 */
@Component
class EmailComplaints {

    private static final Logger log = LoggerFactory.getLogger(EmailComplaints.class);
    static final List<String> WORDS = words();

    private final Complaints complaints;

    EmailComplaints(Complaints complaints) {
        this.complaints = complaints;
    }

    @EventListener
    void on(EmailReceived mail) {
        if (!complains(mail.subject() + "\n" + mail.text())) {
            return;
        }
        String text = (mail.subject().isBlank() ? "" : mail.subject().strip() + ": ") + mail.text().strip();
        UUID id = complaints.receive(NewComplaint.from(mail.account(), Intake.EMAIL,
                text.length() > 4000 ? text.substring(0, 3999) + "…" : text, AboutKind.UNKNOWN, null),
                "debtor (e-mail " + mail.from() + ")");
        log.info("An e-mail from {} complains: case {}", mail.from(), id);
    }

    static boolean complains(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(t::contains);
    }

    private static List<String> words() {
        try (InputStream in = EmailComplaints.class.getResourceAsStream("/complaint/intake-words.json")) {
            if (in == null) {
                throw new IllegalStateException("missing complaint/intake-words.json");
            }
            JsonNode doc = JsonMapper.builder().build().readTree(in);
            List<String> out = new ArrayList<>();
            doc.get("words").forEach(w -> out.add(w.asString().toLowerCase(Locale.ROOT)));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
