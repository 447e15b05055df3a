package io.candor.compliance.web;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.candor.compliance.Channel;
import io.candor.compliance.ComplianceEvaluator;
import io.candor.compliance.ContentLinter;
import io.candor.compliance.PolicyLayer;
import io.candor.compliance.RulePack;
import io.candor.compliance.RulePacks;
import io.candor.compliance.Scenario;
import io.candor.compliance.ScenarioJson;
import io.candor.compliance.policy.PolicyLayers;
import io.candor.platform.web.BadRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What-if evaluation over REST, and the rule packs for compliance officers; the engine's beans. The web and Spring
 * side of the compliance engine, kept apart from its pure rules (io.candor.compliance: no Spring, no SQL).
 */
@RestController
@RequestMapping("/api/v1/compliance")
class ComplianceApi {

    private final RulePacks packs;
    private final ComplianceEvaluator evaluator;
    private final PolicyLayers policies;
    private final ContentLinter linter = ContentLinter.shipped();

    ComplianceApi(RulePacks packs, ComplianceEvaluator evaluator, PolicyLayers policies) {
        this.policies = policies;
        this.packs = packs;
        this.evaluator = evaluator;
    }

    /**
     * A JSON array of scenarios → an array of results in the same order (a bad one → {"index","error"}). The
     * tenant's policy layers in effect on each scenario's date apply, and a creditor's when the scenario names one
     * ({@code "creditor":"ACME"}); {@code layers=false} evaluates the shipped packs alone.
     */
    @PostMapping("/evaluate")
    List<Map<String, Object>> evaluate(@RequestBody JsonNode scenarios,
            @RequestParam(defaultValue = "true") boolean layers) {
        if (!scenarios.isArray()) {
            throw new BadRequestException("Send a JSON array of scenarios.");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : scenarios) {
            try {
                Scenario s = ScenarioJson.parse(n);
                List<PolicyLayer> applied = !layers ? List.of() : policies.inEffectRecently(
                        n.path("creditor").isString() ? n.get("creditor").asString() : null,
                        s.at().atZone(s.localZone()).toLocalDate());
                out.add(ScenarioJson.result(s, evaluator.evaluate(s, applied)));
            } catch (IllegalArgumentException | DateTimeException e) {
                out.add(Map.of("index", i, "error", e.getMessage()));
            }
            i++;
        }
        return out;
    }

    /** Checks a template; {@code approvable} only when nothing was found. */
    @PostMapping("/lint")
    Map<String, Object> lint(@RequestBody @Valid LintRequest r) {
        if (r.purpose() != null && !ContentLinter.PURPOSES.contains(r.purpose())) {
            throw new BadRequestException("purpose '" + r.purpose() + "' is not one of "
                    + ContentLinter.PURPOSES + "; leave it out for an ordinary message.");
        }
        List<ContentLinter.Finding> findings = linter.lint(new ContentLinter.Template(r.jurisdiction(), r.channel(),
                r.locale(), r.text(), r.purpose()));
        return Map.of("approvable", findings.isEmpty(), "findings", findings);
    }

    record LintRequest(@NotBlank String jurisdiction,
                       @NotNull Channel channel,
                       @NotBlank String locale,
                       @NotNull String text,
                       @Nullable String purpose) {
    }

    @GetMapping("/packs")
    List<RulePack> packs() {
        return packs.all();
    }

    /** The engine as beans: packs loaded once at start-up (a broken pack stops the start). */
    @Configuration(proxyBeanMethods = false)
    static class Engine {

        @Bean
        RulePacks rulePacks() {
            return RulePacks.shipped();
        }

        @Bean
        ComplianceEvaluator complianceEvaluator(RulePacks packs) {
            return new ComplianceEvaluator(packs);
        }
    }
}
