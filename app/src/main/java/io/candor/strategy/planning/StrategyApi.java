package io.candor.strategy.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.NotFoundException;
import io.candor.strategy.StrategyProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Strategy files (validate, publish, list) and planning runs. */
@RestController
class StrategyApi {

    /** The outcome of a validation: valid when no problem is an error. */
    record Validation(boolean valid, List<StrategyProblem> problems) {
    }

    /** Which business date to plan (the tenant's business date when absent). */
    record RunRequest(@Nullable LocalDate date) {
    }

    /** A what-if: a draft strategy file (the version in effect when absent) and the date to plan. */
    record WhatIfRequest(@Nullable String definition, @Nullable LocalDate date) {
    }

    /** Promote a variant: why, and from when (the next business day when absent). */
    record PromotionRequest(String variant, String reason, @Nullable LocalDate effectiveFrom,
                            @Nullable String complaintOverride) {
    }

    private final StrategyVersions versions;
    private final PlanRuns runs;
    private final WhatIf whatIf;
    private final VariantResults results;
    private final Promotions promotions;

    StrategyApi(StrategyVersions versions, PlanRuns runs, WhatIf whatIf, VariantResults results, Promotions promotions) {
        this.versions = versions;
        this.runs = runs;
        this.whatIf = whatIf;
        this.results = results;
        this.promotions = promotions;
    }

    @PostMapping("/api/v1/strategies/validate")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
    Validation validate(@RequestBody String file) {
        List<StrategyProblem> problems = versions.validate(file);
        return new Validation(problems.stream().noneMatch(p -> p.severity() == StrategyProblem.Severity.ERROR), problems);
    }

    @PostMapping("/api/v1/strategies")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<StrategyVersions.Version> publish(@RequestBody String file) {
        return ResponseEntity.status(201).body(versions.publish(file, CurrentUser.get().username()));
    }

    @GetMapping("/api/v1/strategies")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<StrategyVersions.Version> all() {
        return versions.all();
    }

    @PostMapping("/api/v1/strategy/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    PlanRuns.Run run(@RequestBody(required = false) @Nullable RunRequest request) {
        return runs.run(request == null ? null : request.date(), CurrentUser.get().username());
    }

    @PostMapping("/api/v1/strategy/what-if")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
    WhatIf.Forecast whatIf(@RequestBody(required = false) @Nullable WhatIfRequest request) {
        return request == null ? whatIf.forecast(null, null) : whatIf.forecast(request.definition(), request.date());
    }

    @GetMapping("/api/v1/strategy/results")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    VariantResults.Results results(@RequestParam(required = false) @Nullable String strategy) {
        return results.of(strategy);
    }

    @PostMapping("/api/v1/strategies/{name}/promotions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<StrategyVersions.Version> promote(@PathVariable String name, @RequestBody PromotionRequest request) {
        return ResponseEntity.status(201).body(promotions.promote(name, request.variant(), request.reason(),
                request.effectiveFrom(), request.complaintOverride(), CurrentUser.get().username()));
    }

    @GetMapping("/api/v1/strategy/runs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AUDITOR')")
    PlanRuns.Run find(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("planning run", id));
    }
}
