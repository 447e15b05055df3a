package io.candor.agent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.agent.nlu.Nlu;
import io.candor.arrangement.Arrangement;
import io.candor.arrangement.Arrangements;
import io.candor.arrangement.Kind;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Proposal;
import io.candor.compliance.Channel;
import io.candor.compliance.ContentLinter;
import io.candor.compliance.Hold;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.compliance.gate.Holds;
import io.candor.platform.Actor;
import io.candor.platform.Timestamps;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.ContactPointKind;
import io.candor.portfolio.ContactPointRef;
import io.candor.portfolio.ContactPreferences;
import io.candor.portfolio.MessageFacts;
import io.candor.strategy.planning.AccountSignals;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's conversations: each debtor turn is read (intent, emotion), answered by {@link Dialogue}, its actions
 * carried out through the modules that own them (signals, holds, consents, the contact gate), its reply checked for
 * banned words, and the turn — what was heard and said — stored and evidence-logged.
 */
@Service
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);
    private static final ContentLinter LINTER = ContentLinter.shipped();

    /** A conversation with its turns. */
    public record View(UUID id, UUID account, ConversationChannel channel, String locale, ConversationState state,
                       @Nullable Instant callbackAt, List<Turn> turns) {
    }

    /** One turn: what the debtor said (none for the greeting), what the agent read, answered and did. */
    public record Turn(int seq, @Nullable String debtor, @Nullable String intent, @Nullable String emotion,
                       String reply, List<String> actions, Instant at) {
    }

    private final JdbcClient jdbc;
    private final MessageFacts facts;
    private final AccountSignals signals;
    private final Holds holds;
    private final Arrangements arrangements;
    private final ContactPreferences preferences;
    private final ContactGate gate;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final io.candor.complaint.Complaints complaints;

    Conversations(JdbcClient jdbc, MessageFacts facts, AccountSignals signals, Holds holds, Arrangements arrangements,
            ContactPreferences preferences, ContactGate gate, Tenants tenants, ApplicationEventPublisher events,
            Clock clock, io.candor.complaint.Complaints complaints) {
        this.complaints = complaints;
        this.jdbc = jdbc;
        this.facts = facts;
        this.signals = signals;
        this.holds = holds;
        this.arrangements = arrangements;
        this.preferences = preferences;
        this.gate = gate;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Who started the conversation. Candor starts OUTBOUND ones (an AI call, a first text): they are contacts and pass
     * the contact gate. The debtor starts INBOUND ones (a text, a portal chat, a call in): the agent answers, and under
     * a hold that stops collection it neither presses for payment nor takes promises.
     */
    public enum Direction { OUTBOUND, INBOUND }

    /** The gate refused the contact a conversation would be: the rules and when contact is allowed again. */
    public static final class Refused extends ContactGate.Refused {
        Refused(ContactGate.Answer a) {
            super("conversation", a);
        }
    }

    @Transactional(noRollbackFor = Refused.class)
    public View start(UUID account, ConversationChannel channel, Direction direction, Actor by) {
        return start(account, channel, direction, by, false);
    }

    /**
     * Starts a conversation with a debtor already verified elsewhere (signed in to the portal with their ID digits
     * and date of birth): the agent opens with the debt instead of asking again.
     */
    @Transactional
    public View startVerified(UUID account, ConversationChannel channel, Actor by) {
        return start(account, channel, Direction.INBOUND, by, true);
    }

    private View start(UUID account, ConversationChannel channel, Direction direction, Actor by, boolean verified) {
        if (channel == ConversationChannel.CHAT && direction == Direction.OUTBOUND) {
            throw new BadRequestException("A chat is opened by the debtor (the portal, an app): start it with direction "
                    + "INBOUND; Candor itself starts conversations by VOICE or SMS.");
        }
        MessageFacts.Facts f = facts.of(account, "AGENT_CONVERSATION").orElseThrow(() -> new NotFoundException(
                "open account", account));
        UUID contact = direction == Direction.OUTBOUND ? contact(account, channel, f, by) : null;
        Dialogue.Debtor d = debtor(f, channel, tenants.businessDate(TenantContext.require()));
        UUID id = insert(account, channel, d, verified ? ConversationState.VERIFIED : ConversationState.VERIFYING,
                direction, contact, Input.WORDS, by);
        record(id, account, 0, null, null, verified ? Dialogue.disclosure(d) : Dialogue.greeting(d), List.of(), f);
        return view(id);
    }

    /**
     * The contact an outbound conversation is: the gate decides for the debtor's phone now; a refusal is recorded by
     * the gate and answered as {@link Refused}, so nothing is said. Allowed, the reservation is the contact event whose
     * outcome the conversation records once it knows who answered.
     */
    private UUID contact(UUID account, ConversationChannel channel, MessageFacts.Facts f, Actor by) {
        MessageFacts.Point phone = f.point(ContactPointKind.PHONE).orElseThrow(() -> new ConflictException(
                "The debtor has no valid phone to " + (channel == ConversationChannel.VOICE ? "call." : "text.")));
        ContactGate.Answer answer = gate.decide(new ContactGate.Request(account, channel.contactChannel(), Party.DEBTOR, ContactPointRef.of(phone.id()), null),
                by);
        if (answer.reservation() == null) {
            throw new Refused(answer);
        }
        return answer.reservation();
    }

    /**
     * How the debtor answers on a call: by {@code KEYS} where no recogniser hears their language (the keypad dialogue),
     * or in {@code WORDS} where one does (the spoken dialogue, keys heard too while they prove who they are).
     */
    public enum Input { WORDS, KEYS }

    /**
     * An AI call's conversation: the call is the contact, decided by the gate when it dialled ({@code contact} its
     * reservation); the agent greets the person who pressed through the call's opening by name and asks who they are
     * — by keypad, or in words when the call hears speech.
     */
    @Transactional
    public View startCall(UUID account, UUID contact, Input input, Actor by) {
        MessageFacts.Facts f = facts.of(account, "AGENT_CONVERSATION").orElseThrow(() -> new NotFoundException(
                "open account", account));
        Dialogue.Debtor d = debtor(f, ConversationChannel.VOICE, tenants.businessDate(TenantContext.require()));
        UUID id = insert(account, ConversationChannel.VOICE, d, ConversationState.VERIFYING, Direction.OUTBOUND, contact,
                input, by);
        record(id, account, 0, null, null, input == Input.KEYS ? Keypad.greeting(d) : Dialogue.greeting(d), List.of(),
                f);
        return view(id);
    }

    /** Stores a new conversation: in words, or by keys (a call); {@code contact} the gate's reservation if outbound. */
    private UUID insert(UUID account, ConversationChannel channel, Dialogue.Debtor d, ConversationState state,
            Direction direction, @Nullable UUID contact, Input input, Actor by) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO agent_conversation (tenant_id, id, account_id, channel, locale, state, started_by,
                                                        started_at, updated_at, direction, contact_event_id, input)
                        VALUES (:t, :id, :account, :channel, :locale, :state, :by, :now, :now, :direction, :contact,
                                :input)""")
                .param("t", TenantContext.require()).param("id", id).param("account", account)
                .param("channel", channel.name()).param("locale", d.locale()).param("state", state.name())
                .param("by", by.username()).param("now", Timestamps.utc(clock.instant()))
                .param("direction", direction.name()).param("contact", contact).param("input", input.name())
                .update();
        return id;
    }

    /** What a keypad conversation waits for next: one key (a menu choice) or digits ended by the hash key. */
    public enum Awaiting { CHOICE, ENTRY }

    /** What the conversation waits for now. */
    public Awaiting awaiting(UUID id) {
        return Keypad.awaiting(load(id).state());
    }

    /**
     * One keyed entry on a call: the digits (and star) without the closing hash, empty for a lone hash, null when
     * nothing was keyed after the prompt and its repeat (the agent then ends politely). Digits keyed to prove who the
     * debtor is are kept only as {@code x}. On a call in words, keys are read as the words they stand for.
     */
    @Transactional
    public View keyed(UUID id, @Nullable String keys, Actor by) {
        if (keys != null && !keys.matches("[0-9*]{0,24}")) {
            throw new BadRequestException("A keyed entry is up to 24 of the keys 0-9 and *, without the closing #.");
        }
        Row row = load(id);
        if (!row.keys() && row.channel() != ConversationChannel.VOICE) {
            throw new ConflictException("Conversation " + id + " is in words: send its turns as text or speech.");
        }
        MessageFacts.Facts f = facts.of(row.account(), "AGENT_CONVERSATION").orElseThrow(() -> new NotFoundException(
                "open account", row.account()));
        LocalDate today = tenants.businessDate(TenantContext.require());
        Dialogue.Debtor d = debtor(f, row.channel(), today);
        String kept = keys == null ? "keys: none" : "keys: " + Keypad.kept(row.state(), keys) + "#";
        if (keys == null) {
            return apply(id, row, f, d, today, Keypad.silent(row.state(), d), kept, null, by);
        }
        if (row.keys()) {
            return apply(id, row, f, d, today, Keypad.turn(row.state(), d, keys, today), kept, null, by);
        }
        String words = Keypad.asWords(row.state(), keys);
        Nlu.Reading reading = Nlu.shipped().read(words);
        return apply(id, row, f, d, today, Dialogue.turn(row.state(), d, reading, words, today), kept, reading, by);
    }

    /** What a debtor said to prove who they are, as it may be kept: without its digits (each an {@code x}). */
    public static String withoutIdentity(String said) {
        return Extract.withoutIdentity(said);
    }

    /** The call a conversation was on ended (the debtor hung up): a conversation still going ends with it. */
    @Transactional
    public void callEnded(UUID id) {
        jdbc.sql("""
                        UPDATE agent_conversation SET state = 'ENDED', pending = NULL, updated_at = :now
                        WHERE id = :id AND state IN ('VERIFYING', 'VERIFIED')""")
                .param("now", Timestamps.utc(clock.instant())).param("id", id).update();
    }

    @Transactional
    public View turn(UUID id, String text, Actor by) {
        if (text.isBlank() || text.length() > 2000) {
            throw new BadRequestException("A turn is 1 to 2000 characters of what the debtor said.");
        }
        Row row = load(id);
        MessageFacts.Facts f = facts.of(row.account(), "AGENT_CONVERSATION").orElseThrow(() -> new NotFoundException(
                "open account", row.account()));
        LocalDate today = tenants.businessDate(TenantContext.require());
        Dialogue.Debtor d = debtor(f, row.channel(), today);
        Nlu.Reading reading = Nlu.shipped().read(text);
        Dialogue.Step step = Dialogue.turn(row.state(), d, reading, text, today);
        // what the debtor said to prove who they are is kept without its digits (keyed entries are kept by their own
        // rule: a 9 or 0 there is a choice)
        String kept = row.state().phase() == ConversationState.VERIFYING ? Extract.withoutIdentity(text) : text;
        return apply(id, row, f, d, today, step, kept, reading, by);
    }

    /** A conversation as a turn finds it, locked for the turn. */
    private record Row(UUID account, ConversationChannel channel, Dialogue.State state, int turns, @Nullable UUID contact,
                       boolean keys) {
    }

    private Row load(UUID id) {
        return jdbc.sql("""
                        SELECT c.account_id, c.channel, c.state, c.failed_checks, c.refusals, c.pending,
                               (SELECT count(*) FROM agent_turn t WHERE t.tenant_id = c.tenant_id
                                AND t.conversation_id = c.id) AS turns, c.contact_event_id, c.input
                        FROM agent_conversation c WHERE c.id = :id FOR UPDATE""")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), ConversationChannel.valueOf(rs.getString(2)),
                        new Dialogue.State(ConversationState.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5),
                                rs.getString(6)), rs.getInt(7), rs.getObject(8, UUID.class), rs.getString(9).equals("KEYS")))
                .optional().orElseThrow(() -> new NotFoundException("conversation", id));
    }

    /** Carries out what the turn decided, moves the conversation on, and stores and evidence-logs the turn. */
    private View apply(UUID id, Row row, MessageFacts.Facts f, Dialogue.Debtor d, LocalDate today, Dialogue.Step step,
            String heard, Nlu.@Nullable Reading reading, Actor by) {
        List<String> done = new ArrayList<>();
        Instant callback = null;
        for (Dialogue.Action a : step.actions()) {
            done.add(a.getClass().getSimpleName());
            Instant at = carryOut(a, row.account(), row.channel(), f, today, by, "agent:" + id + ":" + row.turns());
            callback = at != null ? at : callback;
        }
        String reply = clean(step.reply(), d, row.channel(), f.country());
        jdbc.sql("""
                        UPDATE agent_conversation SET state = :state, failed_checks = :failed, refusals = :refusals,
                               pending = :pending, callback_at = coalesce(:callback, callback_at), updated_at = :now
                        WHERE id = :id""")
                .param("state", step.next().phase().name()).param("failed", step.next().failedChecks())
                .param("refusals", step.next().refusals()).param("pending", step.next().pending())
                .param("callback", callback == null ? null : Timestamps.utc(callback))
                .param("now", Timestamps.utc(clock.instant())).param("id", id).update();
        record(id, row.account(), row.turns(), heard, reading, reply, done, f);
        if (row.contact() != null && row.state().phase() == ConversationState.VERIFYING
                && step.next().phase() != ConversationState.VERIFYING) {
            reached(row.contact(), step);
        }
        return view(id);
    }

    /** Does what a turn decided; returns the time of a callback when one was scheduled. */
    private @Nullable Instant carryOut(Dialogue.Action a, UUID account, ConversationChannel channel, MessageFacts.Facts f,
            LocalDate today, Actor by, String key) {
        String source = "agent";
        switch (a) {
            case Dialogue.Action.RecordPromise p -> arrange(account, Proposal.promise(p.amount(), p.by()), key);
            case Dialogue.Action.RequestPlan p -> arrange(account, Proposal.plan(p.months(), today.plusMonths(1)), key);
            case Dialogue.Action.HardshipPause h -> holds.set(account, Hold.HARDSHIP_PAUSE,
                    "The debtor told the agent of hardship; collection paused for 30 days", today.plusDays(30), source);
            case Dialogue.Action.Dispute x -> holds.set(account, Hold.DISPUTE, "Disputed in conversation with the agent",
                    null, source);
            case Dialogue.Action.PaidClaim x -> {
                signals.raise(account, AccountSignals.Signal.ESCALATED, source);
                evidence(account, EvidenceType.PAID_CLAIM, Map.of("channel", channel.name()));
            }
            case Dialogue.Action.WrongParty x -> f.point(ContactPointKind.PHONE).ifPresent(p -> {
                for (Channel c : List.of(Channel.SMS, Channel.VOICE_AI, Channel.VOICE_HUMAN)) {
                    preferences.optOut(p.id(), c.name(), true);
                }
                evidence(account, EvidenceType.WRONG_PARTY, Map.of("contactPoint", p.id().toString()));
            });
            case Dialogue.Action.Callback c -> {
                return callback(account, f, c.on(), by);
            }
            case Dialogue.Action.Complaint x -> complaints.receive(io.candor.complaint.NewComplaint.from(account,
                    io.candor.complaint.Intake.AI_AGENT, "Complaint made in conversation with the AI agent ("
                            + channel.name().toLowerCase(java.util.Locale.ROOT) + ")",
                    io.candor.complaint.AboutKind.UNKNOWN, null), source);
            case Dialogue.Action.FlagVulnerable x -> {
                signals.raise(account, AccountSignals.Signal.VULNERABLE, source);
                signals.raise(account, AccountSignals.Signal.NEGATIVE_EMOTION, source);
            }
            case Dialogue.Action.Handover h -> {
                signals.raise(account, AccountSignals.Signal.ESCALATED, source);
                evidence(account, EvidenceType.AGENT_HANDOVER, Map.of("reason", h.reason()));
            }
        }
        return null;
    }

    /**
     * Records what the debtor agreed as an arrangement offered by the agent: in force when within the agent's
     * authority, else waiting for a person's approval; terms the creditor's policy refuses are logged for a person.
     */
    private void arrange(UUID account, Proposal proposal, String key) {
        try {
            Arrangement a = arrangements.propose(account, proposal, Offerer.AGENT, "ai-agent", key);
            evidence(account, proposal.kind() == Kind.PROMISE ? EvidenceType.PROMISE_RECORDED : EvidenceType.PLAN_REQUESTED,
                    Map.of("arrangement", a.id().toString(), "status", a.status().name(), "total", a.total().toString()));
        } catch (InvalidInputException | ConflictException e) {
            evidence(account, EvidenceType.ARRANGEMENT_NOT_MADE, Map.of("kind", proposal.kind().name(), "why",
                    String.valueOf(e instanceof InvalidInputException i ? i.problems() : e.getMessage())));
        }
    }

    /** A callback the gate allows: 10:00 the debtor's time on the day asked, or the gate's next allowed time. */
    private @Nullable Instant callback(UUID account, MessageFacts.Facts f, LocalDate on, Actor by) {
        MessageFacts.Point phone = f.point(ContactPointKind.PHONE).orElse(null);
        if (phone == null) {
            return null;
        }
        ZoneId zone = phone.timeZones().isEmpty() ? tenants.find(TenantContext.require()).map(t -> t.timeZone())
                .orElse(ZoneOffset.UTC) : ZoneId.of(phone.timeZones().getFirst());
        Instant at = on.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
        ContactGate.Answer answer = gate.decide(new ContactGate.Request(account, Channel.VOICE_AI, Party.DEBTOR,
                ContactPointRef.of(phone.id()), at), by);
        return answer.reservation() != null ? at : answer.nextAllowedAt();
    }

    /** The agent never says a banned word: a reply that would is replaced by the neutral one and logged. */
    private static String clean(String reply, Dialogue.Debtor d, ConversationChannel channel, String country) {
        List<ContentLinter.Finding> banned = LINTER.lint(new ContentLinter.Template(country, channel == ConversationChannel.VOICE
                ? Channel.VOICE_AI : Channel.SMS, d.locale(), reply, null)).stream()
                .filter(x -> x.rule().startsWith("BANNED")).toList();
        if (banned.isEmpty()) {
            return reply;
        }
        log.error("An agent reply hit the linter ({}); the neutral answer was given instead", banned);
        return Phrases.say(d.locale(), "other", Map.of());
    }

    private void record(UUID id, UUID account, int seq, @Nullable String heard, Nlu.@Nullable Reading reading,
            String reply, List<String> actions, MessageFacts.Facts f) {
        jdbc.sql("""
                        INSERT INTO agent_turn (tenant_id, conversation_id, seq, debtor_text, intent, emotion, reply,
                                                actions, at)
                        VALUES (:t, :id, :seq, :heard, :intent, :emotion, :reply, :actions, :now)""")
                .param("t", TenantContext.require()).param("id", id).param("seq", seq).param("heard", heard)
                .param("intent", reading == null ? null : reading.intent().name())
                .param("emotion", reading == null ? null : reading.emotion().name()).param("reply", reply)
                .param("actions", actions.toArray(String[]::new)).param("now", Timestamps.utc(clock.instant()))
                .update();
        List<byte[]> contents = new ArrayList<>();
        if (heard != null) {
            contents.add(heard.getBytes(StandardCharsets.UTF_8));
        }
        contents.add(reply.getBytes(StandardCharsets.UTF_8));
        events.publishEvent(new EvidenceEvent(EvidenceType.AGENT_TURN, EvidenceEvent.Subject.account(account), "ai-agent",
                clock.instant(), Map.of("conversation", id.toString(), "seq", Integer.toString(seq), "intent",
                        reading == null ? "-" : reading.intent().name(), "emotion",
                        reading == null ? "-" : reading.emotion().name(), "actions",
                        actions.isEmpty() ? "-" : String.join(" ", actions)),
                contents));
    }

    private void evidence(UUID account, EvidenceType type, Map<String, String> facts) {
        events.publishEvent(new EvidenceEvent(type, EvidenceEvent.Subject.account(account), "ai-agent",
                clock.instant(), facts, List.of()));
    }

    /** Conversations in a state (HANDED_OVER: the people's queue of warm transfers), newest first, with transcripts. */
    public List<View> inState(ConversationState state) {
        return jdbc.sql("SELECT id FROM agent_conversation WHERE state = :state ORDER BY updated_at DESC LIMIT 100")
                .param("state", state.name()).query(UUID.class).list().stream().map(this::view).toList();
    }

    /** The account's conversation on a channel still going (spoken in the last day), if any. */
    public Optional<UUID> open(UUID account, ConversationChannel channel) {
        return jdbc.sql("""
                        SELECT id FROM agent_conversation WHERE account_id = :a AND channel = :channel
                          AND state IN ('VERIFYING', 'VERIFIED') AND updated_at > :since
                        ORDER BY updated_at DESC LIMIT 1""")
                .param("a", account).param("channel", channel.name())
                .param("since", Timestamps.utc(clock.instant().minus(Duration.ofDays(1))))
                .query(UUID.class).optional();
    }

    public View view(UUID id) {
        List<Turn> turns = jdbc.sql("""
                        SELECT seq, debtor_text, intent, emotion, reply, actions, at FROM agent_turn
                        WHERE conversation_id = :id ORDER BY seq""")
                .param("id", id)
                .query((rs, n) -> new Turn(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), List.of((String[]) rs.getArray(6).getArray()),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
        return jdbc.sql("SELECT account_id, channel, locale, state, callback_at FROM agent_conversation WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    OffsetDateTime cb = rs.getObject(5, OffsetDateTime.class);
                    return new View(id, rs.getObject(1, UUID.class), ConversationChannel.valueOf(rs.getString(2)),
                            rs.getString(3), ConversationState.valueOf(rs.getString(4)),
                            cb == null ? null : cb.toInstant(), turns);
                })
                .optional().orElseThrow(() -> new NotFoundException("conversation", id));
    }

    /**
     * Who answered an outbound conversation, once the agent knows: the debtor (verified), a wrong number, or someone
     * who did not prove they were the debtor (not verified, or asked for a person first) — recorded on the contact
     * event the gate reserved, so it counts against every cap.
     */
    private void reached(UUID contact, Dialogue.Step step) {
        Outcome outcome = step.actions().stream().anyMatch(a -> a instanceof Dialogue.Action.WrongParty)
                ? Outcome.WRONG_PARTY : step.next().phase() == ConversationState.VERIFIED
                ? Outcome.RIGHT_PARTY_CONTACT : Outcome.THIRD_PARTY_CONTACT;
        try {
            gate.recordOutcome(contact, outcome);
        } catch (ConflictException already) {
            log.debug("The outcome of contact {} was recorded already", contact);
        }
    }

    /** The debtor as the dialogue sees them, with the hold in force that stops collection, if any. */
    private Dialogue.Debtor debtor(MessageFacts.Facts f, ConversationChannel channel, LocalDate today) {
        Hold held = holds.inForce(f.account(), today).stream().map(Holds.AccountHold::hold).min(Comparator
                .naturalOrder()).orElse(null);
        return new Dialogue.Debtor(f.debtorName(), f.creditor(), f.balance(), f.birthDate(), f.idLast4(),
                Phrases.locale(f.language()), held, channel == ConversationChannel.VOICE);
    }
}
