package io.candor.workbench;

import java.util.List;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.compliance.Channel;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.identity.CandorPrincipal;
import io.candor.identity.CurrentUser;
import io.candor.portfolio.ContactPointRef;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workbench's actions over REST, for dialers and other front ends: gate previews, dispositions, notes. */
@RestController
class WorkbenchApi {

    private static final String WORKERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER')";

    private final ContactGate gate;
    private final Dispositions dispositions;
    private final AccountNotes notes;
    private final Tenants tenants;

    WorkbenchApi(ContactGate gate, Dispositions dispositions, AccountNotes notes, Tenants tenants) {
        this.gate = gate;
        this.dispositions = dispositions;
        this.notes = notes;
        this.tenants = tenants;
    }

    record PreviewRequest(Channel channel, @Nullable Party party, @Nullable String contactPoint) {
    }

    /** What the gate would say now, nothing recorded or reserved. */
    @PostMapping("/api/v1/accounts/{id}/contact-previews")
    @PreAuthorize(WORKERS + " or hasRole('COMPLIANCE_OFFICER')")
    ContactGate.Preview preview(@PathVariable UUID id, @RequestBody PreviewRequest r) {
        return gate.preview(new ContactGate.Request(id, r.channel(), r.party() == null ? Party.DEBTOR : r.party(),
                ContactPointRef.parse(r.contactPoint()), null), CurrentUser.get());
    }

    /** What an allowed contact came to; a promise or plan becomes an arrangement → 201 with it (or without). */
    @PostMapping("/api/v1/contact-events/{id}/disposition")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WORKERS)
    @Nullable Arrangement disposition(@PathVariable UUID id, @RequestBody Dispositions.Request r) {
        CandorPrincipal me = CurrentUser.get();
        return dispositions.record(id, r, me, tenants.businessDate(me.tenantId()));
    }

    @GetMapping("/api/v1/accounts/{id}/notes")
    List<AccountNotes.Note> notes(@PathVariable UUID id) {
        return notes.of(id);
    }

    record NewNote(String text) {
    }

    @PostMapping("/api/v1/accounts/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WORKERS)
    AccountNotes.Note note(@PathVariable UUID id, @RequestBody NewNote n) {
        return notes.write(id, n.text(), CurrentUser.get().username());
    }
}
