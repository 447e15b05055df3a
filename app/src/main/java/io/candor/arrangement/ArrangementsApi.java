package io.candor.arrangement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.identity.CandorPrincipal;
import io.candor.identity.CurrentUser;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Arrangements for collectors and supervisors, the approval queue, monitoring and the creditors' policies. */
@RestController
@RequestMapping("/api/v1")
class ArrangementsApi {

    private static final String WORKERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER')";

    private final Arrangements arrangements;
    private final ArrangementReads reads;
    private final ArrangementMonitor monitor;
    private final ArrangementPolicies policies;
    private final Tenants tenants;

    ArrangementsApi(Arrangements arrangements, ArrangementReads reads, ArrangementMonitor monitor,
            ArrangementPolicies policies, Tenants tenants) {
        this.arrangements = arrangements;
        this.reads = reads;
        this.monitor = monitor;
        this.policies = policies;
        this.tenants = tenants;
    }

    @GetMapping("/accounts/{id}/arrangements")
    List<Arrangement> ofAccount(@PathVariable UUID id) {
        return reads.ofAccount(id);
    }

    /** Proposes terms; in force at once within the caller's authority, else waiting for approval (201 either way). */
    @PostMapping("/accounts/{id}/arrangements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WORKERS)
    Arrangement propose(@PathVariable UUID id, @RequestBody Proposal proposal,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        CandorPrincipal me = CurrentUser.get();
        return arrangements.propose(id, proposal, Offerer.of(me.roles()), me.username(),
                key == null ? Ids.newId().toString() : "api:" + me.userId() + ":" + key);
    }

    @GetMapping("/arrangements/{id}")
    Arrangement show(@PathVariable UUID id) {
        return reads.find(id);
    }

    /** The approval queue, or arrangements in another status. */
    @GetMapping("/arrangements")
    List<Arrangement> inStatus(@RequestParam(defaultValue = "PENDING_APPROVAL") Status status,
            @RequestParam(defaultValue = "100") int limit) {
        return reads.inStatus(status, Math.clamp(limit, 1, 1000));
    }

    record DecisionRequest(String decision, @Nullable String note) {
    }

    /** {@code {"decision": "APPROVE" | "REJECT", "note": "…"}} by a supervisor or the creditor's administrator. */
    @PostMapping("/arrangements/{id}/decisions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Arrangement decide(@PathVariable UUID id, @RequestBody DecisionRequest r) {
        if (!List.of("APPROVE", "REJECT").contains(r.decision())) {
            throw new BadRequestException("decision is APPROVE or REJECT.");
        }
        CandorPrincipal me = CurrentUser.get();
        return arrangements.decide(id, r.decision().equals("APPROVE"), Offerer.of(me.roles()), me.username(), r.note());
    }

    record CancelRequest(String reason) {
    }

    @PostMapping("/arrangements/{id}/cancellation")
    @PreAuthorize(WORKERS)
    Arrangement cancel(@PathVariable UUID id, @RequestBody CancelRequest r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw new BadRequestException("Give the reason for cancelling.");
        }
        return arrangements.cancel(id, CurrentUser.get().username(), r.reason());
    }

    record MonitoringRequest(@Nullable LocalDate date) {
    }

    /** Monitors every arrangement in force on a date (default: the business date). */
    @PostMapping("/arrangements/monitoring")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ArrangementMonitor.Summary monitor(@RequestBody(required = false) @Nullable MonitoringRequest r) {
        return monitor.monitor(r == null || r.date() == null ? tenants.businessDate(TenantContext.require()) : r.date());
    }

    @GetMapping("/arrangement-policies/{creditor}/{product}")
    Policy policy(@PathVariable String creditor, @PathVariable String product) {
        return policies.of(creditor, product);
    }

    @PutMapping("/arrangement-policies/{creditor}/{product}")
    @PreAuthorize("hasRole('ADMIN')")
    Policy putPolicy(@PathVariable String creditor, @PathVariable String product, @RequestBody Policy policy) {
        return policies.put(creditor, product, policy, CurrentUser.get().username());
    }
}
