package io.candor.compliance.gate;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.candor.compliance.Channel;
import io.candor.compliance.ComplianceEvaluator;
import io.candor.compliance.Contact;
import io.candor.compliance.Decision;
import io.candor.compliance.Hold;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.PolicyLayer;
import io.candor.compliance.Scenario;
import io.candor.compliance.ScenarioJson;
import io.candor.compliance.policy.PolicyLayers;
import io.candor.identity.Users;
import io.candor.platform.Actor;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.ContactPointRef;
import io.candor.portfolio.ContactPointResolution;
import io.candor.portfolio.ContactPreferences;
import io.candor.portfolio.ContactTargets;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact gate: every outbound contact, by a person or the AI agent, on any channel, asks here first. The
 * scenario is built from the database (jurisdiction, zones, the debtor's contact history, holds, consents),
 * evaluated by the rule packs, and recorded with its trace. An ALLOW reserves the contact as a pending event
 * that counts against every cap until its outcome is recorded or it expires — so two dialers asking at the same
 * moment never both get the last slot (decisions about one debtor are serialised by a row lock).
 */
@Service
public class ContactGate {

    /** How long an ALLOW holds its slot without an outcome. */
    public static final Duration RESERVATION = Duration.ofMinutes(2);
    /** How far back and ahead a proposed contact may be asked about (what-if questions included). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration HORIZON = Duration.ofDays(366);
    /** History the rules may need (the longest window is 30 days). */
    private static final Duration LOOKBACK = Duration.ofDays(31);

    /**
     * A proposed contact to one of the account's contact points: inside Candor named by id; only the API passes a
     * spelling, which the gate resolves to one of the account's own contact points or refuses.
     */
    public record Request(UUID account, Channel channel, Party party, ContactPointRef contactPoint, @Nullable Instant at,
                          Purpose purpose) {

        public Request(UUID account, Channel channel, Party party, ContactPointRef contactPoint, @Nullable Instant at) {
            this(account, channel, party, contactPoint, at, Purpose.COLLECTION);
        }
    }

    /**
     * Why the contact is made. Every contact Candor starts is COLLECTION. An ANSWER replies to a message the debtor
     * sent in a conversation they started: a hold stops collection, not answering, so the holds that only pause
     * collection (a dispute, a complaint, hardship …) do not refuse it — the agent says nothing of payment under them.
     * A debtor who asked us to stop communicating, or who is represented, is not answered either; every other rule
     * (hours, caps, opt-outs, the contact point) applies as to any contact. A SERVICE message is about a case the
     * debtor opened (a complaint's acknowledgement, its final response): not a collection contact, so the same holds
     * do not refuse it and it does not use up the collection caps (it is recorded as its own class of contact), but
     * hours, opt-outs, the contact point and the silencing holds apply as to any contact.
     */
    public enum Purpose { COLLECTION, ANSWER, SERVICE }

    /** The holds that refuse even an answer to the debtor's own message. */
    static final Set<Hold> SILENCING = EnumSet.of(Hold.CEASE_COMMUNICATION, Hold.ATTORNEY_REPRESENTED);

    /** Why a contact point fails before any rule pack is asked: the contact would go nowhere Candor may send it. */
    public static final String UNKNOWN_POINT = "CONTACT-POINT-UNKNOWN";
    public static final String MISSING_POINT = "CONTACT-POINT-MISSING";
    public static final String WRONG_KIND = "CONTACT-POINT-CHANNEL";
    public static final String INVALID_POINT = "CONTACT-POINT-INVALID";
    public static final String OTHER_PARTY = "CONTACT-POINT-PARTY";

    /**
     * The refusal a contact point earns on its own, fail-closed: none named, none of the account's, the wrong kind for
     * the channel, marked invalid (a wrong number), or held by someone other than the party the contact is for.
     */
    static @Nullable String pointRefusal(ContactPointResolution point, Channel channel, Party party) {
        return switch (point) {
            case ContactPointResolution.Unresolved u -> switch (u.failure()) {
                case MISSING -> MISSING_POINT;
                case NOT_ON_ACCOUNT -> UNKNOWN_POINT;
            };
            case ContactPointResolution.Resolved r when r.kind() != channel.reaches() -> WRONG_KIND;
            case ContactPointResolution.Resolved r when !r.valid() -> INVALID_POINT;
            case ContactPointResolution.Resolved r when party == Party.DEBTOR && !r.heldByDebtor()
                    || party == Party.GUARANTOR && r.heldByDebtor() -> OTHER_PARTY;
            case ContactPointResolution.Resolved r -> null;
        };
    }

    /** What the gate said: the {@code contact_decision.decision} column's vocabulary. */
    public enum Verdict {
        ALLOW, DENY;

        static Verdict of(boolean allow) {
            return allow ? ALLOW : DENY;
        }
    }

    /**
     * The gate refused a contact someone asked for now (a conversation, a call): answered as a problem with the rules,
     * the decision and when the contact is allowed again.
     */
    public static class Refused extends ConflictException {
        private final List<String> rules;
        private final UUID decision;

        public Refused(String what, Answer a) {
            super("The contact gate refused this " + what + ": " + a.rules() + (a.nextAllowedAt() == null
                    ? "; it is not allowed until that changes." : "; contact is allowed again at " + a.nextAllowedAt()
                    + "."), refusal(a));
            this.rules = List.copyOf(a.rules());
            this.decision = a.decision();
        }

        /** The rules that refused it. */
        public List<String> rules() {
            return rules;
        }

        /** The gate's decision, as it was logged. */
        public UUID decision() {
            return decision;
        }

        private static Map<String, Object> refusal(Answer a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decision", a.decision().toString());
            m.put("rules", a.rules());
            if (a.nextAllowedAt() != null) {
                m.put("nextAllowedAt", a.nextAllowedAt().toString());
            }
            return m;
        }
    }

    /** The gate's answer; {@code reservation} is the contact event to report the outcome on. */
    public record Answer(UUID decision, Verdict verdict, List<String> rules, @Nullable Instant nextAllowedAt,
                         @Nullable UUID reservation, Map<String, Object> counters) {
    }

    private final JdbcClient jdbc;
    private final Holds accountHolds;
    private final ContactTargets targets;
    private final ComplianceEvaluator evaluator;
    private final Users users;
    private final PolicyLayers policies;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final Tenants tenants;

    ContactGate(JdbcClient jdbc, Holds accountHolds, ContactTargets targets, ComplianceEvaluator evaluator, Users users,
            PolicyLayers policies, Clock clock, ApplicationEventPublisher events,
            Tenants tenants) {
        this.tenants = tenants;
        this.events = events;
        this.policies = policies;
        this.accountHolds = accountHolds;
        this.jdbc = jdbc;
        this.targets = targets;
        this.evaluator = evaluator;
        this.users = users;
        this.clock = clock;
    }

    /** What the rules say of a proposed contact, before anything is recorded. */
    private record Evaluation(ContactTargets.ContactTarget target, Instant at, Instant now, boolean allow,
                              @Nullable Instant next, List<String> rules, Map<String, Object> counters,
                              Map<String, Object> trace) {
    }

    /**
     * What the gate would answer now, without recording a decision or reserving a slot: what a collector's screen
     * shows before the dial button is pressed. Pressing it asks {@link #decide} again.
     */
    @Transactional
    public Preview preview(Request r, Actor actor) {
        Evaluation e = evaluate(r, actor, Ids.newId(), false);
        return new Preview(Verdict.of(e.allow()), e.rules(), e.next(), e.counters());
    }

    /** A decision the gate would take, not taken. */
    public record Preview(Verdict verdict, List<String> rules, @Nullable Instant nextAllowedAt,
                          Map<String, Object> counters) {
    }

    private Evaluation evaluate(Request r, Actor actor, UUID decisionId, boolean lock) {
        Instant now = clock.instant();
        Instant at = r.at() == null ? now : r.at();
        if (at.isBefore(EARLIEST) || at.isAfter(now.plus(HORIZON))) {
            throw new BadRequestException("at " + r.at() + " is out of range: ask about a contact "
                    + "between " + EARLIEST + " and a year from now (or leave at out for now).");
        }
        ContactTargets.ContactTarget target = (lock ? targets.lock(r.account(), r.contactPoint())
                : targets.peek(r.account(), r.contactPoint()))
                .orElseThrow(() -> new NotFoundException("account", r.account()));
        List<Contact> history = jdbc.sql("""
                        SELECT channel, party, contact_point, at, outcome, reserved_until FROM contact_event
                        WHERE debtor_id = :debtor AND at > :since AND at <= :at AND purpose <> 'SERVICE'
                          AND (outcome IS NOT NULL OR reserved_until > :now)""")
                .param("debtor", target.debtorId()).param("since", utc(at.minus(LOOKBACK))).param("at", utc(at))
                .param("now", utc(now))
                .query((rs, n) -> historyEntry(rs.getString("channel"), rs.getString("party"),
                        rs.getString("contact_point"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("outcome")))
                .list();
        // holds run to their end date on the tenant's business date; a certificate through its date in the tenant's zone
        Tenants.Calendar calendar = tenants.calendar(TenantContext.require());
        Set<Hold> holds = EnumSet.noneOf(Hold.class);
        accountHolds.inForce(r.account(), calendar.businessDate()).forEach(h -> holds.add(h.hold()));
        Set<Hold> waived = EnumSet.noneOf(Hold.class);
        if (r.purpose() != Purpose.COLLECTION) {
            holds.stream().filter(h -> !SILENCING.contains(h)).forEach(waived::add);
            holds.removeAll(waived);
        }
        Scenario scenario = new Scenario(decisionId.toString(), target.jurisdiction(),
                target.timeZones().stream().map(ZoneId::of).toList(), at, r.channel(), r.party(), resolvedValue(target),
                history, holds, target.consents(), users.qualifications(actor.userId(), at.atZone(calendar.zone()).toLocalDate()));
        ZoneId local = scenario.localZone();
        LocalDate day = at.atZone(local).toLocalDate();
        List<PolicyLayer> layers = policies.inEffect(target.creditor(), day);
        String pointRefusal = pointRefusal(target.point(), r.channel(), r.party());
        Decision evaluated = pointRefusal != null ? new Decision.Deny(List.of(pointRefusal), null)
                : evaluator.evaluate(scenario, layers);
        // an opt-out of this channel on this contact point refuses it, whatever the packs say
        Decision optedOut = !target.optedOut().contains(r.channel().name()) ? evaluated : switch (evaluated) {
            case Decision.Allow a -> new Decision.Deny(List.of("OPT-OUT"), null);
            case Decision.Deny d -> new Decision.Deny(Stream.concat(d.rules().stream(),
                    Stream.of("OPT-OUT")).toList(), null);
        };
        Decision decision = withinPreferredHours(optedOut, target.hours(), r.channel(), at, local);
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("contactsConsidered", history.size());
        counters.put("effectiveCallsToday", history.stream().filter(Contact::effectiveCall)
                .filter(c -> c.at().atZone(local).toLocalDate().equals(day)).count());
        Map<String, Object> result = ScenarioJson.result(scenario, decision);
        Map<String, Object> trace = new LinkedHashMap<>(result);
        trace.put("jurisdiction", target.jurisdiction());
        trace.put("contactPoint", switch (target.point()) {
            case ContactPointResolution.Resolved p -> Map.of("id", p.id().toString(), "kind", p.kind().name(),
                    "holder", p.holderRole(), "asWritten", String.valueOf(r.contactPoint().asWritten()));
            case ContactPointResolution.Unresolved u -> Map.of("unresolved", u.failure().name(), "asWritten",
                    String.valueOf(r.contactPoint().asWritten()));
        });
        trace.put("timeZones", target.timeZones());
        trace.put("holds", holds.stream().map(Enum::name).toList());
        trace.put("purpose", r.purpose().name());
        if (!waived.isEmpty()) {
            trace.put(r.purpose() == Purpose.ANSWER ? "holdsNotStoppingAnAnswer" : "holdsNotStoppingAServiceMessage", waived.stream().map(Enum::name).toList());
        }
        trace.put("consents", target.consents());
        trace.put("policyLayers", layers.stream().map(l -> l.scope() == PolicyLayer.Scope.TENANT
                ? "TENANT v" + l.version() : "CREDITOR " + l.creditor() + " v" + l.version()).toList());
        trace.put("counters", counters);
        boolean allow = decision instanceof Decision.Allow;
        Instant next = decision instanceof Decision.Deny d ? d.nextAllowedAt() : null;
        @SuppressWarnings("unchecked")
        List<String> rules = (List<String>) Objects.requireNonNull(result.get("rules"));
        return new Evaluation(target, at, now, allow, next, rules, counters, trace);
    }

    /** Decides for {@code actor}, whose current certificates count where a pack requires one. */
    @Transactional
    public Answer decide(Request r, Actor actor) {
        UUID decisionId = Ids.newId();
        Evaluation e = evaluate(r, actor, decisionId, true);
        ContactTargets.ContactTarget target = e.target();
        Instant at = e.at();
        Instant now = e.now();
        boolean allow = e.allow();
        Instant next = e.next();
        List<String> rules = e.rules();
        Map<String, Object> counters = e.counters();
        Map<String, Object> trace = e.trace();
        jdbc.sql("""
                        INSERT INTO contact_decision (tenant_id, id, account_id, channel, party, contact_point, contact_point_id,
                                                      proposed_at, decision, rules, next_allowed_at, trace, decided_by,
                                                      decided_at)
                        VALUES (:tenant, :id, :account, :channel, :party, :cp, :cpId, :at, :decision, :rules, :next,
                                CAST(:trace AS jsonb), :by, :now)""")
                .param("tenant", TenantContext.require()).param("id", decisionId).param("account", r.account())
                .param("channel", r.channel().name()).param("party", r.party().name())
                .param("cp", target.point() instanceof ContactPointResolution.Resolved p ? p.value()
                        : r.contactPoint().asWritten())
                .param("cpId", resolvedId(target))
                .param("at", utc(at)).param("decision", Verdict.of(allow).name())
                .param("rules", rules.toArray(String[]::new)).param("next", next == null ? null : utc(next))
                .param("trace", ScenarioJson.write(trace)).param("by", actor.username()).param("now", utc(now)).update();
        UUID reservation = null;
        if (allow) {
            reservation = Ids.newId();
            jdbc.sql("""
                            INSERT INTO contact_event (tenant_id, id, account_id, debtor_id, decision_id, channel, party,
                                                       contact_point, contact_point_id, at, reserved_until, purpose)
                            VALUES (:tenant, :id, :account, :debtor, :decision, :channel, :party, :cp, :cpId, :at,
                                    :until, :purpose)""")
                    .param("tenant", TenantContext.require()).param("id", reservation).param("account", r.account())
                    .param("debtor", target.debtorId()).param("decision", decisionId).param("channel", r.channel().name())
                    .param("party", r.party().name()).param("cp", resolvedValue(target))
                    .param("cpId", resolvedId(target)).param("at", utc(at))
                    .param("until", utc(now.plus(RESERVATION))).param("purpose", r.purpose().name()).update();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("decision", decisionId.toString());
        facts.put("verdict", Verdict.of(allow).name());
        facts.put("channel", r.channel().name());
        facts.put("party", r.party().name());
        facts.put("proposedAt", at.toString());
        facts.put("purpose", r.purpose().name());
        facts.put("jurisdiction", target.jurisdiction());
        UUID point = resolvedId(target);
        if (point != null) {
            facts.put("contactPoint", point.toString());
        }
        if (!rules.isEmpty()) {
            facts.put("rules", String.join(",", rules));
        }
        if (next != null) {
            facts.put("nextAllowedAt", next.toString());
        }
        events.publishEvent(new EvidenceEvent(EvidenceType.CONTACT_DECISION, EvidenceEvent.Subject.account(r.account()),
                actor.username(), now, facts, List.of()));
        return new Answer(decisionId, Verdict.of(allow), rules, next, reservation, counters);
    }

    private static @Nullable String resolvedValue(ContactTargets.ContactTarget t) {
        return t.point() instanceof ContactPointResolution.Resolved p ? p.value() : null;
    }

    private static @Nullable UUID resolvedId(ContactTargets.ContactTarget t) {
        return t.point() instanceof ContactPointResolution.Resolved p ? p.id() : null;
    }

    /**
     * A row of {@code contact_event} as the rules see it. A pending reservation (no outcome yet) counts as the
     * contact it may become: a conversation or a delivery.
     */
    public static Contact historyEntry(String channel, String party, @Nullable String contactPoint, Instant at,
            @Nullable String outcome) {
        Channel c = Channel.valueOf(channel);
        Outcome o = outcome != null ? Outcome.valueOf(outcome) : c.isVoice() ? Outcome.RIGHT_PARTY_CONTACT
                : Outcome.DELIVERED;
        return new Contact(at, c, Party.valueOf(party), contactPoint, o);
    }

    /** Records what came of an allowed contact; an outcome is recorded once. */
    @Transactional
    public void recordOutcome(UUID event, Outcome outcome) {
        int n = jdbc.sql("""
                        UPDATE contact_event SET outcome = :outcome, recorded_at = :now, reserved_until = NULL
                        WHERE id = :id AND outcome IS NULL""")
                .param("outcome", outcome.name()).param("now", utc(clock.instant())).param("id", event).update();
        if (n == 0) {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact_event WHERE id = :id)").param("id", event)
                    .query(Boolean.class).single();
            if (!exists) {
                throw new NotFoundException("contact event", event);
            }
            throw new ConflictException("The outcome of contact " + event + " is already recorded.");
        }
        UUID account = jdbc.sql("SELECT account_id FROM contact_event WHERE id = :id").param("id", event)
                .query(UUID.class).single();
        events.publishEvent(EvidenceEvent.of(EvidenceType.CONTACT_OUTCOME, EvidenceEvent.Subject.account(account), clock.instant(),
                Map.of("contactEvent", event.toString(), "outcome", outcome.name())));
    }

    /**
     * The debtor asked to be reached only in certain hours (their own time): a call, text or visit outside them is
     * refused until the hours next begin. Letters and e-mails wait in an inbox, so they are not held to it.
     */
    static Decision withinPreferredHours(Decision d, ContactPreferences.@Nullable Hours hours,
            Channel channel, Instant at, ZoneId local) {
        if (hours == null || List.of(Channel.LETTER, Channel.EMAIL).contains(channel)) {
            return d;
        }
        ZonedDateTime t = at.atZone(local);
        if (hours.contains(t.toLocalTime())) {
            return d;
        }
        ZonedDateTime next = t.toLocalTime().isBefore(hours.from()) ? t.with(hours.from())
                : t.plusDays(1).with(hours.from());
        List<String> rules = new ArrayList<>(d instanceof Decision.Deny deny ? deny.rules() : List.of());
        rules.add("DEBTOR-PREFERRED-HOURS");
        // a refusal with no next time (an opt-out, a hold) stays open-ended
        Instant nextAllowed = !(d instanceof Decision.Deny deny) ? next.toInstant()
                : deny.nextAllowedAt() == null ? null
                : deny.nextAllowedAt().isAfter(next.toInstant()) ? deny.nextAllowedAt() : next.toInstant();
        return new Decision.Deny(List.copyOf(rules), nextAllowed);
    }
}
