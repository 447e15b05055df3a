package io.candor.audit;

import io.candor.platform.web.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the audit trail for administrators, auditors and compliance officers. */
@RestController
@RequestMapping("/api/v1/audit-events")
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'COMPLIANCE_OFFICER')")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    CursorPage<AuditEvent> list(@RequestParam(required = false) @Nullable String resourceType,
            @RequestParam(required = false) @Nullable String resourceId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return trail.list(resourceType, resourceId, cursor, CursorPage.limit(limit));
    }
}
