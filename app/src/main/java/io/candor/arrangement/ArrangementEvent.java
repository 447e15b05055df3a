package io.candor.arrangement;

import io.candor.audit.AuditAction;
import io.candor.platform.evidence.EvidenceType;

/** What happens to an arrangement, audited and evidence-logged under the same code. */
enum ArrangementEvent {
    PROPOSED(AuditAction.ARRANGEMENT_PROPOSED, EvidenceType.ARRANGEMENT_PROPOSED),
    APPROVED(AuditAction.ARRANGEMENT_APPROVED, EvidenceType.ARRANGEMENT_APPROVED),
    ACTIVE(AuditAction.ARRANGEMENT_ACTIVE, EvidenceType.ARRANGEMENT_ACTIVE),
    KEPT(AuditAction.ARRANGEMENT_KEPT, EvidenceType.ARRANGEMENT_KEPT),
    PARTIALLY_KEPT(AuditAction.ARRANGEMENT_PARTIALLY_KEPT, EvidenceType.ARRANGEMENT_PARTIALLY_KEPT),
    BROKEN(AuditAction.ARRANGEMENT_BROKEN, EvidenceType.ARRANGEMENT_BROKEN),
    REJECTED(AuditAction.ARRANGEMENT_REJECTED, EvidenceType.ARRANGEMENT_REJECTED),
    CANCELLED(AuditAction.ARRANGEMENT_CANCELLED, EvidenceType.ARRANGEMENT_CANCELLED),
    ENDED(AuditAction.ARRANGEMENT_ENDED, EvidenceType.ARRANGEMENT_ENDED);

    final AuditAction audit;
    final EvidenceType evidence;

    ArrangementEvent(AuditAction audit, EvidenceType evidence) {
        this.audit = audit;
        this.evidence = evidence;
    }

    /** The event of an arrangement reaching a status. */
    static ArrangementEvent reaching(Status status) {
        return switch (status) {
            case PENDING_APPROVAL -> PROPOSED;
            case ACTIVE -> ACTIVE;
            case KEPT -> KEPT;
            case PARTIALLY_KEPT -> PARTIALLY_KEPT;
            case BROKEN -> BROKEN;
            case REJECTED -> REJECTED;
            case CANCELLED -> CANCELLED;
            case ENDED -> ENDED;
        };
    }
}
