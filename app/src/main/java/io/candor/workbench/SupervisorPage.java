package io.candor.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import io.candor.arrangement.ArrangementReads;
import io.candor.arrangement.Arrangements;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Status;
import io.candor.identity.CandorPrincipal;
import io.candor.identity.CurrentUser;
import io.candor.insight.SupervisorDay;
import io.candor.insight.SupervisorDay.Conversation;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Accounts;
import io.candor.strategy.planning.StrategyVersions;
import io.candor.strategy.planning.VariantResults;
import io.candor.strategy.planning.WorkQueues;
import io.candor.telephony.CallRecordings;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's page: people and queues now, re-assignment, compliance exceptions, complaint deadlines and QA
 * reviews of human and AI conversations. Champion/challenger results are on the Strategy page.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
class SupervisorPage {

    private final SupervisorDay supervisorDay;
    private final QaReviews reviews;
    private final WorkQueues queues;
    private final Tenants tenants;
    private final Accounts accounts;
    private final Clock clock;
    private final ArrangementReads arrangements;
    private final Arrangements decisions;
    private final VariantResults results;
    private final StrategyVersions strategies;

    private final CallRecordings recordings;

    SupervisorPage(SupervisorDay supervisorDay, QaReviews reviews, WorkQueues queues, Tenants tenants, Accounts accounts,
            Clock clock, ArrangementReads arrangements, Arrangements decisions, VariantResults results,
            StrategyVersions strategies, CallRecordings recordings) {
        this.recordings = recordings;
        this.supervisorDay = supervisorDay;
        this.reviews = reviews;
        this.queues = queues;
        this.tenants = tenants;
        this.accounts = accounts;
        this.clock = clock;
        this.arrangements = arrangements;
        this.decisions = decisions;
        this.results = results;
        this.strategies = strategies;
    }

    @GetMapping("/supervisor")
    String page(Model model) {
        CandorPrincipal me = CurrentUser.get();
        LocalDate day = tenants.businessDate(me.tenantId());
        ZoneId zone = tenants.find(me.tenantId()).orElseThrow().timeZone();
        // queues belong to the business date; activity, caps and deadlines to the calendar day where the tenant is
        LocalDate today = LocalDate.now(clock.withZone(zone));
        model.addAttribute("day", day);
        model.addAttribute("zone", zone);
        model.addAttribute("agents", supervisorDay.agents(day, today, zone,
                tenants.find(me.tenantId()).orElseThrow().reportingCurrency().getCurrencyCode()));
        model.addAttribute("unassigned", queues.count("COLLECT", day, true));
        model.addAttribute("supervisorQueue", queues.count("SUPERVISOR", day, false));
        model.addAttribute("blocked", supervisorDay.blocked(today, zone));
        model.addAttribute("atRisk", supervisorDay.atRisk(today, zone));
        model.addAttribute("complaints", supervisorDay.complaints(today, zone));
        model.addAttribute("sample", supervisorDay.sample(today, zone));
        model.addAttribute("qa", reviews.qaScores());
        model.addAttribute("approvals", arrangements.inStatus(Status.PENDING_APPROVAL, 50));
        if (strategies.inEffect(day).isPresent()) {
            model.addAttribute("experiment", results.of(null));
        }
        return "workbench/supervisor";
    }

    /** Gives an account (by reference or id) to a collector. */
    @PostMapping("/supervisor/assignments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String assign(@RequestParam String account, @RequestParam String collector, RedirectAttributes flash) {
        CandorPrincipal me = CurrentUser.get();
        UUID id = accounts.idByReference(account.strip()).orElse(null);
        try {
            if (id == null) {
                throw new NotFoundException("account", account);
            }
            queues.reassign(id, collector.strip(), tenants.businessDate(me.tenantId()), me.username());
            flash.addFlashAttribute("done", "assigned");
        } catch (BadRequestException | NotFoundException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supervisor";
    }

    /** Approves or rejects an arrangement waiting for approval (the authority and four-eyes checks apply). */
    @PostMapping("/supervisor/arrangements/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        CandorPrincipal me = CurrentUser.get();
        try {
            decisions.decide(id, decision.equals("APPROVE"), Offerer.of(me.roles()), me.username(),
                    note);
            flash.addFlashAttribute("done", decision.equals("APPROVE") ? "approved" : "rejected");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supervisor";
    }

    @GetMapping("/supervisor/qa/{kind}/{id}")
    String review(@PathVariable Conversation kind, @PathVariable UUID id, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("transcript", supervisorDay.transcript(kind, id));
        if (kind == Conversation.AI) {
            recordings.ofConversation(id).ifPresent(r -> model.addAttribute("recording", r));
        }
        model.addAttribute("criteria", QaReviews.Criterion.values());
        return "workbench/qa";
    }

    /** The recording of a sampled AI call, played while reviewing it (an audited read). */
    @GetMapping("/supervisor/qa/AI/{id}/recording")
    org.springframework.http.ResponseEntity<byte[]> recording(@PathVariable UUID id) {
        CallRecordings.OfConversation r = recordings.ofConversation(id)
                .orElseThrow(() -> new io.candor.platform.web.NotFoundException("call recording of conversation", id));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("audio/wav"))
                .body(recordings.listen(r.account(), r.call().id(), "QA_REVIEW"));
    }

    @PostMapping("/supervisor/qa/{kind}/{id}")
    String score(@PathVariable Conversation kind, @PathVariable UUID id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) @Nullable String comment, RedirectAttributes flash) {
        Map<QaReviews.Criterion, Integer> scores = new EnumMap<>(QaReviews.Criterion.class);
        for (QaReviews.Criterion c : QaReviews.Criterion.values()) {
            String v = form.get(c.name());
            if (v != null && v.matches("[0-2]")) {
                scores.put(c, Integer.parseInt(v));
            }
        }
        try {
            flash.addFlashAttribute("reviewed", reviews.review(kind, id, scores, comment, CurrentUser.get().username()));
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supervisor";
    }
}
