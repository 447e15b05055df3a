package io.candor.portfolio;

import java.util.List;

import io.candor.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The creditors whose accounts the organisation collects: {@code PUT} creates or changes one, by its code. */
@RestController
class CreditorsApi {

    /**
     * A creditor's name, the jurisdictions whose law governs its accounts, whether debtors hear their calls, and how
     * many years its call recordings are kept.
     */
    record CreditorSetUp(@Nullable String name, @Nullable List<String> jurisdictions,
                         @Nullable Boolean debtorsHearCalls, @Nullable Integer keepRecordingsYears) {
    }

    private final Creditors creditors;

    CreditorsApi(Creditors creditors) {
        this.creditors = creditors;
    }

    @GetMapping("/api/v1/creditors")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<Creditors.Creditor> all() {
        return creditors.all();
    }

    @GetMapping("/api/v1/creditors/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    Creditors.Creditor one(@PathVariable String code) {
        return creditors.one(code).orElseThrow(() -> new NotFoundException("creditor", code));
    }

    @PutMapping("/api/v1/creditors/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Creditors.Creditor put(@PathVariable String code, @RequestBody CreditorSetUp setUp) {
        return creditors.put(code, setUp.name(), setUp.jurisdictions(), setUp.debtorsHearCalls(),
                setUp.keepRecordingsYears());
    }
}
