package io.candor.portal;

import java.util.List;
import java.util.UUID;

import io.candor.audit.Purpose;
import io.candor.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The documents debtors filed with a dispute, for the staff who review it (each download audited). */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class DocumentsApi {

    private final DisputeDocuments documents;

    DocumentsApi(DisputeDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/v1/accounts/{id}/documents")
    List<DisputeDocuments.Document> list(@PathVariable UUID id) {
        return documents.of(id);
    }

    @GetMapping("/api/v1/accounts/{id}/documents/{document}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID document,
            @RequestHeader(name = "X-Purpose", defaultValue = "DISPUTE_REVIEW") String purpose) {
        return documents.read(id, document, Purpose.of(purpose)).orElseThrow(() -> new NotFoundException("document", document))
                .attachment();
    }
}
