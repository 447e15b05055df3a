package io.candor.console;

import io.candor.identity.CandorPrincipal;
import io.candor.identity.CurrentUser;
import io.candor.identity.Role;
import io.candor.portfolio.Accounts;
import io.candor.tenancy.Tenants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page after sign-in. */
@Controller
class HomePage {

    private final Tenants tenants;
    private final Accounts accounts;

    HomePage(Tenants tenants, Accounts accounts) {
        this.tenants = tenants;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Model model) {
        CandorPrincipal user = CurrentUser.get();
        model.addAttribute("user", user);
        model.addAttribute("tenant", tenants.find(user.tenantId()).orElseThrow());
        model.addAttribute("buckets", accounts.countByBucket());
        return "home";
    }

    /** The operations console opens on imports for those who run them, the search for collectors, else the creditors. */
    @GetMapping("/console")
    String console() {
        CandorPrincipal user = CurrentUser.get();
        if (user.has(Role.ADMIN) || user.has(Role.SUPERVISOR)) {
            return "redirect:/console/imports";
        }
        return user.has(Role.COLLECTOR) ? "redirect:/console/accounts" : "redirect:/console/creditors";
    }
}
