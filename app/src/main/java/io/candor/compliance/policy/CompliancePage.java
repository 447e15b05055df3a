package io.candor.compliance.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.candor.compliance.RulePacks;
import io.candor.identity.CurrentUser;
import io.candor.platform.Failures;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.portfolio.Creditors;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rule packs and the tenant's policy layers, for compliance officers, auditors and supervisors; administrators
 * and compliance officers publish a new version of the organisation's layer or of a creditor's here, starting from
 * the version they change, with each problem beside its field.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class CompliancePage {

    /** The layer the form publishes to. */
    static final String TENANT = "TENANT";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXAMPLE_RULES = """
            [
              {"id": "OWN-CN-EVENING", "type": "QUIET_HOURS", "source": "Board decision",
               "allowed": {"MON-SUN": [["08:00", "19:00"]]}, "channels": ["VOICE_HUMAN", "VOICE_AI"]}
            ]""";

    private final RulePacks packs;
    private final PolicyLayers layers;
    private final Tenants tenants;
    private final Creditors creditors;

    CompliancePage(RulePacks packs, PolicyLayers layers, Tenants tenants, Creditors creditors) {
        this.packs = packs;
        this.layers = layers;
        this.tenants = tenants;
        this.creditors = creditors;
    }

    @GetMapping("/compliance")
    String compliance(@RequestParam(required = false) @Nullable String layer, Model model) {
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
        model.addAttribute("creditors", creditors.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", startingFrom(layer == null ? TENANT : layer, versions, today));
            model.addAttribute("problems", Map.of());
        }
        return "compliance";
    }

    /** Publishes a new version of the chosen layer; on a problem the form comes back as typed, nothing published. */
    @PostMapping("/compliance/layers")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE_OFFICER')")
    String publish(@RequestParam(defaultValue = TENANT) String layer, @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(defaultValue = "") String jurisdictions, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String rules, Model model, RedirectAttributes redirect) {
        Map<String, String> form = form(layer, effectiveFrom, jurisdictions, reason, rules);
        Map<String, String> problems = new LinkedHashMap<>();
        ObjectNode definition = JSON.createObjectNode();
        try {
            definition.put("effectiveFrom", LocalDate.parse(effectiveFrom.strip()).toString());
        } catch (DateTimeParseException e) {
            problems.put("effectiveFrom", "Give the first day the layer applies as a date, e.g. "
                    + tenants.businessDate(CurrentUser.get().tenantId()) + ".");
        }
        if (reason.isBlank()) {
            problems.put("reason", "Say why the layer changes (1 to 500 characters): the reason is kept with the version.");
        }
        definition.put("reason", reason.strip());
        var codes = definition.putArray("jurisdictions");
        Arrays.stream(jurisdictions.split("[,，;\\s]+")).filter(s -> !s.isBlank())
                .forEach(j -> codes.add(j.strip().toUpperCase(Locale.ROOT)));
        try {
            JsonNode parsed = JSON.readTree(rules.isBlank() ? "[]" : rules);
            if (!parsed.isArray()) {
                problems.put("rules", "Write the rules as a JSON array: [ {\"id\": …, \"type\": …}, … ].");
            }
            definition.set("rules", parsed);
        } catch (JacksonException e) {
            problems.put("rules", "The rules are not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")") + ".");
        }
        if (problems.isEmpty()) {
            try {
                PolicyLayers.Version v = layers.publish(layer.equals(TENANT) ? null : layer, definition,
                        CurrentUser.get().username());
                redirect.addFlashAttribute("published", v.layer().version());
                return "redirect:/compliance#layers";
            } catch (BadRequestException e) {
                String message = Failures.messageOf(e);
                problems.put(fieldOf(message), message);
            } catch (ConflictException e) {
                problems.put("rules", e.getMessage());
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("summary", problems.size());
        return compliance(null, model);
    }

    /** The field a layer's refusal is about: its messages begin with the field's name when it is not a rule. */
    private static String fieldOf(String message) {
        for (String field : List.of("effectiveFrom", "reason", "jurisdictions")) {
            if (message.startsWith(field) || message.startsWith("'" + field)) {
                return field;
            }
        }
        return "rules";
    }

    /** A form for a new version of {@code layer}: the newest version's content, or an example for a first one. */
    private static Map<String, String> startingFrom(String layer, List<PoliciesApi.VersionView> versions, LocalDate today) {
        for (PoliciesApi.VersionView v : versions) {
            String key = v.creditor() == null ? TENANT : v.creditor();
            if (key.equals(layer)) {
                JsonNode d = v.definition();
                return form(layer, today.toString(), String.join(", ", v.jurisdictions()), "",
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d.path("rules")));
            }
        }
        return form(layer, today.toString(), "", "", EXAMPLE_RULES);
    }

    private static Map<String, String> form(String layer, String effectiveFrom, String jurisdictions, String reason,
            String rules) {
        return Map.of("layer", layer, "effectiveFrom", effectiveFrom, "jurisdictions", jurisdictions, "reason", reason,
                "rules", rules);
    }

    record PackView(String jurisdiction, String name, String version, LocalDate effectiveFrom,
                    List<PoliciesApi.RuleView> rules) {
    }
}
