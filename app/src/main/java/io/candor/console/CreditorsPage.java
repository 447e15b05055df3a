package io.candor.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.candor.compliance.RulePacks;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.InvalidInputException;
import io.candor.portfolio.Creditors;
import io.candor.portfolio.LedgerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The creditors whose accounts the organisation collects: a name and the jurisdictions whose law governs their
 * accounts, with a warning for a jurisdiction Candor has no rule pack for (contacts there are refused: the gate fails
 * closed).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class CreditorsPage {

    /** A creditor with the jurisdictions among its own that no shipped rule pack covers. */
    record Row(Creditors.Creditor creditor, List<String> uncovered) {
    }

    private final Creditors creditors;
    private final LedgerSettings ledger;

    CreditorsPage(Creditors creditors, LedgerSettings ledger) {
        this.creditors = creditors;
        this.ledger = ledger;
    }

    @GetMapping("/console/creditors")
    String page(Model model) {
        model.addAttribute("creditors", creditors.all().stream().map(c -> new Row(c, uncovered(c.jurisdictions())))
                .toList());
        model.addAttribute("shipped", RulePacks.SHIPPED);
        model.addAttribute("schemes", ledger.bucketSchemes());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("form", Map.of("code", "", "name", "", "jurisdictions", "CN", "debtorsHearCalls", "false",
                    "keepRecordingsYears", ""));
        }
        return "console/creditors";
    }

    @PostMapping("/console/creditors")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String jurisdictions,
            @RequestParam(defaultValue = "false") boolean debtorsHearCalls,
            @RequestParam(defaultValue = "") String keepRecordingsYears, Model model, RedirectAttributes redirect) {
        List<String> codes = Arrays.stream(jurisdictions.split("[,，;\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            Creditors.Creditor saved = creditors.put(code, name, codes, debtorsHearCalls, years(keepRecordingsYears));
            redirect.addFlashAttribute("saved", saved.code());
            return "redirect:/console/creditors";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.byField());
            model.addAttribute("summary", e.getMessage());
            model.addAttribute("form", Map.of("code", code, "name", name, "jurisdictions", jurisdictions,
                    "debtorsHearCalls", Boolean.toString(debtorsHearCalls), "keepRecordingsYears", keepRecordingsYears));
            return page(model);
        }
    }

    /** The years typed in the form: blank is the law's minimum; what is no whole number is refused by its range. */
    private static Integer years(String typed) {
        if (typed.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Sets a product's bucket bounds (M1 to M6). */
    @PostMapping("/console/bucket-schemes/{product}")
    @PreAuthorize("hasRole('ADMIN')")
    String buckets(@PathVariable String product, @RequestParam List<String> bound, RedirectAttributes redirect) {
        try {
            List<Integer> bounds = bound.stream().map(b -> Integer.valueOf(b.strip())).toList();
            ledger.setBucketScheme(product, bounds);
            redirect.addFlashAttribute("bucketsSaved", product);
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("bucketProblem", product + ": " + bound);
            redirect.addFlashAttribute("bucketProduct", product);
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("bucketProblem", e.getMessage());
            redirect.addFlashAttribute("bucketProduct", product);
        }
        return "redirect:/console/creditors#buckets";
    }

    private static List<String> uncovered(List<String> jurisdictions) {
        return jurisdictions.stream().filter(j -> !covered(j)).toList();
    }

    private static boolean covered(@Nullable String jurisdiction) {
        if (jurisdiction == null) {
            return false;
        }
        String country = jurisdiction.contains("-") ? jurisdiction.substring(0, jurisdiction.indexOf('-')) : jurisdiction;
        return RulePacks.SHIPPED.contains(country);
    }
}
