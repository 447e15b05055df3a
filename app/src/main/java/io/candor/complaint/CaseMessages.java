package io.candor.complaint;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.channel.MessageStatus;
import io.candor.channel.Sends;
import io.candor.compliance.Channel;
import io.candor.platform.Actor;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.template.Templates;
import io.candor.tenancy.Tenants;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The messages a complaint case sends its complainant — service messages, not collection contacts, so they go out
 * while the case holds collection: the acknowledgement (by SMS or e-mail) and the approved final response (a letter by
 * post, or an e-mail carrying the letter as a PDF). Each from the organisation's approved template of its kind and
 * channel — the jurisdiction's own ({@code complaint-final-response-letter-gb}) before the general one — linted for
 * the debtor's jurisdiction as filled (the GB text must carry the Financial Ombudsman wording), sent once per attempt,
 * and recorded on the case: the final response's sending makes it RESPONDED; a refusal or failure is a step that says
 * why, and the next attempt is a fresh message.
 */
@Service
class CaseMessages {

    /** What a case sends. */
    enum Kind {
        ACKNOWLEDGEMENT("complaint-acknowledgement", Set.of(Channel.SMS, Channel.EMAIL)),
        FINAL_RESPONSE("complaint-final-response", Set.of(Channel.LETTER, Channel.EMAIL));

        final String code;
        final Set<Channel> channels;

        Kind(String code, Set<Channel> channels) {
            this.code = code;
            this.channels = channels;
        }
    }

    private final Complaints complaints;
    private final Sends sends;
    private final Templates templates;
    private final Tenants tenants;
    private final MessageSource messages;

    CaseMessages(Complaints complaints, Sends sends, Templates templates, Tenants tenants, MessageSource messages) {
        this.complaints = complaints;
        this.sends = sends;
        this.templates = templates;
        this.tenants = tenants;
        this.messages = messages;
    }

    /** Sends the case's approved final response on {@code channel}; the case is RESPONDED when it went out. */
    Sends.Message finalResponse(UUID id, Channel channel, Actor by) {
        ComplaintCase k = complaints.get(id);
        if (k.approvedBy() == null || k.responseText() == null) {
            throw new ConflictException("Case " + id + " has no approved final response to send: draft it and have a "
                    + "second person approve it first.");
        }
        if (k.state() == ComplaintState.RESPONDED || k.state() == ComplaintState.CLOSED) {
            throw new ConflictException("Case " + id + " is " + k.state() + ": its final response was sent.");
        }
        Sends.Message m = send(k, Kind.FINAL_RESPONSE, channel, by);
        if (m.status() == MessageStatus.SENT || m.status() == MessageStatus.DELIVERED) {
            complaints.responseSent(id, m.id(), channel, by.username());
        } else {
            complaints.noted(id, "RESPONSE_NOT_SENT", channel + " message " + m.id() + " " + m.status() + ": "
                    + m.detail(), by.username());
        }
        return m;
    }

    /** Tells the complainant the complaint is received and being handled, and when the decision is due. */
    Sends.Message acknowledgement(UUID id, Channel channel, Actor by) {
        ComplaintCase k = complaints.get(id);
        Sends.Message m = send(k, Kind.ACKNOWLEDGEMENT, channel, by);
        boolean sent = m.status() == MessageStatus.SENT || m.status() == MessageStatus.DELIVERED;
        complaints.noted(id, sent ? "ACKNOWLEDGEMENT_SENT" : "ACKNOWLEDGEMENT_NOT_SENT", channel + " message "
                + m.id() + " " + m.status() + (sent ? "" : ": " + m.detail()), by.username());
        return m;
    }

    private Sends.Message send(ComplaintCase k, Kind kind, Channel channel, Actor by) {
        if (!kind.channels.contains(channel)) {
            throw new BadRequestException("A complaint's " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " goes by " + kind.channels.stream().map(Enum::name).sorted().toList() + ", not " + channel + ".");
        }
        String code = template(kind, channel, k.jurisdiction()).orElseThrow(() -> new BadRequestException(
                "No approved template for a complaint's " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " by " + channel + ": approve " + general(kind, channel) + " (or "
                        + general(kind, channel) + "-" + k.jurisdiction().toLowerCase(Locale.ROOT)
                        + " for " + k.jurisdiction() + ") on the templates page; Candor ships suggestions."));
        ZoneId zone = tenants.find(TenantContext.require()).orElseThrow().timeZone();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("complaint_reference", Complaints.reference(k.id()));
        values.put("received_on", k.receivedAt().atZone(zone).toLocalDate().toString());
        if (k.finalResponseBy() != null) {
            values.put("decision_by", k.finalResponseBy().toString());
        }
        if (kind == Kind.FINAL_RESPONSE) {
            values.put("response", java.util.Objects.requireNonNull(k.responseText()));
        }
        String key = "complaint:" + k.id() + ":" + kind.name() + ":" + channel + ":" + complaints.attempts(k.id());
        return sends.service(k.account(), code, key, locale -> subject(kind, locale, values.get("complaint_reference")),
                values, by);
    }

    /** The jurisdiction's own template of this kind and channel if approved, else the general one if approved. */
    private Optional<String> template(Kind kind, Channel channel, String jurisdiction) {
        String general = general(kind, channel);
        String own = general + "-" + jurisdiction.toLowerCase(Locale.ROOT);
        return templates.channel(own).filter(c -> c == channel).map(c -> own)
                .or(() -> templates.channel(general).filter(c -> c == channel).map(c -> general));
    }

    static String general(Kind kind, Channel channel) {
        return kind.code + "-" + channel.name().toLowerCase(Locale.ROOT);
    }

    private String subject(Kind kind, String locale, String reference) {
        return messages.getMessage("portal.complaint.subject." + kind.name(), new Object[] {reference},
                Locale.forLanguageTag(locale));
    }
}
