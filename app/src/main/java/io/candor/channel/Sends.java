package io.candor.channel;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.candor.compliance.Channel;
import io.candor.compliance.ContentLinter;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.evidence.ContentStore;
import io.candor.platform.Actor;
import io.candor.platform.Failures;
import io.candor.platform.Timestamps;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.ContactPointRef;
import io.candor.portfolio.ContactTargets;
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
                          @Nullable String locale, MessageStatus status, @Nullable String detail, @Nullable String providerId,
                          Instant createdAt, ContactGate.Purpose purpose) {
    }

    private static final ContentLinter LINTER = ContentLinter.shipped();

    private final JdbcClient jdbc;
    private final ContentStore content;
    private final TransactionTemplate tx;
    private final ContactGate gate;
    private final Templates templates;
    private final MessageFacts facts;
    private final Providers providers;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PdfLetters letters;

    Sends(JdbcClient jdbc, TransactionTemplate tx, ContactGate gate, Templates templates, MessageFacts facts,
            Providers providers, List<ChannelAdapter> adapters, ApplicationEventPublisher events, Clock clock,
            ContentStore content, PdfLetters letters) {
        this.letters = letters;
        this.content = content;
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

    /** What a send needs once the gate has allowed it. */
    private sealed interface Prepared {
    }

    /**
     * Settled before anything is sent now: refused (no contact point, or the gate said no) and recorded so, or made
     * before under the same key.
     */
    private record Refused(Message message) implements Prepared {
    }

    /** The channels Candor has an adapter for (whether or not the tenant set a provider). */
    public List<Channel> adapted() {
        return List.copyOf(adapters.keySet());
    }

    /** The channels the current tenant can send through: Candor has the adapter and the tenant a provider. */
    public List<Channel> sendable() {
        return adapters.keySet().stream().filter(c -> providers.find(c).isPresent()).toList();
    }

    private record Ready(Channel channel, ChannelAdapter adapter, Providers.Provider provider, MessageFacts.Facts facts,
                         MessageFacts.Point point, ContactGate.Answer answer, ContactGate.Purpose purpose)
            implements Prepared {
    }

    /** How a message goes out besides its text: its subject (else the channel's usual one) and any attachment. */
    private record Envelope(@Nullable String subject, List<OutboundMessage.Attachment> attachments) {
        static final Envelope USUAL = new Envelope(null, List.of());
    }

    /** Sends template {@code code} to the account's debtor once per {@code key}; a repeated key returns the first. */
    public Message send(UUID account, String code, String key, Actor actor) {
        return send(account, code, key, actor, Map.of());
    }

    /**
     * Sends template {@code code} with {@code extra} placeholders besides the account's facts (e.g. {@code portal_link}),
     * once per {@code key}.
     */
    public Message send(UUID account, String code, String key, Actor actor, Map<String, String> extra) {
        Ready r;
        switch (start(account, code, key, actor, ContactGate.Purpose.COLLECTION)) {
            case Refused settled -> {
                return settled.message();
            }
            case Ready ready -> r = ready;
        }
        Templates.Template text = templates.forLanguage(code, r.facts().language(), "en").orElse(null);
        if (text == null) {
            return fail(key, account, r, code, null, "Template '" + code + "' has no text in "
                    + r.facts().language() + " or English.", actor);
        }
        String body;
        Map<String, String> values = values(r.facts(), r.provider());
        values.putAll(extra);
        try {
            body = Templates.render(text.body(), values);
        } catch (IllegalArgumentException e) {
            return fail(key, account, r, code, text, Failures.messageOf(e), actor);
        }
        body = withFooter(body, r.channel(), text.locale());
        // linted for where the debtor is: a template approved for one jurisdiction may lack another's disclosures
        List<ContentLinter.Finding> findings = LINTER.lint(new ContentLinter.Template(jurisdiction(r.facts()),
                r.channel(), text.locale(), body, text.purpose()), values);
        if (!findings.isEmpty()) {
            return fail(key, account, r, code, text, "The filled text failed linting: "
                    + findings.stream().map(ContentLinter.Finding::rule).toList(), actor);
        }
        return dispatch(key, account, r, code, text.version(), text.locale(), body, Envelope.USUAL, actor);
    }

    /**
     * Sends a service message once per {@code key}: a message about a case the debtor opened (a complaint's
     * acknowledgement or final response), not a collection contact. Its template must be approved for a service
     * purpose ({@link ContentLinter#SERVICE_PURPOSES}); the gate decides with purpose SERVICE (the holds that pause
     * collection do not refuse it, the collection caps do not count it; hours, opt-outs and the silencing holds
     * apply); the filled text is linted for that purpose in the debtor's jurisdiction; a final response by e-mail
     * carries the same text as a PDF letter. The subject is asked for in the language of the text chosen.
     * Recorded, and evidence-logged, as a SERVICE message.
     */
    public Message service(UUID account, String code, String key, Function<String, String> subjectInLocale,
            Map<String, String> extra, Actor actor) {
        Ready r;
        switch (start(account, code, key, actor, ContactGate.Purpose.SERVICE)) {
            case Refused settled -> {
                return settled.message();
            }
            case Ready ready -> r = ready;
        }
        Templates.Template text = templates.forLanguage(code, r.facts().language(), "en").orElse(null);
        if (text == null) {
            return fail(key, account, r, code, null, "Template '" + code + "' has no text in "
                    + r.facts().language() + " or English.", actor);
        }
        if (text.purpose() == null || !ContentLinter.SERVICE_PURPOSES.contains(text.purpose())) {
            return fail(key, account, r, code, text, "Template '" + code + "' (" + text.locale() + " v"
                    + text.version() + ") is not approved for a service purpose " + ContentLinter.SERVICE_PURPOSES
                    + ": a collection text never goes out as a service message.", actor);
        }
        Map<String, String> values = values(r.facts(), r.provider());
        values.putAll(extra);
        String body;
        try {
            body = withFooter(Templates.render(text.body(), values), r.channel(), text.locale());
        } catch (IllegalArgumentException e) {
            return fail(key, account, r, code, text, Failures.messageOf(e), actor);
        }
        List<ContentLinter.Finding> findings = LINTER.lint(new ContentLinter.Template(jurisdiction(r.facts()),
                r.channel(), text.locale(), body, text.purpose()), values);
        if (!findings.isEmpty()) {
            return fail(key, account, r, code, text, "The filled text failed linting: "
                    + findings.stream().map(ContentLinter.Finding::rule).toList(), actor);
        }
        String subject = subjectInLocale.apply(text.locale());
        List<OutboundMessage.Attachment> attachments = new ArrayList<>();
        if (r.channel() == Channel.EMAIL && ContentLinter.LETTER_PURPOSES.contains(text.purpose())) {
            try {
                attachments.add(new OutboundMessage.Attachment(code + ".pdf", "application/pdf",
                        letters.render(new OutboundMessage(Ids.newId(), Channel.LETTER, r.facts().debtorName(),
                                subject, body, text.locale(), List.of()))));
            } catch (java.io.IOException | RuntimeException e) {
                return fail(key, account, r, code, text, "The letter to attach could not be made: "
                        + Failures.messageOf(e), actor);
            }
        }
        return dispatch(key, account, r, code, text.version(), text.locale(), body,
                new Envelope(subject, attachments), actor);
    }

    /**
     * Sends the agent's reply in a conversation the debtor started (a text they sent): the same gate, banned-word
     * check, opt-out line, record and evidence as any message, without a template — the agent's words are its own
     * reviewed texts.
     */
    public Message reply(UUID account, Channel channel, String text, String locale, String key, Actor actor) {
        Optional<Message> done = byKey(key);
        if (done.isPresent()) {
            return done.get();
        }
        Ready r;
        switch (prepare(account, channel, AGENT_REPLY, key, actor, ContactGate.Purpose.ANSWER)) {
            case Refused refused -> {
                return refused.message();
            }
            case Ready ready -> r = ready;
        }
        String body = withFooter(text, channel, locale);
        List<ContentLinter.Finding> banned = LINTER.lint(new ContentLinter.Template(jurisdiction(r.facts()), channel,
                locale, body, null)).stream().filter(x -> x.rule().startsWith("BANNED")).toList();
        if (!banned.isEmpty()) {
            return fail(key, account, r, AGENT_REPLY, null, "The reply failed linting: "
                    + banned.stream().map(ContentLinter.Finding::rule).toList(), actor);
        }
        return dispatch(key, account, r, AGENT_REPLY, null, locale, body, Envelope.USUAL, actor);
    }

    /** The template code recorded for the agent's replies. */
    public static final String AGENT_REPLY = "agent-reply";

    /**
     * A send of template {@code code} begun: the message already made under {@code key} (sent or not), or what
     * {@link #prepare} finds.
     */
    private Prepared start(UUID account, String code, String key, Actor actor, ContactGate.Purpose purpose) {
        Optional<Message> done = byKey(key);
        if (done.isPresent()) {
            return new Refused(done.get());
        }
        Channel channel = templates.channel(code).orElseThrow(() -> new BadRequestException(
                "There is no approved template '" + code + "': approve it with PUT /api/v1/templates/" + code + "."));
        return prepare(account, channel, code, key, actor, purpose);
    }

    /** The adapter, provider, facts and contact point, and the gate's answer now; or the refusal, recorded. */
    private Prepared prepare(UUID account, Channel channel, String code, String key, Actor actor) {
        return prepare(account, channel, code, key, actor, ContactGate.Purpose.COLLECTION);
    }

    private Prepared prepare(UUID account, Channel channel, String code, String key, Actor actor,
            ContactGate.Purpose purpose) {
        ChannelAdapter adapter = Optional.ofNullable(adapters.get(channel)).orElseThrow(() -> new BadRequestException(
                "Candor cannot send " + channel + " messages yet; the channels it sends are " + adapters.keySet() + "."));
        Providers.Provider provider = providers.find(channel).orElseThrow(() -> new BadRequestException(
                "No " + channel + " provider is set for this organisation: set one with PUT /api/v1/channels/" + channel
                        + "."));
        MessageFacts.Facts f = facts.of(account, "CONTACT_SEND").orElseThrow(() -> new NotFoundException(
                "open account", account));
        MessageFacts.Point point = f.point(channel.reaches()).orElse(null);
        if (point == null) {
            return new Refused(insert(key, account, channel, code, null, null, null, null, MessageStatus.REFUSED,
                    "The debtor has no valid " + channel.reaches() + " contact point.", actor, purpose));
        }
        ContactGate.Answer answer = gate.decide(new ContactGate.Request(account, channel, Party.DEBTOR,
                ContactPointRef.of(point.id()), null, purpose), actor);
        if (answer.reservation() == null) {
            return new Refused(insert(key, account, channel, code, null, null, answer.decision(), null,
                    MessageStatus.REFUSED, "The contact gate refused it: " + answer.rules(), actor, purpose));
        }
        return new Ready(channel, adapter, provider, f, point, answer, purpose);
    }

    private static String jurisdiction(MessageFacts.Facts f) {
        return ContactTargets.jurisdiction(f.country(), f.region());
    }

    private static String withFooter(String body, Channel channel, String locale) {
        String footer = OptOut.footer(channel, locale);
        return footer.isEmpty() ? body : body + "\n" + footer;
    }

    /** Records the message as SENDING, hands it to the provider, and records what came of it. */
    private Message dispatch(String key, UUID account, Ready r, String code, @Nullable Integer version, String locale,
            String body, Envelope envelope, Actor actor) {
        UUID reservation = Objects.requireNonNull(r.answer().reservation());
        Message sending = insert(key, account, r.channel(), code, version, locale, r.answer().decision(), reservation,
                MessageStatus.SENDING, null, actor, r.purpose());
        if (!reservation.equals(contactEvent(sending.id()))) {
            return sending; // the same key was sent a moment ago by another request: that one goes out, not this
        }
        String to = r.channel() == Channel.LETTER ? r.facts().debtorName() + "\n" + r.point().value() : r.point().value();
        OutboundMessage message = new OutboundMessage(sending.id(), r.channel(), to, envelope.subject() != null
                ? envelope.subject() : OptOut.subject(r.facts().creditor(), locale), body, locale, envelope.attachments());
        Delivery delivery;
        try {
            delivery = r.adapter().send(message, r.provider());
        } catch (RuntimeException e) {
            delivery = new Delivery.Failed(Failures.messageOf(e));
        }
        return finish(sending, reservation, delivery, body, code + "@" + (version == null ? "-" : version), locale);
    }

    private Message finish(Message m, UUID reservation, Delivery delivery, String body, String template, String locale) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return tx.execute(s -> {
            MessageStatus status = delivery instanceof Delivery.Accepted ? MessageStatus.SENT : MessageStatus.FAILED;
            String detail = delivery instanceof Delivery.Failed f ? f.reason() : null;
            String providerId = delivery instanceof Delivery.Accepted a ? a.providerId() : null;
            jdbc.sql("""
                            UPDATE outbound_message SET status = :status, detail = :detail, provider_id = :provider,
                                   content_sha256 = sha256(:content), updated_at = :now
                            WHERE id = :id AND status = 'SENDING'""")
                    .param("status", status.name()).param("detail", detail).param("provider", providerId)
                    .param("content", content).param("now", Timestamps.utc(clock.instant())).param("id", m.id()).update();
            gate.recordOutcome(reservation, delivery instanceof Delivery.Accepted ? Outcome.DELIVERED : Outcome.FAILED);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("message", m.id().toString());
            facts.put("channel", m.channel().name());
            facts.put("template", template);
            facts.put("locale", locale);
            facts.put("status", status.name());
            facts.put("purpose", m.purpose().name());
            List<byte[]> contents = new ArrayList<>(List.of(content));
            if (delivery instanceof Delivery.Accepted a) {
                contents.addAll(a.documents());
            }
            events.publishEvent(new EvidenceEvent(EvidenceType.MESSAGE_SENT, EvidenceEvent.Subject.account(m.account()), null,
                    clock.instant(), facts, contents));
            return byId(m.id());
        });
    }

    private Message fail(String key, UUID account, Ready r, String code, Templates.@Nullable Template text,
            String reason, Actor actor) {
        ContactGate.Answer answer = r.answer();
        Message m = insert(key, account, r.channel(), code, text == null ? null : text.version(),
                text == null ? null : text.locale(), answer.decision(), answer.reservation(), MessageStatus.FAILED,
                reason, actor, r.purpose());
        if (answer.reservation() != null) {
            gate.recordOutcome(answer.reservation(), Outcome.FAILED);
        }
        return m;
    }

    /** Inserts the message under its key; the first writer of a key wins and every caller gets that row. */
    private Message insert(String key, UUID account, Channel channel, String code, @Nullable Integer version,
            @Nullable String locale, @Nullable UUID decision, @Nullable UUID reservation, MessageStatus status,
            @Nullable String detail, Actor actor, ContactGate.Purpose purpose) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO outbound_message (tenant_id, id, idempotency_key, account_id, channel, template_code,
                                                      template_version, locale, decision_id, contact_event_id, status,
                                                      detail, provider_id, requested_by, created_at, updated_at, purpose)
                        VALUES (:tenant, :id, :key, :account, :channel, :code, :version, :locale, :decision, :event,
                                :status, :detail, :provider, :by, :now, :now, :purpose)
                        ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")
                .param("tenant", TenantContext.require()).param("id", Ids.newId()).param("key", key)
                .param("account", account).param("channel", channel.name()).param("code", code)
                .param("version", version).param("locale", locale)
                .param("decision", decision).param("event", reservation).param("status", status.name()).param("detail", detail)
                .param("provider", null).param("by", actor.username()).param("now", Timestamps.utc(now))
                .param("purpose", purpose.name()).update());
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

    /**
     * The exact text of a message sent on an account (from the evidence log's content store, checked against the
     * hash recorded when it was sent); empty for another account's message, one never sent, or text erased under
     * retention rules.
     */
    public Optional<String> text(UUID account, UUID message) {
        return jdbc.sql("SELECT encode(content_sha256, 'hex') FROM outbound_message WHERE id = :id AND account_id = :a "
                        + "AND content_sha256 IS NOT NULL")
                .param("id", message).param("a", account).query(String.class).optional()
                .flatMap(content::verified)
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The latest messages of one channel on any account, newest first (the channel page's last sends). */
    public List<Message> recent(Channel channel, int limit) {
        return jdbc.sql(SELECT + " WHERE channel = :channel ORDER BY created_at DESC LIMIT :limit")
                .param("channel", channel.name()).param("limit", limit).query((rs, n) -> message(rs)).list();
    }

    /**
     * What a template's text would say to an account's debtor now: filled from the account's facts (a read, audited
     * with purpose TEMPLATE_PREVIEW), with the values a send adds given as samples, and the opt-out line. A
     * placeholder without a value is an {@link IllegalArgumentException} that names it.
     */
    public String preview(UUID account, Channel channel, String locale, String body, Map<String, String> samples) {
        MessageFacts.Facts f = facts.of(account, "TEMPLATE_PREVIEW").orElseThrow(() -> new NotFoundException(
                "open account", account));
        Map<String, String> values = values(f, providers.find(channel).orElse(new Providers.Provider(channel,
                Map.of(), null)));
        samples.forEach(values::putIfAbsent);
        return withFooter(Templates.render(body, values), channel, locale);
    }

    /**
     * Sends a test message through the channel's provider to a staff member's own address or number (not a debtor:
     * no gate, no contact record); the provider's answer is returned.
     */
    public Delivery test(Channel channel, String to, String text) {
        ChannelAdapter adapter = Optional.ofNullable(adapters.get(channel)).orElseThrow(() -> new BadRequestException(
                "Candor cannot send " + channel + " messages yet; the channels it sends are " + adapters.keySet() + "."));
        Providers.Provider provider = providers.find(channel).orElseThrow(() -> new BadRequestException(
                "No " + channel + " provider is set: save its settings first."));
        try {
            return adapter.send(new OutboundMessage(Ids.newId(), channel, to, "Candor", text, "en", List.of()), provider);
        } catch (RuntimeException e) {
            return new Delivery.Failed(Failures.messageOf(e));
        }
    }

    /** The account's messages of one channel, newest first. */
    public List<Message> ofAccount(UUID account, Channel channel) {
        return jdbc.sql(SELECT + " WHERE account_id = :account AND channel = :channel ORDER BY created_at DESC LIMIT 200")
                .param("account", account).param("channel", channel.name()).query((rs, n) -> message(rs)).list();
    }

    public List<Message> ofAccount(UUID account) {
        return jdbc.sql(SELECT + " WHERE account_id = :account ORDER BY created_at DESC LIMIT 200")
                .param("account", account).query((rs, n) -> message(rs)).list();
    }

    private static final String SELECT = """
            SELECT id, account_id, channel, template_code, template_version, locale, status, detail, provider_id,
                   created_at, purpose
            FROM outbound_message""";

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("template_code"),
                (Integer) rs.getObject("template_version"), rs.getString("locale"), MessageStatus.valueOf(rs.getString("status")),
                rs.getString("detail"), rs.getString("provider_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                ContactGate.Purpose.valueOf(rs.getString("purpose")));
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

}
