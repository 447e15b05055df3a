package io.candor.complaint;

import static io.candor.platform.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Hold;
import io.candor.compliance.gate.Holds;
import io.candor.deadline.Complexity;
import io.candor.deadline.DeadlineEngine;
import io.candor.deadline.Deadlines;
import io.candor.identity.Role;
import io.candor.identity.Users;
import io.candor.platform.Actor;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.FieldProblem;
import io.candor.platform.web.ForbiddenException;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint cases: received from any intake (a referral once per referrer's reference; the same grievance again on
 * the account linked to the first case and closed, not counted twice), the account held while a case is open, the
 * deadlines of the debtor's jurisdiction computed at receipt, a handler with no stake in it, the final response
 * drafted by the handler and approved by someone else. Every step audited, evidence-logged and kept.
 */
@Service
public class Complaints {

    /** Who may handle and approve: people with no part in collecting the account. */
    private static final Set<Role> INDEPENDENT = EnumSet.of(Role.SUPERVISOR, Role.COMPLIANCE_OFFICER);

    private final JdbcClient jdbc;
    private final Holds holds;
    private final AccountReadModel accounts;
    private final Users users;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DeadlineEngine deadlines = DeadlineEngine.shipped();

    Complaints(JdbcClient jdbc, Holds holds, AccountReadModel accounts, Users users, Tenants tenants, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.accounts = accounts;
        this.users = users;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Receives a complaint; every field to fix is listed at once. Returns the case's id (an existing case's, for a
     * referral sent again).
     */
    @Transactional
    public UUID receive(NewComplaint c, String by) {
        return received(c, by).id();
    }

    @Transactional
    ComplaintCase received(NewComplaint c, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        String summary = c.summary() == null ? "" : c.summary().strip();
        if (summary.isEmpty() || summary.length() > 4000) {
            problems.add(new FieldProblem("summary", "say what the complaint is, in 1 to 4,000 characters"));
        }
        AboutKind aboutKind = c.aboutKind() == null ? AboutKind.UNKNOWN : c.aboutKind();
        if ((aboutKind == AboutKind.COLLECTOR || aboutKind == AboutKind.AGENCY)
                && (c.about() == null || c.about().isBlank())) {
            problems.add(new FieldProblem("about", "name the " + aboutKind.name().toLowerCase(java.util.Locale.ROOT)
                    + " the complaint is about (a username or an agency's code)"));
        }
        boolean referral = c.intake() == Intake.REFERRAL;
        if (referral && (blank(c.referredFrom()) || blank(c.externalRef()))) {
            problems.add(new FieldProblem("referredFrom", "a referral names who referred it (e.g. CN-12378, GB-FOS, "
                    + "US-CFPB) and their reference for it (externalRef)"));
        }
        if (c.receivedAt() != null && c.receivedAt().isAfter(clock.instant())) {
            problems.add(new FieldProblem("receivedAt", "a complaint cannot be received in the future"));
        }
        Optional<AccountFacts> account = accounts.find(c.account());
        if (account.isEmpty()) {
            problems.add(new FieldProblem("account", "no account " + c.account() + " in this tenant"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The complaint cannot be received as it is: " + problems.size()
                    + " field(s) to fix.", problems);
        }
        if (referral) {
            Optional<ComplaintCase> again = jdbc.sql("""
                            SELECT * FROM complaint_case WHERE referred_from = :from AND external_ref = :ref""")
                    .param("from", c.referredFrom()).param("ref", c.externalRef()).query(Complaints::row).optional();
            if (again.isPresent()) {
                return again.get(); // the same referral sent twice is one case
            }
        }
        AccountFacts a = account.orElseThrow();
        Instant received = c.receivedAt() == null ? clock.instant() : c.receivedAt();
        LocalDate day = received.atZone(tenants.find(TenantContext.require()).orElseThrow().timeZone()).toLocalDate();
        Deadlines due = deadlines.complaintAnywhere(a.country(), day, Complexity.STANDARD);
        UUID first = open(c.account()).stream().filter(k -> k.duplicateOf() == null
                && SameGrievance.same(k.summary(), summary)).map(ComplaintCase::id).findFirst().orElse(null);
        UUID id = Ids.newId();
        ComplaintState state = first == null ? ComplaintState.RECEIVED : ComplaintState.CLOSED;
        jdbc.sql("""
                        INSERT INTO complaint_case (tenant_id, id, account_id, received_at, intake, referred_from,
                               external_ref, jurisdiction, complexity, summary, about_kind, about, state, duplicate_of,
                               due_summary, due_response, due_final, deadline_rules, created_by, updated_at)
                        VALUES (:t, :id, :account, :received, :intake, :from, :ref, :jurisdiction, 'STANDARD', :summary,
                                :aboutKind, :about, :state, :first, :dueSummary, :dueResponse, :dueFinal, :rules, :by,
                                :now)""")
                .param("t", TenantContext.require()).param("id", id).param("account", c.account())
                .param("received", utc(received)).param("intake", c.intake().name())
                .param("from", c.referredFrom()).param("ref", c.externalRef()).param("jurisdiction", a.country())
                .param("summary", summary).param("aboutKind", aboutKind.name()).param("about", about(c))
                .param("state", state.name()).param("first", first).param("dueSummary", due.summaryResolutionBy())
                .param("dueResponse", due.responseBy()).param("dueFinal", due.finalResponseBy())
                .param("rules", due.rules().toArray(String[]::new)).param("by", by).param("now", utc(clock.instant()))
                .update();
        if (first == null) {
            hold(id, c.account(), summary, by);
            step(id, by, "RECEIVED", null, ComplaintState.RECEIVED, c.intake().name());
        } else {
            step(id, by, "LINKED", null, ComplaintState.CLOSED, "the same grievance as case " + first
                    + ": linked to it, not counted twice");
        }
        evidence(id, c.account(), by, first == null ? "RECEIVED" : "LINKED", summary);
        return get(id);
    }

    /** Gives the case to a handler: a supervisor or compliance officer who is not the one it is about. */
    @Transactional
    ComplaintCase assign(UUID id, String handler, Actor by) {
        ComplaintCase k = get(id);
        var user = users.findByUsername(handler).orElseThrow(() -> new InvalidInputException("No user " + handler
                + ".", List.of(new FieldProblem("handler", "no user " + handler + " in this tenant"))));
        if (user.roles().stream().noneMatch(INDEPENDENT::contains)) {
            throw new InvalidInputException(handler + " cannot handle complaints.", List.of(new FieldProblem("handler",
                    "a complaint is handled by a supervisor or compliance officer, not by " + user.roles())));
        }
        refuseIfAbout(k, handler, "handle");
        jdbc.sql("UPDATE complaint_case SET handler = :h, updated_at = :now WHERE id = :id").param("h", handler)
                .param("now", utc(clock.instant())).param("id", id).update();
        step(id, by.username(), "ASSIGNED", k.state(), k.state(), "handler " + handler);
        evidence(id, k.account(), by.username(), "ASSIGNED", handler);
        return get(id);
    }

    /** Moves the case on: its handler (or a compliance officer), to a state its lifecycle allows. */
    @Transactional
    ComplaintCase move(UUID id, ComplaintState to, @Nullable String note, Actor by) {
        ComplaintCase k = get(id);
        mayAct(k, by);
        if (to == ComplaintState.RESPONDED) {
            throw new ConflictException("A case is RESPONDED when its final response is approved: draft it "
                    + "(POST …/response) and have a second person approve it (POST …/response/approve).");
        }
        if (!k.state().next().contains(to)) {
            throw new ConflictException("Case " + id + " is " + k.state() + "; from there it goes to "
                    + k.state().next() + ", not " + to + ".");
        }
        if (to == ComplaintState.CLOSED && k.state() == ComplaintState.REFERRED && blank(note)) {
            throw new InvalidInputException("Say how the ombudsman decided.",
                    List.of(new FieldProblem("note", "closing a referred case records the ombudsman's decision")));
        }
        update(id, to);
        if (to == ComplaintState.CLOSED) {
            liftHold(id, by.username());
        } else if (to == ComplaintState.REOPENED) {
            hold(id, k.account(), k.summary(), by.username()); // collection stops again while it is looked at again
        }
        step(id, by.username(), to.name(), k.state(), to, note == null ? "" : note.strip());
        evidence(id, k.account(), by.username(), to.name(), note == null ? "" : note);
        return get(id);
    }

    /** The handler writes the final response; it goes out once a second person approves it. */
    @Transactional
    ComplaintCase draftResponse(UUID id, String text, Actor by) {
        ComplaintCase k = get(id);
        mayAct(k, by);
        if (text == null || text.isBlank() || text.length() > 20_000) {
            throw new InvalidInputException("Write the final response.",
                    List.of(new FieldProblem("text", "the final response, in 1 to 20,000 characters")));
        }
        if (!EnumSet.of(ComplaintState.ACKNOWLEDGED, ComplaintState.INVESTIGATING, ComplaintState.REOPENED)
                .contains(k.state())) {
            throw new ConflictException("Case " + id + " is " + k.state() + ": a final response is drafted while it "
                    + "is investigated.");
        }
        jdbc.sql("""
                        UPDATE complaint_case SET response_text = :text, responded_by = :by, approved_by = NULL,
                               updated_at = :now WHERE id = :id""")
                .param("text", text.strip()).param("by", by.username()).param("now", utc(clock.instant()))
                .param("id", id).update();
        step(id, by.username(), "RESPONSE_DRAFTED", k.state(), k.state(), "");
        return get(id);
    }

    /**
     * A second person approves the final response; it is then sent ({@link CaseMessages}), and the case is RESPONDED
     * when it went out.
     */
    @Transactional
    ComplaintCase approveResponse(UUID id, Actor by) {
        ComplaintCase k = get(id);
        if (k.responseText() == null || k.respondedBy() == null) {
            throw new ConflictException("Case " + id + " has no final response drafted to approve.");
        }
        if (by.username().equals(k.respondedBy())) {
            throw new ForbiddenException("A final response needs a second person: " + by.username()
                    + " drafted it and cannot approve it.");
        }
        refuseIfAbout(k, by.username(), "approve the response to");
        if (roles(by.username()).stream().noneMatch(INDEPENDENT::contains)) {
            throw new ForbiddenException("A final response is approved by a supervisor or compliance officer.");
        }
        if (!EnumSet.of(ComplaintState.ACKNOWLEDGED, ComplaintState.INVESTIGATING, ComplaintState.REOPENED)
                .contains(k.state())) {
            throw new ConflictException("Case " + id + " is " + k.state() + ": its final response was dealt with.");
        }
        jdbc.sql("UPDATE complaint_case SET approved_by = :by, updated_at = :now WHERE id = :id")
                .param("by", by.username()).param("now", utc(clock.instant())).param("id", id).update();
        step(id, by.username(), "RESPONSE_APPROVED", k.state(), k.state(), "drafted by " + k.respondedBy());
        evidence(id, k.account(), by.username(), "RESPONSE_APPROVED", k.responseText());
        return get(id);
    }

    /** The approved final response went out in message {@code message}: the case is RESPONDED. */
    @Transactional
    ComplaintCase responseSent(UUID id, UUID message, io.candor.compliance.Channel channel, String by) {
        ComplaintCase k = get(id);
        jdbc.sql("""
                        UPDATE complaint_case SET state = 'RESPONDED', response_message = :m, response_channel = :c,
                               response_sent_at = :now, updated_at = :now WHERE id = :id""")
                .param("m", message).param("c", channel.name()).param("now", utc(clock.instant())).param("id", id)
                .update();
        step(id, by, "RESPONDED", k.state(), ComplaintState.RESPONDED, "final response sent by " + channel
                + " (message " + message + ")");
        evidence(id, k.account(), by, "RESPONDED", Objects.requireNonNull(k.responseText()));
        return get(id);
    }

    /**
     * The case is complex (China allows 30 days) or especially complex (60, with senior approval: someone other than
     * the handler); the deadlines are computed again from the day of receipt.
     */
    @Transactional
    ComplaintCase complexity(UUID id, Complexity c, Actor by) {
        ComplaintCase k = get(id);
        if (c == Complexity.ESPECIALLY_COMPLEX) {
            if (by.username().equals(k.handler())) {
                throw new ForbiddenException("An especially complex case's longer deadline is approved by someone "
                        + "senior to its handler, not by the handler.");
            }
            refuseIfAbout(k, by.username(), "extend");
        } else {
            mayAct(k, by);
        }
        LocalDate day = k.receivedAt().atZone(tenants.find(TenantContext.require()).orElseThrow().timeZone())
                .toLocalDate();
        Deadlines due = deadlines.complaintAnywhere(k.jurisdiction(), day, c);
        jdbc.sql("""
                        UPDATE complaint_case SET complexity = :c, due_summary = :s, due_response = :r, due_final = :f,
                               deadline_rules = :rules, updated_at = :now WHERE id = :id""")
                .param("c", c.name()).param("s", due.summaryResolutionBy()).param("r", due.responseBy())
                .param("f", due.finalResponseBy()).param("rules", due.rules().toArray(String[]::new))
                .param("now", utc(clock.instant())).param("id", id).update();
        step(id, by.username(), "COMPLEXITY", k.state(), k.state(), c.name());
        return get(id);
    }

    /**
     * The handler records what caused the complaint (溯源): a cause of the taxonomy and exactly what it was; the rule
     * packs in force for the debtor's jurisdiction are recorded with it.
     */
    @Transactional
    ComplaintCase rootCause(UUID id, ComplaintCase.RootCause found, Actor by) {
        ComplaintCase k = get(id);
        mayAct(k, by);
        List<FieldProblem> problems = new ArrayList<>();
        if (!RootCauses.ALL.containsKey(found.cause())) {
            problems.add(new FieldProblem("cause", "one of " + RootCauses.ALL.keySet()));
        }
        if ((found.causedByKind() == AboutKind.COLLECTOR || found.causedByKind() == AboutKind.AGENCY)
                && blank(found.causedBy())) {
            problems.add(new FieldProblem("causedBy", "name the collector or agency that caused it"));
        }
        if (!EnumSet.of(ComplaintState.INVESTIGATING, ComplaintState.REOPENED, ComplaintState.RESPONDED)
                .contains(k.state())) {
            problems.add(new FieldProblem("state", "a root cause is found while the case is investigated (it is "
                    + k.state() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The root cause cannot be recorded as it is.", problems);
        }
        String packs = io.candor.compliance.RulePacks.shipped().all().stream()
                .filter(p -> p.jurisdiction().equals(k.jurisdiction())).map(p -> p.jurisdiction() + " " + p.version())
                .findFirst().orElse(null);
        jdbc.sql("""
                        UPDATE complaint_case SET root_cause = :cause, caused_by_kind = :kind, caused_by = :by,
                               contact_events = :events, template = :template, strategy_variant = :variant,
                               rule_packs = :packs, updated_at = :now WHERE id = :id""")
                .param("cause", found.cause()).param("kind", found.causedByKind().name())
                .param("by", blank(found.causedBy()) ? null : found.causedBy())
                .param("events", found.contactEvents().toArray(UUID[]::new)).param("template", found.template())
                .param("variant", found.strategyVariant()).param("packs", packs).param("now", utc(clock.instant()))
                .param("id", id).update();
        step(id, by.username(), "ROOT_CAUSE", k.state(), k.state(), found.cause() + " — " + found.causedByKind()
                + (blank(found.causedBy()) ? "" : " " + found.causedBy()));
        evidence(id, k.account(), by.username(), "ROOT_CAUSE", found.toString());
        return get(id);
    }

    ComplaintCase get(UUID id) {
        return jdbc.sql("SELECT * FROM complaint_case WHERE id = :id").param("id", id).query(Complaints::row)
                .optional().orElseThrow(() -> new NotFoundException("complaint", id));
    }

    /** The case a referrer's reference already made, if any. */
    public Optional<UUID> referral(String referredFrom, String externalRef) {
        return jdbc.sql("SELECT id FROM complaint_case WHERE referred_from = :f AND external_ref = :r")
                .param("f", referredFrom).param("r", externalRef).query(UUID.class).optional();
    }

    /** Cases, newest first; {@code openOnly} leaves out the closed. */
    List<ComplaintCase> list(boolean openOnly, int limit) {
        return jdbc.sql("SELECT * FROM complaint_case " + (openOnly ? "WHERE state <> 'CLOSED' " : "")
                        + "ORDER BY received_at DESC LIMIT :limit")
                .param("limit", Math.clamp(limit, 1, 500)).query(Complaints::row).list();
    }

    /** An account's open cases, oldest first. */
    List<ComplaintCase> open(UUID account) {
        return jdbc.sql("""
                        SELECT * FROM complaint_case WHERE account_id = :a AND state <> 'CLOSED'
                        ORDER BY received_at""")
                .param("a", account).query(Complaints::row).list();
    }

    List<ComplaintCase.Step> steps(UUID id) {
        get(id);
        return jdbc.sql("""
                        SELECT at, by_user, step, from_state, to_state, note FROM complaint_step WHERE case_id = :id
                        ORDER BY seq""")
                .param("id", id)
                .query((rs, n) -> new ComplaintCase.Step(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : ComplaintState.valueOf(rs.getString(4)),
                        ComplaintState.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /** A step the deadlines took on a case (a reminder, an escalation): kept, audited and evidence-logged. */
    void noted(UUID id, String step, String note) {
        noted(id, step, note, "candor");
    }

    /** A step taken by {@code by} that does not move the case (a message sent or refused): kept and logged. */
    @Transactional
    void noted(UUID id, String step, String note, String by) {
        ComplaintCase k = get(id);
        step(id, by, step, k.state(), k.state(), note);
        evidence(id, k.account(), by, step, note);
    }

    /** How often the case's final response was drafted or failed to go out: a fresh attempt has a fresh key. */
    int attempts(UUID id) {
        return jdbc.sql("""
                        SELECT count(*) FROM complaint_step WHERE case_id = :id
                          AND step IN ('RESPONSE_DRAFTED', 'RESPONSE_NOT_SENT', 'ACKNOWLEDGEMENT_NOT_SENT')""")
                .param("id", id).query(Integer.class).single();
    }

    /**
     * An account's cases as its debtor sees them in the portal (the repeats linked to a first case left out): the
     * reference, when it was received, where it is, the day its decision is due, and the final response once sent.
     */
    public List<DebtorCase> ofDebtor(UUID account) {
        ZoneId zone = tenants.find(TenantContext.require()).orElseThrow().timeZone();
        return jdbc.sql("""
                        SELECT * FROM complaint_case WHERE account_id = :a AND duplicate_of IS NULL
                        ORDER BY received_at DESC""")
                .param("a", account).query(Complaints::row).list().stream()
                .map(k -> new DebtorCase(k.id(), reference(k.id()), k.receivedAt().atZone(zone).toLocalDate(),
                        k.state().name(), k.finalResponseBy(), k.responseMessage() == null ? null : k.responseText(),
                        k.responseMessage(), k.responseSentAt() == null ? null
                                : k.responseSentAt().atZone(zone).toLocalDate()))
                .toList();
    }

    /**
     * A case as its debtor sees it: {@code state} a {@link ComplaintState} name; the response and the message that
     * carried it only once it was sent.
     */
    public record DebtorCase(UUID id, String reference, LocalDate receivedOn, String state,
                             @Nullable LocalDate decisionBy, @Nullable String response, @Nullable UUID responseMessage,
                             @Nullable LocalDate respondedOn) {
    }

    /** The reference a debtor and a regulator quote: CMP- and the case id's first eight characters. */
    static String reference(UUID id) {
        return "CMP-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    private void mayAct(ComplaintCase k, Actor by) {
        refuseIfAbout(k, by.username(), "act on");
        if (by.username().equals(k.handler())) {
            return;
        }
        if (!roles(by.username()).contains(Role.COMPLIANCE_OFFICER)) {
            throw new ForbiddenException(k.handler() == null
                    ? "Case " + k.id() + " has no handler yet: assign one (PUT …/handler) first."
                    : "Case " + k.id() + " is " + k.handler() + "'s to handle (or a compliance officer's).");
        }
    }

    private Set<Role> roles(String username) {
        return users.findByUsername(username).map(u -> u.roles()).orElse(Set.of());
    }

    /** Nobody handles, approves or extends a complaint about themselves. */
    private static void refuseIfAbout(ComplaintCase k, String username, String what) {
        if (username.equals(k.about())) {
            throw new ForbiddenException("The complaint is about " + username + ": they may not " + what
                    + " it. Choose someone with no stake in it.");
        }
    }

    private void hold(UUID id, UUID account, String summary, String by) {
        var h = holds.set(account, Hold.COMPLAINT_OPEN, "Complaint case " + id + ": " + abbreviate(summary), null, by);
        jdbc.sql("UPDATE complaint_case SET hold_id = :h WHERE id = :id").param("h", h.id()).param("id", id).update();
    }

    private void liftHold(UUID id, String by) {
        UUID hold = jdbc.sql("SELECT hold_id FROM complaint_case WHERE id = :id").param("id", id).query(UUID.class)
                .optional().orElse(null);
        if (hold != null) {
            holds.lift(hold, by);
        }
    }

    private void update(UUID id, ComplaintState to) {
        jdbc.sql("UPDATE complaint_case SET state = :s, updated_at = :now WHERE id = :id").param("s", to.name())
                .param("now", utc(clock.instant())).param("id", id).update();
    }

    private void step(UUID id, String by, String step, @Nullable ComplaintState from, ComplaintState to, String note) {
        jdbc.sql("""
                        INSERT INTO complaint_step (tenant_id, case_id, at, by_user, step, from_state, to_state, note)
                        VALUES (:t, :id, :at, :by, :step, :from, :to, :note)""")
                .param("t", TenantContext.require()).param("id", id).param("at", utc(clock.instant()))
                .param("by", by).param("step", step).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("note", note).update();
        audit.record(AuditEntry.of(AuditAction.COMPLAINT_CHANGED, "complaint", id).withDetail(Map.of("step", step,
                "state", to.name())));
    }

    /** The step into the evidence log; what people wrote goes to the content store, hashed in the log. */
    private void evidence(UUID id, UUID account, String by, String step, String text) {
        events.publishEvent(new EvidenceEvent(EvidenceType.COMPLAINT_STEP, EvidenceEvent.Subject.account(account), by,
                clock.instant(), Map.of("complaint", id.toString(), "step", step),
                text.isEmpty() ? List.of() : List.of(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    private static @Nullable String about(NewComplaint c) {
        String a = c.about();
        return a == null || a.isBlank() ? null : a.strip();
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static ComplaintCase row(ResultSet rs, int n) throws SQLException {
        return new ComplaintCase(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), Intake.valueOf(rs.getString("intake")),
                rs.getString("referred_from"), rs.getString("external_ref"), rs.getString("jurisdiction"),
                Complexity.valueOf(rs.getString("complexity")), rs.getString("summary"),
                AboutKind.valueOf(rs.getString("about_kind")), rs.getString("about"),
                ComplaintState.valueOf(rs.getString("state")), rs.getString("handler"),
                rs.getObject("duplicate_of", UUID.class), rs.getObject("due_summary", LocalDate.class),
                rs.getObject("due_response", LocalDate.class), rs.getObject("due_final", LocalDate.class),
                strings(rs.getArray("deadline_rules")), rs.getString("response_text"), rs.getString("responded_by"),
                rs.getString("approved_by"), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rootCause(rs),
                rs.getObject("response_message", UUID.class), rs.getString("response_channel"),
                rs.getObject("response_sent_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("response_sent_at", OffsetDateTime.class).toInstant());
    }

    private static ComplaintCase.@Nullable RootCause rootCause(ResultSet rs) throws SQLException {
        String cause = rs.getString("root_cause");
        if (cause == null) {
            return null;
        }
        Array events = rs.getArray("contact_events");
        List<UUID> ids = events == null ? List.of() : Arrays.asList((UUID[]) events.getArray());
        return new ComplaintCase.RootCause(cause, AboutKind.valueOf(rs.getString("caused_by_kind")),
                rs.getString("caused_by"), ids, rs.getString("template"), rs.getString("strategy_variant"),
                rs.getString("rule_packs"));
    }

    private static List<String> strings(@Nullable Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
