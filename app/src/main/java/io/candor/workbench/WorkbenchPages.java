package io.candor.workbench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.channel.Sends;
import io.candor.compliance.Channel;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.compliance.gate.ContactRecords;
import io.candor.identity.CandorPrincipal;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.portal.DisputeDocuments;
import io.candor.portfolio.ContactPointRef;
import io.candor.strategy.planning.WorkQueues;
import io.candor.telephony.CallRecordings;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The collector's workbench: the queue in the strategy's order, the account 360, contact through the gate (the
 * decision shown before acting, the rule and the next allowed time when refused), dispositions with promise and
 * plan capture, messages from approved scripts, notes. Keyboard: {@code d} dial, {@code s} send, {@code n} next
 * account, {@code q} queue, {@code /} note.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER')")
class WorkbenchPages {

    private final WorkQueues queues;
    private final Account360 accounts;
    private final CallRecordings recordings;
    private final ContactGate gate;
    private final Dispositions dispositions;
    private final AccountNotes notes;
    private final Sends sends;
    private final Tenants tenants;
    private final ContactRecords records;
    private final DisputeDocuments documents;

    WorkbenchPages(DisputeDocuments documents, WorkQueues queues, Account360 accounts, ContactGate gate,
            Dispositions dispositions, AccountNotes notes, Sends sends, Tenants tenants, ContactRecords records,
            CallRecordings recordings, io.candor.dialer.PreviewCalls floorCalls) {
        this.floorCalls = floorCalls;
        this.documents = documents;
        this.recordings = recordings;
        this.queues = queues;
        this.accounts = accounts;
        this.gate = gate;
        this.dispositions = dispositions;
        this.notes = notes;
        this.sends = sends;
        this.tenants = tenants;
        this.records = records;
    }

    private final io.candor.dialer.PreviewCalls floorCalls;

    /** A refused contact as the page explains it. */
    record Refusal(String channel, String rules, @Nullable OffsetDateTime next) {
    }

    /** The queue page shows the top of the queue: a collector works down it. */
    static final int PAGE = 100;

    private LocalDate today(CandorPrincipal me) {
        return tenants.businessDate(me.tenantId());
    }

    private ZoneId zone(CandorPrincipal me) {
        return tenants.find(me.tenantId()).orElseThrow().timeZone();
    }

    @GetMapping("/workbench")
    String queue(Model model) {
        CandorPrincipal me = CurrentUser.get();
        model.addAttribute("items", queues.queue(me.userId(), "COLLECT", today(me), PAGE));
        model.addAttribute("today", today(me));
        return "workbench/queue";
    }

    @GetMapping("/workbench/accounts/{id}")
    String account(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID call,
            @RequestParam(required = false) @Nullable UUID refused, Model model) {
        CandorPrincipal me = CurrentUser.get();
        model.addAttribute("v", accounts.of(id, me, zone(me)));
        model.addAttribute("zone", zone(me));
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("today", today(me));
        if (call != null) {
            model.addAttribute("call", call);
        }
        if (refused != null) {
            model.addAttribute("refusal", records.refusal(refused, id).map(r -> new Refusal(r.channel().name(),
                    String.join(", ", r.rules()), r.nextAllowedAt() == null ? null
                            : r.nextAllowedAt().atOffset(ZoneOffset.UTC))).orElse(null));
        }
        queues.next(me.userId(), today(me), id).ifPresent(n -> model.addAttribute("next", n));
        model.addAttribute("calls", recordings.of(id));
        return "workbench/account";
    }

    /** A call's recording played in the account 360 (an audited read). */
    @GetMapping("/workbench/accounts/{id}/calls/{call}/recording")
    ResponseEntity<byte[]> recording(@PathVariable UUID id, @PathVariable UUID call) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("audio/wav"))
                .body(recordings.listen(id, call, "ACCOUNT_360"));
    }

    /**
     * Dials: a collector READY on the call floor gets a real bridged call; otherwise the gate is asked for the call
     * now and, allowed, the slot is reserved and the call panel opens (they dial by hand). Either way the gate decides.
     */
    @PostMapping("/workbench/accounts/{id}/contacts")
    String contact(@PathVariable UUID id, @RequestParam UUID point, @RequestParam Channel channel) {
        CandorPrincipal me = CurrentUser.get();
        if (channel != Channel.VOICE_HUMAN) {
            throw new BadRequestException("Calls are placed here; messages are sent from the script panel.");
        }
        try {
            // on the floor, a real call: the collector's phone rings, then the debtor's, bridged and recorded
            var placed = floorCalls.dialOnTheFloor(me, id, point);
            if (placed.isPresent()) {
                return "redirect:/workbench/accounts/" + id + "?call=" + placed.get().contactEvent();
            }
        } catch (ContactGate.Refused r) {
            return "redirect:/workbench/accounts/" + id + "?refused=" + r.decision();
        }
        ContactGate.Answer a = gate.decide(new ContactGate.Request(id, channel, Party.DEBTOR, ContactPointRef.of(point), null),
                me);
        return "redirect:/workbench/accounts/" + id + (a.reservation() != null ? "?call=" + a.reservation()
                : "?refused=" + a.decision());
    }

    @PostMapping("/workbench/contacts/{event}/disposition")
    String disposition(@PathVariable UUID event, @RequestParam UUID account, @RequestParam Disposition code,
            @RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String on, @RequestParam(required = false) @Nullable Integer months,
            RedirectAttributes flash) {
        CandorPrincipal me = CurrentUser.get();
        try {
            Arrangement made = dispositions.record(event, new Dispositions.Request(code, note,
                    amount == null || amount.isBlank() ? null : new BigDecimal(amount.strip()),
                    on == null || on.isBlank() ? null : LocalDate.parse(on), months), me, today(me));
            flash.addFlashAttribute("done", made == null ? "disposition" : "arrangement-" + made.status());
            return "redirect:/workbench/accounts/" + account;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.problems());
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("problemKeys", List.of("wb.problem.amount"));
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("problemKeys", List.of("wb.problem.date"));
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:/workbench/accounts/" + account + "?call=" + event;
    }

    @PostMapping("/workbench/accounts/{id}/messages")
    String send(@PathVariable UUID id, @RequestParam String template, @RequestParam String nonce,
            RedirectAttributes flash) {
        try {
            Sends.Message m = sends.send(id, template, "workbench:" + nonce, CurrentUser.get());
            flash.addFlashAttribute("sent", Map.of("status", m.status(), "detail", m.detail() == null ? "" : m.detail()));
        } catch (BadRequestException e) {
            flash.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:/workbench/accounts/" + id;
    }

    /** A document the debtor filed with a dispute, downloaded (audited) for review. */
    @GetMapping("/workbench/accounts/{id}/documents/{document}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID document) {
        return documents.read(id, document, "DISPUTE_REVIEW")
                .orElseThrow(() -> new NotFoundException("document", document)).attachment();
    }

    @PostMapping("/workbench/accounts/{id}/notes")
    String note(@PathVariable UUID id, @RequestParam String text) {
        notes.write(id, text, CurrentUser.get().username());
        return "redirect:/workbench/accounts/" + id;
    }
}
