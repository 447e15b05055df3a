package io.candor.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.candor.arrangement.ArrangementPolicies;
import io.candor.arrangement.Kind;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Policy;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Creditors;
import io.candor.portfolio.LedgerSettings;
import io.candor.portfolio.Payments;
import io.candor.portfolio.Placement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One creditor's policies: the payment waterfall, and per product the bounds of what may be arranged (discount,
 * tenor, smallest instalment, hardship buffer, grace) with the approval matrix — what each offerer may agree
 * without approval. And the organisation's bucket scheme per product. Problems are shown beside their fields.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class CreditorPolicyPage {

    /** The products a policy can be set for: each, or {@code *} for every product without its own. */
    static final List<String> PRODUCTS = products();

    private final Creditors creditors;
    private final LedgerSettings ledger;
    private final ArrangementPolicies policies;

    CreditorPolicyPage(Creditors creditors, LedgerSettings ledger, ArrangementPolicies policies) {
        this.creditors = creditors;
        this.ledger = ledger;
        this.policies = policies;
    }

    @GetMapping("/console/creditors/{code}")
    String page(@PathVariable String code, @RequestParam(defaultValue = "*") String product, Model model) {
        Creditors.Creditor creditor = creditors.one(code).orElseThrow(() -> new NotFoundException("creditor", code));
        model.addAttribute("creditor", creditor);
        model.addAttribute("waterfall", ledger.waterfall(creditor.code()));
        model.addAttribute("components", Payments.Component.values());
        model.addAttribute("product", PRODUCTS.contains(product) ? product : "*");
        model.addAttribute("products", PRODUCTS);
        if (!model.containsAttribute("policy")) {
            model.addAttribute("policy", policies.of(creditor.code(), PRODUCTS.contains(product) ? product : "*"));
        }
        model.addAttribute("offerers", Offerer.values());
        model.addAttribute("kinds", Kind.values());
        return "console/creditor";
    }

    @PostMapping("/console/creditors/{code}/waterfall")
    @PreAuthorize("hasRole('ADMIN')")
    String waterfall(@PathVariable String code, @RequestParam List<Payments.Component> order,
            RedirectAttributes redirect) {
        try {
            ledger.setWaterfall(code, order);
            redirect.addFlashAttribute("doneKey", "policy.waterfallSaved");
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("waterfallProblem", e.getMessage());
        }
        return "redirect:/console/creditors/" + code;
    }

    @PostMapping("/console/creditors/{code}/arrangement-policy")
    @PreAuthorize("hasRole('ADMIN')")
    String arrangementPolicy(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> f = form.toSingleValueMap();
        MultiKinds kinds = kinds(form);
        String product = f.getOrDefault("product", "*");
        List<String> problems = new ArrayList<>();
        Map<Offerer, Policy.Authority> authority = new EnumMap<>(Offerer.class);
        for (Offerer o : Offerer.values()) {
            authority.put(o, new Policy.Authority(decimal(f, "auth." + o + ".discountPct", problems),
                    whole(f, "auth." + o + ".tenorMonths", problems), kinds.of(o)));
        }
        Policy p = new Policy(decimal(f, "maxDiscountPct", problems), whole(f, "maxTenorMonths", problems),
                whole(f, "minInstalmentMinor", problems), whole(f, "maxBufferDays", problems),
                whole(f, "graceDays", problems), authority);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The arrangement policy is not valid.", problems);
            }
            policies.put(code, product, p, CurrentUser.get().username());
            redirect.addFlashAttribute("doneKey", "policy.arrangementSaved");
            return "redirect:/console/creditors/" + code + "?product=" + product;
        } catch (InvalidInputException e) {
            model.addAttribute("policyProblems", e.problems().stream().map(String::valueOf).toList());
            model.addAttribute("policy", p);
            return page(code, product, model);
        }
    }

    private static BigDecimal decimal(Map<String, String> f, String field, List<String> problems) {
        try {
            return new BigDecimal(f.getOrDefault(field, "").strip());
        } catch (NumberFormatException e) {
            problems.add(field + " must be a number, e.g. 10 or 12.5");
            return BigDecimal.ZERO;
        }
    }

    private static int whole(Map<String, String> f, String field, List<String> problems) {
        try {
            return Integer.parseInt(f.getOrDefault(field, "").strip());
        } catch (NumberFormatException e) {
            problems.add(field + " must be a whole number");
            return 0;
        }
    }

    /** The kinds each offerer may agree, from the checkboxes named {@code kinds.<OFFERER>}. */
    record MultiKinds(Map<Offerer, Set<Kind>> byOfferer) {

        Set<Kind> of(Offerer o) {
            return byOfferer.getOrDefault(o, Set.of());
        }
    }

    private static List<String> products() {
        List<String> all = new ArrayList<>(List.of("*"));
        for (Placement.Product p : Placement.Product.values()) {
            all.add(p.name());
        }
        return List.copyOf(all);
    }

    static MultiKinds kinds(MultiValueMap<String, String> form) {
        Map<Offerer, Set<Kind>> by = new EnumMap<>(Offerer.class);
        for (Offerer o : Offerer.values()) {
            Set<Kind> k = EnumSet.noneOf(Kind.class);
            for (String v : form.getOrDefault("kinds." + o, List.of())) {
                try {
                    k.add(Kind.valueOf(v));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("Unknown kind of arrangement '" + v + "'.");
                }
            }
            by.put(o, k);
        }
        return new MultiKinds(by);
    }
}
