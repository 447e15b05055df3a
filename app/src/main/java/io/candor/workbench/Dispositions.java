package io.candor.workbench;

import static io.candor.platform.Timestamps.utc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.arrangement.Arrangements;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Proposal;
import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Hold;
import io.candor.compliance.gate.ContactGate;
import io.candor.compliance.gate.ContactRecords;
import io.candor.compliance.gate.Holds;
import io.candor.identity.CandorPrincipal;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording what a contact came to: the contact's outcome for the gate's counters, the disposition, and what it
 * implies — a promise or plan captured as an arrangement within the creditor's bounds (offered with the collector's
 * authority), a dispute hold, a hardship buffer. All of it in one transaction: a promise the policy refuses leaves
 * the contact open for the collector to correct.
 */
@Service
class Dispositions {

    /** The disposition form: a promise gives amount and date, a plan the number of months. */
    public record Request(Disposition code, @Nullable String note, @Nullable BigDecimal amount, @Nullable LocalDate on,
                          @Nullable Integer months) {
    }

    private final JdbcClient jdbc;
    private final ContactGate gate;
    private final Arrangements arrangements;
    private final Holds holds;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final ContactRecords records;

    private final io.candor.complaint.Complaints complaints;

    Dispositions(JdbcClient jdbc, ContactGate gate, Arrangements arrangements, Holds holds, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, ContactRecords records,
            io.candor.complaint.Complaints complaints) {
        this.complaints = complaints;
        this.records = records;
        this.jdbc = jdbc;
        this.gate = gate;
        this.arrangements = arrangements;
        this.holds = holds;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Records the disposition of an allowed contact (once); returns the arrangement it made, if any. */
    @Transactional
    public @Nullable Arrangement record(UUID contactEvent, Request r, CandorPrincipal by, LocalDate today) {
        UUID account = records.accountOf(contactEvent).orElseThrow(() -> new NotFoundException("contact",
                contactEvent));
        if (jdbc.sql("SELECT count(*) FROM contact_disposition WHERE contact_event_id = :id").param("id", contactEvent)
                .query(Long.class).single() > 0) {
            throw new ConflictException("This contact's disposition is recorded already.");
        }
        gate.recordOutcome(contactEvent, r.code().outcome());
        String key = "disposition:" + contactEvent;
        Arrangement made = switch (r.code()) {
            case PROMISE -> {
                if (r.amount() == null || r.on() == null) {
                    throw new BadRequestException("A promise needs the amount and the date.");
                }
                yield arrangements.propose(account, Proposal.promise(r.amount(), r.on()), Offerer.of(by.roles()),
                        by.username(), key);
            }
            case PLAN -> {
                if (r.months() == null) {
                    throw new BadRequestException("A plan needs the number of monthly instalments.");
                }
                yield arrangements.propose(account, Proposal.plan(r.months(), r.on() == null ? today.plusMonths(1)
                        : r.on()), Offerer.of(by.roles()), by.username(), key);
            }
            case HARDSHIP -> arrangements.propose(account, Proposal.hardship(30, r.note() == null || r.note().isBlank()
                    ? "hardship told on a call" : r.note()), Offerer.of(by.roles()), by.username(), key);
            case COMPLAINT -> {
                // the debtor complained on the call: a case, handled by someone else, holding the account meanwhile
                complaints.receive(io.candor.complaint.NewComplaint.from(account, io.candor.complaint.Intake.COLLECTOR,
                        r.note() == null || r.note().isBlank() ? "Complaint made on a call with " + by.username()
                                : r.note(), io.candor.complaint.AboutKind.UNKNOWN, null), by.username());
                yield null;
            }
            case DISPUTE -> {
                holds.set(account, Hold.DISPUTE, r.note() == null || r.note().isBlank() ? "Disputed on a call" : r.note(),
                        null, by.username());
                yield null;
            }
            default -> null;
        };
        jdbc.sql("""
                        INSERT INTO contact_disposition (tenant_id, contact_event_id, account_id, code, note,
                                                         arrangement_id, recorded_by, recorded_at)
                        VALUES (:t, :e, :a, :code, :note, :arr, :by, :now)""")
                .param("t", TenantContext.require()).param("e", contactEvent).param("a", account)
                .param("code", r.code().name()).param("note", r.note()).param("arr", made == null ? null : made.id())
                .param("by", by.username()).param("now", utc(clock.instant())).update();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("contactEvent", contactEvent.toString());
        facts.put("disposition", r.code().name());
        if (made != null) {
            facts.put("arrangement", made.id().toString());
        }
        audit.record(AuditEntry.of(AuditAction.CONTACT_DISPOSITION, "account", account).withDetail(new LinkedHashMap<>(facts)));
        events.publishEvent(new EvidenceEvent(EvidenceType.CONTACT_DISPOSITION, EvidenceEvent.Subject.account(account),
                by.username(), clock.instant(), facts, r.note() == null || r.note().isBlank() ? List.of()
                        : List.of(r.note().getBytes(StandardCharsets.UTF_8))));
        return made;
    }
}
