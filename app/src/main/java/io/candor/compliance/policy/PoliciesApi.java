package io.candor.compliance.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.candor.compliance.PolicyLayer;
import io.candor.compliance.Rule;
import io.candor.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The tenant's and creditors' policy layers: every version, and publishing a new one. */
@RestController
@RequestMapping("/api/v1/compliance/policies")
class PoliciesApi {

    /** One rule as a compliance officer reads it. */
    record RuleView(String id, String type, String value, String source, String confidence) {

        static RuleView of(Rule r) {
            return new RuleView(r.id(), r.getClass().getSimpleName(), r.describe(), r.source().citation(),
                    r.source().confidence());
        }
    }

    /** One version of a layer. */
    record VersionView(PolicyLayer.Scope scope, @Nullable String creditor, int version, LocalDate effectiveFrom,
                       Set<String> jurisdictions, String reason, List<RuleView> rules, String sha256, String createdBy,
                       Instant createdAt, JsonNode definition) {

        static VersionView of(PolicyLayers.Version v) {
            PolicyLayer l = v.layer();
            return new VersionView(l.scope(), l.creditor().isEmpty() ? null : l.creditor(), l.version(),
                    l.effectiveFrom(), l.jurisdictions(), l.reason(), l.rules().stream().map(RuleView::of).toList(),
                    v.sha256(), v.createdBy(), v.createdAt(), v.definition());
        }
    }

    private final PolicyLayers layers;

    PoliciesApi(PolicyLayers layers) {
        this.layers = layers;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<VersionView> all() {
        return layers.all().stream().map(VersionView::of).toList();
    }

    /** A new version of the tenant's layer. */
    @PostMapping("/tenant/versions")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE_OFFICER')")
    ResponseEntity<VersionView> publishTenant(@RequestBody JsonNode definition) {
        return ResponseEntity.status(201).body(VersionView.of(layers.publish(null, definition,
                CurrentUser.get().username())));
    }

    /** A new version of a creditor's layer, for that creditor's accounts. */
    @PostMapping("/creditors/{code}/versions")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE_OFFICER')")
    ResponseEntity<VersionView> publishCreditor(@PathVariable String code, @RequestBody JsonNode definition) {
        return ResponseEntity.status(201).body(VersionView.of(layers.publish(code, definition,
                CurrentUser.get().username())));
    }
}
