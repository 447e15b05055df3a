package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.candor.identity.CurrentUser;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.InvalidInputException;
import io.candor.scoring.ModelRegistry;
import io.candor.strategy.Constraint;
import io.candor.strategy.Dimension;
import io.candor.strategy.Experiment;
import io.candor.strategy.Segment;
import io.candor.strategy.Strategy;
import io.candor.strategy.TreatmentPath;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The strategy in effect as a flow (hand-offs, then segments in order with their conditions, paths and steps, and
 * what each variant changes), the latest planning run, and the champion/challenger results with promotion.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class StrategyPage {

    /** A segment as shown: its place, conditions in words, and the path it leads to. */
    record SegmentView(int order, String id, List<String> conditions, String path, int tier,
                       Map<String, String> variants) {
    }

    private final StrategyVersions versions;
    private final PlanRuns runs;
    private final VariantResults results;
    private final Promotions promotions;
    private final Tenants tenants;
    private final ModelRegistry models;
    private final StarterStrategy starter;

    StrategyPage(StrategyVersions versions, PlanRuns runs, VariantResults results, Promotions promotions,
            Tenants tenants, ModelRegistry models, StarterStrategy starter) {
        this.models = models;
        this.starter = starter;
        this.versions = versions;
        this.runs = runs;
        this.results = results;
        this.promotions = promotions;
        this.tenants = tenants;
    }

    @GetMapping("/strategy")
    String strategy(Model model) {
        LocalDate today = tenants.businessDate(TenantContext.require());
        model.addAttribute("today", today);
        model.addAttribute("versions", versions.all());
        versions.inEffect(today).ifPresent(active -> {
            Strategy s = active.strategy();
            model.addAttribute("active", active);
            model.addAttribute("strategy", s);
            model.addAttribute("segments", segments(s));
            model.addAttribute("paths", s.paths().values().stream()
                    .sorted(Comparator.comparing(TreatmentPath::tier).thenComparing(TreatmentPath::id)).toList());
            model.addAttribute("results", results.of(null));
        });
        runs.latest().ifPresent(run -> model.addAttribute("run", run));
        models.inUse().flatMap(m -> models.find(m.id())).ifPresent(m -> model.addAttribute("scoringModel", m));
        return "strategy";
    }

    @PostMapping("/strategy/promotions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String promote(@RequestParam String strategy, @RequestParam String variant, @RequestParam String reason,
            @RequestParam(required = false) @Nullable String complaintOverride, RedirectAttributes redirect) {
        try {
            StrategyVersions.Version v = promotions.promote(strategy, variant, reason, null, complaintOverride,
                    CurrentUser.get().username());
            redirect.addFlashAttribute("promoted", v);
        } catch (BadRequestException | io.candor.platform.web.ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/strategy";
    }

    /** Publishes Candor's default strategy for an organisation that has none (and a team of its collectors). */
    @PostMapping("/strategy/starter")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String start(RedirectAttributes redirect) {
        try {
            starter.install(CurrentUser.get().username());
            redirect.addFlashAttribute("started", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problems", e.problems().stream().map(String::valueOf).toList());
        }
        return "redirect:/strategy";
    }

    /** Plans the business date now (a no-op when it is planned already), as the nightly run would. */
    @PostMapping("/strategy/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String run(RedirectAttributes redirect) {
        try {
            PlanRuns.Run run = runs.run(null, CurrentUser.get().username());
            redirect.addFlashAttribute("ran", run.businessDate());
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/strategy#run";
    }

    private static List<SegmentView> segments(Strategy s) {
        List<SegmentView> out = new ArrayList<>();
        int order = 0;
        for (Segment segment : s.segments()) {
            List<String> conditions = segment.when().constraints().entrySet().stream()
                    .map(e -> describe(e.getKey(), e.getValue())).toList();
            Map<String, String> variants = new LinkedHashMap<>();
            for (Experiment.Variant v : s.experiment().variants()) {
                String path = v.paths().get(segment.id());
                if (path != null) {
                    variants.put(v.name(), path);
                }
            }
            out.add(new SegmentView(++order, segment.id(), conditions, segment.path(),
                    Objects.requireNonNull(s.paths().get(segment.path()), segment.path()).tier().number(), variants));
        }
        return out;
    }

    /** A condition in the file's own terms: {@code bucket ∈ {M4, M5}}, {@code attemptsWithoutContact ≥ 6}. */
    static String describe(Dimension d, Constraint c) {
        return switch (c) {
            case Constraint.In in when d.kind() == Dimension.Kind.FLAG ->
                    in.values().contains("true") ? d.key() : "not " + d.key();
            case Constraint.In in -> d.key() + " ∈ {" + String.join(", ", new TreeSet<>(in.values())) + "}";
            case Constraint.NotIn out -> d.key() + " ∉ {" + String.join(", ", new TreeSet<>(out.values())) + "}";
            case Constraint.Range r when r.min() == Long.MIN_VALUE -> d.key() + " ≤ " + number(d, r.max());
            case Constraint.Range r when r.max() == Long.MAX_VALUE -> d.key() + " ≥ " + number(d, r.min());
            case Constraint.Range r -> number(d, r.min()) + " ≤ " + d.key() + " ≤ " + number(d, r.max());
        };
    }

    private static String number(Dimension d, long n) {
        return d.kind() == Dimension.Kind.AMOUNT
                ? BigDecimal.valueOf(n, Dimension.AMOUNT_SCALE).stripTrailingZeros().toPlainString()
                : Long.toString(n);
    }
}
