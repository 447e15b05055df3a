package io.candor.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.deadline.Complexity;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaint cases over REST: a complaint received (from another system, or a regulator's referral), the cases open,
 * one case with its steps (an audited read), and each step of its handling.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
class ComplaintsApi {

    record Received(@NotNull UUID account, @Nullable Intake intake, String summary, @Nullable Instant receivedAt,
                    @Nullable AboutKind aboutKind, @Nullable String about, @Nullable String referredFrom,
                    @Nullable String externalRef) {
    }

    record Handler(String handler) {
    }

    record Move(@NotNull ComplaintState state, @Nullable String note) {
    }

    record Response(String text) {
    }

    record SetComplexity(@NotNull Complexity complexity) {
    }

    /** The channel a case's message goes by (a final response: LETTER by default). */
    record By(io.candor.compliance.@Nullable Channel channel) {
    }

    record Found(String cause, @Nullable AboutKind causedByKind, @Nullable String causedBy,
                 @Nullable List<UUID> contactEvents, @Nullable String template, @Nullable String strategyVariant) {
    }

    private final Complaints complaints;
    private final AuditTrail audit;
    private final ReferralImport referrals;
    private final ComplaintReport report;
    private final io.candor.tenancy.Tenants tenants;
    private final CaseMessages messages;

    ComplaintsApi(Complaints complaints, AuditTrail audit, ReferralImport referrals, ComplaintReport report,
            io.candor.tenancy.Tenants tenants, CaseMessages messages) {
        this.messages = messages;
        this.report = report;
        this.tenants = tenants;
        this.complaints = complaints;
        this.audit = audit;
        this.referrals = referrals;
    }

    /** A file of referrals ({@code text/csv}), all or nothing: {@code 201} with the cases, or {@code 400} listing every bad row. */
    @PostMapping(value = "/api/v1/complaints/referrals", consumes = {"text/csv", "text/plain"})
    ResponseEntity<ReferralImport.Result> referrals(@RequestBody String csv) {
        return ResponseEntity.status(HttpStatus.CREATED).body(referrals.take(new java.io.StringReader(csv),
                CurrentUser.get().username()));
    }

    /** The same file as a form upload (field {@code file}). */
    @PostMapping(value = "/api/v1/complaints/referrals", consumes = "multipart/form-data")
    ResponseEntity<ReferralImport.Result> referralFile(
            @org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        try (var in = new java.io.InputStreamReader(file.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(referrals.take(in, CurrentUser.get().username()));
        }
    }

    @PostMapping("/api/v1/complaints")
    ResponseEntity<ComplaintCase> receive(@RequestBody Received r) {
        if (r.account() == null) {
            throw new BadRequestException("Name the account the complaint concerns: {\"account\":\"…\"}.");
        }
        Intake intake = r.intake() != null ? r.intake() : r.referredFrom() != null ? Intake.REFERRAL : Intake.API;
        ComplaintCase c = complaints.received(new NewComplaint(r.account(), intake, r.summary(), r.receivedAt(),
                r.aboutKind(), r.about(), r.referredFrom(), r.externalRef()), CurrentUser.get().username());
        return ResponseEntity.status(HttpStatus.CREATED).body(c);
    }

    @GetMapping("/api/v1/complaints")
    List<ComplaintCase> list(@RequestParam(defaultValue = "true") boolean open,
            @RequestParam(defaultValue = "100") int limit) {
        return complaints.list(open, limit);
    }

    @GetMapping("/api/v1/complaints/{id}")
    Map<String, Object> one(@PathVariable UUID id) {
        ComplaintCase c = complaints.get(id);
        audit.record(AuditEntry.read("complaint", id, "complaint case"));
        return Map.of("case", c, "steps", complaints.steps(id));
    }

    @PutMapping("/api/v1/complaints/{id}/handler")
    ComplaintCase handler(@PathVariable UUID id, @RequestBody Handler h) {
        if (h.handler() == null || h.handler().isBlank()) {
            throw new BadRequestException("Name the handler: {\"handler\":\"username\"}.");
        }
        return complaints.assign(id, h.handler().strip(), CurrentUser.get());
    }

    @PostMapping("/api/v1/complaints/{id}/state")
    ComplaintCase move(@PathVariable UUID id, @RequestBody Move m) {
        if (m.state() == null) {
            throw new BadRequestException("Say where the case goes: {\"state\":\"ACKNOWLEDGED\",\"note\":\"…\"}.");
        }
        return complaints.move(id, m.state(), m.note(), CurrentUser.get());
    }

    @PostMapping("/api/v1/complaints/{id}/response")
    ComplaintCase draft(@PathVariable UUID id, @RequestBody Response r) {
        return complaints.draftResponse(id, r.text(), CurrentUser.get());
    }

    /**
     * A second person approves the final response, and it is sent at once by {@code channel} (LETTER unless said):
     * the case and the message, whose status says whether it went out (the case is RESPONDED) or why not.
     */
    @PostMapping("/api/v1/complaints/{id}/response/approve")
    Map<String, Object> approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable By by) {
        complaints.approveResponse(id, CurrentUser.get());
        return send(id, by);
    }

    /** Sends the approved final response again after it could not go out (a fresh message). */
    @PostMapping("/api/v1/complaints/{id}/response/send")
    Map<String, Object> send(@PathVariable UUID id, @RequestBody(required = false) @Nullable By by) {
        var m = messages.finalResponse(id, by == null || by.channel() == null ? io.candor.compliance.Channel.LETTER
                : by.channel(), CurrentUser.get());
        return Map.of("case", complaints.get(id), "message", m);
    }

    /** Acknowledges the complaint to the complainant by SMS or e-mail (a service message, sent once). */
    @PostMapping("/api/v1/complaints/{id}/acknowledgement")
    Map<String, Object> acknowledge(@PathVariable UUID id, @RequestBody By by) {
        if (by.channel() == null) {
            throw new BadRequestException("Say how: {\"channel\":\"SMS\"} or {\"channel\":\"EMAIL\"}.");
        }
        var m = messages.acknowledgement(id, by.channel(), CurrentUser.get());
        return Map.of("case", complaints.get(id), "message", m);
    }

    /**
     * The regulator's complaint report for the cases received from {@code from} to {@code to} (the tenant's dates;
     * the month to date by default), as an Excel workbook.
     */
    @GetMapping("/api/v1/complaints/report")
    void report(@RequestParam(required = false) java.time.@Nullable LocalDate from,
            @RequestParam(required = false) java.time.@Nullable LocalDate to,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        java.time.LocalDate today = tenants.businessDate(io.candor.platform.tenant.TenantContext.require());
        java.time.LocalDate end = to == null ? today : to;
        java.time.LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (start.isAfter(end)) {
            throw new BadRequestException("from (" + start + ") is after to (" + end + ").");
        }
        audit.record(AuditEntry.read("complaint", "report", "complaint report " + start + " – " + end));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"candor-complaints-" + start + "-" + end
                + ".xlsx\"");
        try (var out = response.getOutputStream()) {
            report.write(out, start, end, today);
        }
    }

    /** The taxonomy of root causes, with their names. */
    @GetMapping("/api/v1/complaints/root-causes")
    java.util.Collection<RootCauses.Cause> causes() {
        return RootCauses.ALL.values();
    }

    @PostMapping("/api/v1/complaints/{id}/root-cause")
    ComplaintCase rootCause(@PathVariable UUID id, @RequestBody Found f) {
        if (f.cause() == null || f.cause().isBlank()) {
            throw new BadRequestException("Name the cause: {\"cause\":\"CN-THIRD-PARTY\",\"causedByKind\":\"COLLECTOR\","
                    + "\"causedBy\":\"username\",…} (GET /api/v1/complaints/root-causes lists them).");
        }
        return complaints.rootCause(id, new ComplaintCase.RootCause(f.cause().strip(),
                f.causedByKind() == null ? AboutKind.UNKNOWN : f.causedByKind(), f.causedBy(),
                f.contactEvents() == null ? List.of() : f.contactEvents(), f.template(), f.strategyVariant(), null),
                CurrentUser.get());
    }

    @PostMapping("/api/v1/complaints/{id}/complexity")
    ComplaintCase complexity(@PathVariable UUID id, @RequestBody SetComplexity c) {
        if (c.complexity() == null) {
            throw new BadRequestException("Say how complex: {\"complexity\":\"COMPLEX\"}.");
        }
        return complaints.complexity(id, c.complexity(), CurrentUser.get());
    }
}
