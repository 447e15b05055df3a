package io.candor.compliance.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.compliance.Hold;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.identity.CurrentUser;
import io.candor.portfolio.ContactPointRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contact gate and holds over REST. */
@RestController
@RequestMapping("/api/v1")
class GateApi {

    record Proposal(@NotNull Channel channel, @NotNull Party party, @Nullable String contactPoint, @Nullable Instant at) {
    }

    record OutcomeReport(@NotNull Outcome outcome) {
    }

    record NewHold(@NotNull Hold hold, @NotBlank String reason, @Nullable LocalDate until) {
    }

    private final ContactGate gate;
    private final Holds holds;

    GateApi(ContactGate gate, Holds holds) {
        this.gate = gate;
        this.holds = holds;
    }

    /** May this contact be made now (or at {@code at})? An ALLOW reserves the slot for two minutes. */
    @PostMapping("/accounts/{id}/contact-decisions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER', 'COMPLIANCE_OFFICER')")
    ContactGate.Answer decide(@PathVariable UUID id, @Valid @RequestBody Proposal p) {
        return gate.decide(new ContactGate.Request(id, p.channel(), p.party(), ContactPointRef.parse(p.contactPoint()), p.at()),
                CurrentUser.get());
    }

    @PostMapping("/contact-events/{id}/outcome")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER')")
    ResponseEntity<Void> outcome(@PathVariable UUID id, @Valid @RequestBody OutcomeReport r) {
        gate.recordOutcome(id, r.outcome());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/accounts/{id}/holds")
    List<Holds.AccountHold> holds(@PathVariable UUID id) {
        return holds.of(id);
    }

    @PostMapping("/accounts/{id}/holds")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER', 'COMPLIANCE_OFFICER')")
    ResponseEntity<Holds.AccountHold> setHold(@PathVariable UUID id, @Valid @RequestBody NewHold h) {
        return ResponseEntity.status(201).body(holds.set(id, h.hold(), h.reason(), h.until(), CurrentUser.get().username()));
    }

    /** Lifting a hold is for supervisors and compliance officers. */
    @PostMapping("/holds/{id}/lift")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
    Holds.AccountHold lift(@PathVariable UUID id) {
        return holds.lift(id, CurrentUser.get().username());
    }
}
