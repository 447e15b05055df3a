package io.candor.workbench;

import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.portal.PortalLinks;
import io.candor.tenancy.Tenants;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's portal links on the account 360 (loaded into the page by htmx): each link's state, and revoking a
 * live one, which ends every portal session opened through it. An unknown or another tenant's account is refused
 * before these run (portfolio's AccountScope).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER')")
class PortalLinkPages {

    private final PortalLinks links;
    private final Tenants tenants;

    PortalLinkPages(PortalLinks links, Tenants tenants) {
        this.links = links;
        this.tenants = tenants;
    }

    @GetMapping("/workbench/accounts/{id}/portal-links")
    String list(@PathVariable UUID id, Model model) {
        model.addAttribute("account", id);
        model.addAttribute("links", links.ofAccount(id));
        model.addAttribute("zone", tenants.find(CurrentUser.get().tenantId()).orElseThrow().timeZone());
        return "workbench/portal-links :: links";
    }

    @PostMapping("/workbench/accounts/{id}/portal-links/{link}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID link,
            RedirectAttributes flash) {
        links.revoke(link, CurrentUser.get().username(), "REVOKED");
        flash.addFlashAttribute("done", "link-revoked");
        return "redirect:/workbench/accounts/" + id;
    }
}
