package io.candor.operator;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator's API: organisations, their figures, limits and suspension. Operators only. */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class TenantsApi {

    /** Why an organisation is suspended. */
    record Suspension(@Nullable String reason) {
    }

    /** Users and accounts an organisation may have at most; left out: no limit. */
    record Limits(@Nullable Integer maxUsers, @Nullable Integer maxAccounts) {
    }

    /** A created organisation and who administers it. */
    record Created(UUID id, String slug, String name, Tenant.Kind kind, String reportingCurrency, String timeZone,
                   String admin) {
    }

    private final Onboarding onboarding;

    TenantsApi(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping("/api/v1/tenants")
    ResponseEntity<Created> create(@RequestBody Onboarding.NewTenant request) {
        Tenant t = onboarding.create(request);
        String admin = request.admin() == null || request.admin().username() == null ? ""
                : request.admin().username().strip();
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + t.id())).body(new Created(t.id(), t.slug(),
                t.name(), t.kind(), t.reportingCurrency().getCurrencyCode(), t.timeZone().getId(), admin));
    }

    @GetMapping("/api/v1/tenants")
    List<Tenants.Entry> all() {
        return onboarding.all();
    }

    @GetMapping("/api/v1/tenants/{id}")
    Onboarding.Details one(@PathVariable UUID id) {
        return onboarding.details(id);
    }

    @PostMapping("/api/v1/tenants/{id}/suspension")
    Tenants.Entry suspend(@PathVariable UUID id, @RequestBody Suspension s) {
        return onboarding.suspend(id, s.reason());
    }

    @DeleteMapping("/api/v1/tenants/{id}/suspension")
    Tenants.Entry resume(@PathVariable UUID id) {
        return onboarding.resume(id);
    }

    @PutMapping("/api/v1/tenants/{id}/limits")
    Tenants.Entry limit(@PathVariable UUID id, @RequestBody Limits l) {
        return onboarding.limit(id, l.maxUsers(), l.maxAccounts());
    }
}
