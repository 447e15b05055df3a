package io.candor.arrangement;

import static io.candor.platform.Timestamps.utc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Hold;
import io.candor.compliance.gate.Holds;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.ids.Ids;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.ConflictException;
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
 * Proposing, approving, rejecting and cancelling arrangements. A proposal inside the offerer's authority is in
 * force at once; one beyond it waits for an approver with enough authority (never the person who offered it);
 * one outside the creditor's bounds is refused with what to change. One arrangement is live per account; every
 * change is audited and evidence-logged, and announced as {@link ArrangementChanged}.
 */
@Service
public class Arrangements {

    private final JdbcClient jdbc;
    private final AccountReadModel accounts;
    private final ArrangementPolicies policies;
    private final ArrangementReads reads;
    private final Holds holds;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Arrangements(JdbcClient jdbc, AccountReadModel accounts, ArrangementPolicies policies, ArrangementReads reads, Holds holds, Tenants tenants,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.policies = policies;
        this.reads = reads;
        this.holds = holds;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The account as a proposal needs it, locked for the transaction. */
    private record Account(UUID id, Currency currency, long balanceMinor, String status, boolean business,
                           UUID creditor, String product) {
    }

    /**
     * Proposes terms on an account; the same {@code key} again returns the arrangement it made.
     *
     * @param by who offers: a user's name, {@code debtor} (the portal) or {@code ai-agent}
     */
    @Transactional
    public Arrangement propose(UUID accountId, Proposal p, Offerer as, String by, String key) {
        Optional<UUID> earlier = jdbc.sql("SELECT id FROM arrangement WHERE idempotency_key = :k").param("k", key)
                .query(UUID.class).optional();
        if (earlier.isPresent()) {
            return reads.find(earlier.get());
        }
        Account a = lock(accountId);
        if (!a.status().equals("OPEN")) {
            throw new ConflictException("Account " + accountId + " is " + a.status() + "; arrangements are for open accounts.");
        }
        reads.live(accountId).ifPresent(live -> {
            throw new ConflictException("Account " + accountId + " already has a " + live.kind() + " that is "
                    + live.status() + " (" + live.id() + "); cancel it before proposing another.");
        });
        LocalDate today = tenants.businessDate(TenantContext.require());
        Terms terms = terms(p, a, today);
        Policy policy = policies.of(a.creditor(), a.product());
        PolicyCheck.Verdict verdict = PolicyCheck.check(terms, policy, as, today, a.currency().getCurrencyCode(),
                a.business());
        Offerer level = switch (verdict) {
            case PolicyCheck.Refused r -> throw new InvalidInputException(
                    "These terms are outside the creditor's policy; change them and propose again.", r.problems());
            case PolicyCheck.NeedsApproval n -> n.approver();
            case PolicyCheck.Allowed x -> null;
        };
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO arrangement (tenant_id, id, account_id, kind, status, currency, balance_minor,
                               total_minor, discount_minor, rate_pct, buffer_days, review_on, reason, offered_by,
                               offered_as, approval_level, idempotency_key, created_on, created_at)
                        VALUES (:t, :id, :account, :kind, 'PENDING_APPROVAL', :currency, :balance, :total, :discount,
                                :rate, :buffer, :review, :reason, :by, :as, :level, :key, :today, :now)""")
                .param("t", TenantContext.require()).param("id", id).param("account", accountId)
                .param("kind", terms.kind().name()).param("currency", a.currency().getCurrencyCode())
                .param("balance", a.balanceMinor()).param("total", terms.kind().scheduled() ? terms.totalMinor() : 0)
                .param("discount", terms.discountMinor()).param("rate", terms.ratePct())
                .param("buffer", terms.bufferDays())
                .param("review", terms.bufferDays() == null ? null : today.plusDays(terms.bufferDays()))
                .param("reason", terms.reason()).param("by", by).param("as", as.name())
                .param("level", level == null ? null : level.name()).param("key", key).param("today", today)
                .param("now", utc(clock.instant())).update();
        for (int i = 0; i < terms.schedule().size(); i++) {
            Due d = terms.schedule().get(i);
            jdbc.sql("""
                            INSERT INTO arrangement_instalment (tenant_id, arrangement_id, seq, due_on, amount_minor, status)
                            VALUES (:t, :id, :seq, :on, :amount, 'DUE')""")
                    .param("t", TenantContext.require()).param("id", id).param("seq", i + 1).param("on", d.on())
                    .param("amount", d.amountMinor()).update();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("arrangement", id.toString());
        facts.put("kind", terms.kind().name());
        facts.put("total", Money.ofMinor(terms.totalMinor(), a.currency().getCurrencyCode()).toString());
        facts.put("discountPct", terms.discountPct().toPlainString());
        facts.put("instalments", Integer.toString(terms.schedule().size()));
        facts.put("offeredAs", as.name());
        if (level != null) {
            facts.put("needsApprovalOf", level.name());
        }
        record(accountId, ArrangementEvent.PROPOSED, by, facts);
        if (level == null) {
            activate(id, accountId, terms.kind(), by, today);
        }
        return reads.find(id);
    }

    /** Approves or rejects an arrangement waiting for approval; the offerer never approves their own. */
    @Transactional
    public Arrangement decide(UUID id, boolean approve, Offerer as, String by, @Nullable String note) {
        Arrangement a = reads.find(id);
        lock(a.accountId());
        String status = jdbc.sql("SELECT status FROM arrangement WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).single();
        if (!status.equals(Status.PENDING_APPROVAL.name())) {
            throw new ConflictException("Arrangement " + id + " is " + status + "; only one waiting for approval can be "
                    + "approved or rejected.");
        }
        if (a.offeredBy().equals(by)) {
            throw new ConflictException("You offered this arrangement; someone else approves it (four eyes).");
        }
        LocalDate today = tenants.businessDate(TenantContext.require());
        if (approve && !PolicyCheck.mayApprove(reads.terms(a), policies.forAccount(a.accountId()),
                as, a.createdOn())) {
            throw new ConflictException("This arrangement needs the approval of a " + a.approvalLevel()
                    + " or above; your authority is " + as + ".");
        }
        jdbc.sql("""
                        INSERT INTO arrangement_decision (tenant_id, id, arrangement_id, decision, decided_by, decided_as,
                                                          note, at)
                        VALUES (:t, :d, :id, :decision, :by, :as, :note, :now)""")
                .param("t", TenantContext.require()).param("d", Ids.newId()).param("id", id)
                .param("decision", approve ? "APPROVED" : "REJECTED").param("by", by).param("as", as.name())
                .param("note", note).param("now", utc(clock.instant())).update();
        audit.record(AuditEntry.of(approve ? AuditAction.ARRANGEMENT_APPROVED : AuditAction.ARRANGEMENT_REJECTED, "account", a.accountId())
                .withDetail(Map.of("arrangement", id.toString(), "as", as.name())));
        if (approve) {
            record(a.accountId(), ArrangementEvent.APPROVED, by, Map.of("arrangement", id.toString(), "as", as.name()));
            activate(id, a.accountId(), a.kind(), by, today);
        } else {
            end(id, a.accountId(), a.kind(), Status.REJECTED, by, today, note == null ? "" : note);
        }
        return reads.find(id);
    }

    /** Cancels a live arrangement (a hardship buffer's pause is lifted with it). */
    @Transactional
    public Arrangement cancel(UUID id, String by, String reason) {
        Arrangement a = reads.find(id);
        lock(a.accountId());
        if (!a.status().live()) {
            throw new ConflictException("Arrangement " + id + " is " + a.status() + " already.");
        }
        if (a.kind() == Kind.HARDSHIP) {
            holds.of(a.accountId()).stream()
                    .filter(h -> h.liftedAt() == null && h.setBy().equals(holdSetter(id)))
                    .forEach(h -> holds.lift(h.id(), by));
        }
        end(id, a.accountId(), a.kind(), Status.CANCELLED, by, tenants.businessDate(TenantContext.require()), reason);
        return reads.find(id);
    }

    /** Puts an arrangement in force: a hardship buffer pauses collection until its review date. */
    private void activate(UUID id, UUID account, Kind kind, String by, LocalDate today) {
        jdbc.sql("UPDATE arrangement SET status = 'ACTIVE', activated_on = :today WHERE id = :id")
                .param("today", today).param("id", id).update();
        if (kind == Kind.HARDSHIP) {
            Arrangement a = reads.find(id);
            holds.set(account, Hold.HARDSHIP_PAUSE, "Hardship buffer: " + a.reason(), a.reviewOn(), holdSetter(id));
        }
        record(account, ArrangementEvent.ACTIVE, by, Map.of("arrangement", id.toString(), "kind", kind.name()));
        events.publishEvent(new ArrangementChanged(account, id, kind, Status.ACTIVE));
    }

    /** Ends an arrangement in a final status (used by monitoring too). */
    void end(UUID id, UUID account, Kind kind, Status status, String by, LocalDate today, String reason) {
        jdbc.sql("UPDATE arrangement SET status = :status, ended_on = :today WHERE id = :id")
                .param("status", status.name()).param("today", today).param("id", id).update();
        record(account, ArrangementEvent.reaching(status), by, reason.isBlank()
                ? Map.of("arrangement", id.toString()) : Map.of("arrangement", id.toString(), "reason", reason));
        events.publishEvent(new ArrangementChanged(account, id, kind, status));
    }

    static String holdSetter(UUID arrangement) {
        return "arrangement " + arrangement;
    }

    /** Audits a change of an arrangement and logs it as evidence, under the same code. */
    private void record(UUID account, ArrangementEvent event, String by, Map<String, String> facts) {
        audit.record(AuditEntry.of(event.audit, "account", account).withDetail(new LinkedHashMap<>(facts)));
        events.publishEvent(new EvidenceEvent(event.evidence, EvidenceEvent.Subject.account(account), by,
                clock.instant(), facts, List.of()));
    }

    private Terms terms(Proposal p, Account a, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String currency = a.currency().getCurrencyCode();
        List<Due> schedule = new ArrayList<>();
        long discount = 0;
        try {
            switch (p.kind()) {
                case PROMISE, PLAN, SETTLEMENT -> {
                    if (p.instalments() != null && !p.instalments().isEmpty()) {
                        for (Proposal.Instalment i : p.instalments()) {
                            schedule.add(new Due(i.dueOn(), minor(i.amount(), a.currency(), problems)));
                        }
                    } else if (p.kind() == Kind.PLAN) {
                        if (p.count() == null || p.dueOn() == null) {
                            problems.add("A plan gives instalments, or count and dueOn (the first due date).");
                        } else {
                            schedule.addAll(Schedules.equal(a.balanceMinor(), p.count(), p.dueOn()));
                        }
                    } else if (p.amount() == null || p.dueOn() == null) {
                        problems.add("Give amount and dueOn (or instalments).");
                    } else {
                        schedule.add(new Due(p.dueOn(), minor(p.amount(), a.currency(), problems)));
                    }
                    if (p.kind() == Kind.SETTLEMENT && !schedule.isEmpty()) {
                        discount = Math.max(0, a.balanceMinor() - schedule.stream().mapToLong(Due::amountMinor).sum());
                    }
                }
                case RESTRUCTURE -> {
                    if (p.count() == null || p.dueOn() == null || p.ratePct() == null) {
                        problems.add("A restructuring gives count (months), ratePct and dueOn (the first due date).");
                    } else {
                        schedule.addAll(Schedules.annuity(a.balanceMinor(), p.ratePct(), p.count(), p.dueOn()));
                    }
                }
                case HARDSHIP -> {
                    if (p.bufferDays() == null) {
                        problems.add("A hardship buffer gives bufferDays.");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + ".");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The proposal is incomplete.", problems);
        }
        return new Terms(p.kind(), schedule, a.balanceMinor(), discount, p.ratePct(), p.bufferDays(),
                p.reason() == null ? null : p.reason().strip());
    }

    private static long minor(BigDecimal amount, Currency currency, List<String> problems) {
        try {
            Money m = Money.of(amount, currency);
            if (m.minor() <= 0) {
                problems.add("Amounts are more than zero; got " + amount.toPlainString() + ".");
                return 1;
            }
            return m.minor();
        } catch (ArithmeticException e) {
            problems.add(amount.toPlainString() + " has more decimals than " + currency + " allows.");
            return 1;
        }
    }

    private Account lock(UUID account) {
        AccountFacts a = accounts.lock(account);
        return new Account(a.id(), a.balance().currency(), a.balance().minor(), a.status(), a.company(), a.creditor(),
                a.product());
    }
}
