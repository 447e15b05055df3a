package io.candor.operator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.InvalidInputException;
import io.candor.tenancy.Tenant;
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
 * The platform operator's pages: the organisations with their state, a new organisation (problems shown beside their
 * fields, nothing created when there is one), one organisation's figures, suspension and limits; platform health.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class OperatorPages {

    private final Onboarding onboarding;
    private final PlatformHealth health;

    OperatorPages(Onboarding onboarding, PlatformHealth health) {
        this.onboarding = onboarding;
        this.health = health;
    }

    @GetMapping("/operator/tenants")
    String tenants(Model model) {
        model.addAttribute("tenants", onboarding.all().stream().filter(t -> t.kind() != Tenant.Kind.PLATFORM).toList());
        model.addAttribute("health", health.now());
        model.addAttribute("kinds", List.of(Tenant.Kind.LENDER, Tenant.Kind.AGENCY));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Onboarding.NewTenant("", "", "LENDER", "CNY", "Asia/Shanghai", "zh-CN",
                    new Onboarding.Admin("admin", "", "", "")));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return "operator/tenants";
    }

    @PostMapping("/operator/tenants")
    String create(@RequestParam Map<String, String> f, Model model, RedirectAttributes redirect) {
        Onboarding.NewTenant form = new Onboarding.NewTenant(f.get("slug"), f.get("name"), f.get("kind"),
                f.get("reportingCurrency"), f.get("timeZone"), f.get("locale"), new Onboarding.Admin(
                f.get("adminUsername"), f.get("adminDisplayName"), blankToNull(f.get("adminEmail")),
                f.get("adminPassword")));
        try {
            Tenant t = onboarding.create(form);
            redirect.addFlashAttribute("created", t.slug());
            return "redirect:/operator/tenants/" + t.id();
        } catch (InvalidInputException e) {
            return again(model, form, e.byField(), String.valueOf(e.getMessage()));
        } catch (ConflictException e) {
            return again(model, form, Map.of("slug", String.valueOf(e.getMessage())), String.valueOf(e.getMessage()));
        }
    }

    private String again(Model model, Onboarding.NewTenant form, Map<String, String> problems, String summary) {
        model.addAttribute("form", new Onboarding.NewTenant(form.slug(), form.name(), form.kind(),
                form.reportingCurrency(), form.timeZone(), form.locale(), new Onboarding.Admin(
                form.admin() == null ? "" : form.admin().username(),
                form.admin() == null ? "" : form.admin().displayName(),
                form.admin() == null ? "" : form.admin().email(), "")));
        model.addAttribute("problems", problems);
        model.addAttribute("summary", summary);
        return tenants(model);
    }

    @GetMapping("/operator/tenants/{id}")
    String tenant(@PathVariable UUID id, Model model) {
        model.addAttribute("details", onboarding.details(id));
        return "operator/tenant";
    }

    @PostMapping("/operator/tenants/{id}/suspension")
    String suspend(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            onboarding.suspend(id, reason);
            redirect.addFlashAttribute("done", "operator.suspended");
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator/tenants/" + id;
    }

    @PostMapping("/operator/tenants/{id}/resumption")
    String resume(@PathVariable UUID id, RedirectAttributes redirect) {
        onboarding.resume(id);
        redirect.addFlashAttribute("done", "operator.resumed");
        return "redirect:/operator/tenants/" + id;
    }

    @PostMapping("/operator/tenants/{id}/limits")
    String limits(@PathVariable UUID id, @RequestParam(required = false) @Nullable String maxUsers,
            @RequestParam(required = false) @Nullable String maxAccounts, RedirectAttributes redirect) {
        try {
            onboarding.limit(id, number("maxUsers", maxUsers), number("maxAccounts", maxAccounts));
            redirect.addFlashAttribute("done", "operator.limitsSet");
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator/tenants/" + id;
    }

    private static @Nullable Integer number(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(field + " must be a whole number, or empty for no limit; got '" + value + "'.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
