package io.candor.compliance.policy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.candor.compliance.RulePacks;
import io.candor.identity.CurrentUser;
import io.candor.tenancy.Tenants;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The rule packs and the tenant's policy layers, for compliance officers, auditors and supervisors. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class CompliancePage {

    private final RulePacks packs;
    private final PolicyLayers layers;

    private final Tenants tenants;

    CompliancePage(RulePacks packs, PolicyLayers layers, Tenants tenants) {
        this.packs = packs;
        this.layers = layers;
        this.tenants = tenants;
    }

    @GetMapping("/compliance")
    String compliance(Model model) {
        List<PoliciesApi.VersionView> versions = layers.all().stream().map(PoliciesApi.VersionView::of).toList();
        // the version of each layer in effect on the tenant's business date, as the gate and the planner apply it:
        // the newest one already effective (versions come newest first)
        LocalDate today = tenants.businessDate(CurrentUser.get().tenantId());
        Set<String> layersSeen = new HashSet<>();
        Set<String> inEffect = new HashSet<>();
        for (PoliciesApi.VersionView v : versions) {
            if (!v.effectiveFrom().isAfter(today) && layersSeen.add(v.scope() + ":" + v.creditor())) {
                inEffect.add(v.scope() + ":" + v.creditor() + ":" + v.version());
            }
        }
        model.addAttribute("packs", packs.all().stream().map(p -> new PackView(p.jurisdiction(), p.name(),
                p.version(), p.effectiveFrom(), p.rules().stream().map(PoliciesApi.RuleView::of).toList())).toList());
        model.addAttribute("versions", versions);
        model.addAttribute("inEffect", inEffect);
        return "compliance";
    }

    record PackView(String jurisdiction, String name, String version, LocalDate effectiveFrom,
                    List<PoliciesApi.RuleView> rules) {
    }
}
