package io.candor.channel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.compliance.ContentLinter;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.platform.Actor;
import io.candor.platform.Timestamps;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.MessageFacts;
import io.candor.template.Templates;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a message leaves Candor. For each send: the contact gate decides at send time (a refusal is recorded
 * and nothing goes out); the approved template's text in the debtor's language is filled, given its opt-out line
 * and linted again as filled; the message is recorded as SENDING before the provider is called, so a crash never
 * makes a second send under the same idempotency key; then the provider's answer becomes the status, the contact
 * event's outcome and an evidence-log entry holding the exact text.
 */
@Service
public class Sends {

    /** A message and where it stands. */
    public record Message(UUID id, UUID account, Channel channel, String template, @Nullable Integer templateVersion,
                          @Nullable String locale, String status, @Nullable String detail, @Nullable String providerId,
                          Instant createdAt) {
    }

    private static final ContentLinter LINTER = ContentLinter.shipped();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ContactGate gate;
    private final Templates templates;
    private final MessageFacts facts;
    private final Providers providers;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sends(JdbcClient jdbc, TransactionTemplate tx, ContactGate gate, Templates templates, MessageFacts facts,
            Providers providers, List<ChannelAdapter> adapters, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.gate = gate;
        this.templates = templates;
        this.facts = facts;
        this.providers = providers;
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
        this.events = events;
        this.clock = clock;
    }

    /** Sends template {@code code} to the account's debtor once per {@code key}; a repeated key returns the first. */
    public Message send(UUID account, String code, String key, Actor actor) {
        Optional<Message> done = byKey(key);
        if (done.isPresent()) {
            return done.get();
        }
        Channel channel = Optional.ofNullable(templates.channels().get(code)).orElseThrow(() -> new BadRequestException(
                "There is no approved template '" + code + "': approve it with PUT /api/v1/templates/" + code + "."));
        ChannelAdapter adapter = Optional.ofNullable(adapters.get(channel)).orElseThrow(() -> new BadRequestException(
                "Candor cannot send " + channel + " messages yet; the channels it sends are " + adapters.keySet() + "."));
        Providers.Provider provider = providers.find(channel).orElseThrow(() -> new BadRequestException(
                "No " + channel + " provider is set for this organisation: set one with PUT /api/v1/channels/" + channel
                        + "."));
        MessageFacts.Facts f = facts.of(account, "CONTACT_SEND").orElseThrow(() -> new NotFoundException(
                "open account", account));
        MessageFacts.Point point = f.point(kind(channel)).orElse(null);
        if (point == null) {
            return record(key, account, channel, code, null, null, null, null, "REFUSED",
                    "The debtor has no valid " + kind(channel) + " contact point.", actor);
        }
        ContactGate.Answer answer = gate.decide(new ContactGate.Request(account, channel, Party.DEBTOR, point.value(),
                null), actor);
        if (answer.reservation() == null) {
            return record(key, account, channel, code, null, null, answer.decision(), null, "REFUSED",
                    "The contact gate refused it: " + answer.rules(), actor);
        }
        UUID reservation = answer.reservation();
        Templates.Template text = templates.forLanguage(code, f.language(), "en").orElse(null);
        if (text == null) {
            return fail(key, account, channel, code, null, answer, "Template '" + code + "' has no text in "
                    + f.language() + " or English.", actor);
        }
        String body;
        Map<String, String> values = values(f, provider);
        try {
            body = Templates.render(text.body(), values);
        } catch (IllegalArgumentException e) {
            return fail(key, account, channel, code, text, answer, e.getMessage(), actor);
        }
        String footer = OptOut.footer(channel, text.locale());
        if (!footer.isEmpty()) {
            body = body + "\n" + footer;
        }
        List<ContentLinter.Finding> findings = LINTER.lint(new ContentLinter.Template(text.jurisdiction(), channel,
                text.locale(), body, text.purpose()), values);
        if (!findings.isEmpty()) {
            return fail(key, account, channel, code, text, answer, "The filled text failed linting: "
                    + findings.stream().map(ContentLinter.Finding::rule).toList(), actor);
        }
        Message sending = record(key, account, channel, code, text, answer.decision(), reservation, null, "SENDING",
                null, actor);
        if (!reservation.equals(contactEvent(sending.id()))) {
            return sending; // the same key was sent a moment ago by another request: that one goes out, not this
        }
        String to = channel == Channel.LETTER ? f.debtorName() + "\n" + point.value() : point.value();
        OutboundMessage message = new OutboundMessage(sending.id(), channel, to,
                OptOut.subject(f.creditor(), text.locale()), body, text.locale());
        Delivery delivery;
        try {
            delivery = adapter.send(message, provider);
        } catch (RuntimeException e) {
            delivery = new Delivery.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return finish(sending, reservation, delivery, body, text);
    }

    private Message finish(Message m, UUID reservation, Delivery delivery, String body, Templates.Template text) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return tx.execute(s -> {
            String status = delivery instanceof Delivery.Accepted ? "SENT" : "FAILED";
            String detail = delivery instanceof Delivery.Failed f ? f.reason() : null;
            String providerId = delivery instanceof Delivery.Accepted a ? a.providerId() : null;
            jdbc.sql("""
                            UPDATE outbound_message SET status = :status, detail = :detail, provider_id = :provider,
                                   content_sha256 = sha256(:content), updated_at = :now
                            WHERE id = :id AND status = 'SENDING'""")
                    .param("status", status).param("detail", detail).param("provider", providerId)
                    .param("content", content).param("now", Timestamps.utc(clock.instant())).param("id", m.id()).update();
            gate.recordOutcome(reservation, delivery instanceof Delivery.Accepted ? Outcome.DELIVERED : Outcome.FAILED);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("message", m.id().toString());
            facts.put("channel", m.channel().name());
            facts.put("template", text.code() + "@" + text.version());
            facts.put("locale", text.locale());
            facts.put("status", status);
            List<byte[]> contents = new java.util.ArrayList<>(List.of(content));
            if (delivery instanceof Delivery.Accepted a) {
                contents.addAll(a.documents());
            }
            events.publishEvent(new EvidenceEvent("MESSAGE_SENT", EvidenceEvent.Subject.account(m.account()), null,
                    clock.instant(), facts, contents));
            return byId(m.id());
        });
    }

    private Message fail(String key, UUID account, Channel channel, String code, Templates.@Nullable Template text,
            ContactGate.Answer answer, String reason, Actor actor) {
        Message m = record(key, account, channel, code, text, answer.decision(), answer.reservation(), null, "FAILED",
                reason, actor);
        if (answer.reservation() != null) {
            gate.recordOutcome(answer.reservation(), Outcome.FAILED);
        }
        return m;
    }

    /** Inserts the message under its key; the first writer of a key wins and every caller gets that row. */
    private Message record(String key, UUID account, Channel channel, String code, Templates.@Nullable Template text,
            @Nullable UUID decision, @Nullable UUID reservation, @Nullable String providerId, String status,
            @Nullable String detail, Actor actor) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO outbound_message (tenant_id, id, idempotency_key, account_id, channel, template_code,
                                                      template_version, locale, decision_id, contact_event_id, status,
                                                      detail, provider_id, requested_by, created_at, updated_at)
                        VALUES (:tenant, :id, :key, :account, :channel, :code, :version, :locale, :decision, :event,
                                :status, :detail, :provider, :by, :now, :now)
                        ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")
                .param("tenant", TenantContext.require()).param("id", Ids.newId()).param("key", key)
                .param("account", account).param("channel", channel.name()).param("code", code)
                .param("version", text == null ? null : text.version()).param("locale", text == null ? null : text.locale())
                .param("decision", decision).param("event", reservation).param("status", status).param("detail", detail)
                .param("provider", providerId).param("by", actor.username()).param("now", Timestamps.utc(now)).update());
        return byKey(key).orElseThrow();
    }

    public Optional<Message> byKey(String key) {
        return jdbc.sql(SELECT + " WHERE idempotency_key = :key").param("key", key).query((rs, n) -> message(rs))
                .optional();
    }

    private Message byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> message(rs)).single();
    }

    private @Nullable UUID contactEvent(UUID message) {
        return jdbc.sql("SELECT contact_event_id FROM outbound_message WHERE id = :id").param("id", message)
                .query(UUID.class).optional().orElse(null);
    }

    public List<Message> ofAccount(UUID account) {
        return jdbc.sql(SELECT + " WHERE account_id = :account ORDER BY created_at DESC LIMIT 200")
                .param("account", account).query((rs, n) -> message(rs)).list();
    }

    private static final String SELECT = """
            SELECT id, account_id, channel, template_code, template_version, locale, status, detail, provider_id,
                   created_at
            FROM outbound_message""";

    private static Message message(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Message(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("template_code"),
                (Integer) rs.getObject("template_version"), rs.getString("locale"), rs.getString("status"),
                rs.getString("detail"), rs.getString("provider_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Map<String, String> values(MessageFacts.Facts f, Providers.Provider provider) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("debtor_name", f.debtorName());
        v.put("creditor", f.creditor());
        v.put("balance", f.balance().toString());
        String phone = provider.settings().get("contactPhone");
        if (phone != null) {
            v.put("contact_phone", phone);
        }
        return v;
    }

    private static String kind(Channel channel) {
        return switch (channel) {
            case EMAIL -> "EMAIL";
            case SMS, VOICE_AI, VOICE_HUMAN -> "PHONE";
            case APP_PUSH -> "APP";
            case LETTER, FIELD_VISIT -> "ADDRESS";
        };
    }
}
