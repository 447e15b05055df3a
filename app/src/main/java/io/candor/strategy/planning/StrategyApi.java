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

    private final StrategyVersions versions;
    private final PlanRuns runs;

    StrategyApi(StrategyVersions versions, PlanRuns runs) {
        this.versions = versions;
        this.runs = runs;
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

    @GetMapping("/api/v1/strategy/runs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AUDITOR')")
    PlanRuns.Run find(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("planning run", id));
    }
}
