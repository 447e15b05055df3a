package io.candor.compliance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant's or a creditor's own rules on top of the shipped packs. A layer can only add rules, and every rule
 * can only refuse a contact, so a layer can only ever be stricter: a window wider than the pack's changes
 * nothing, because the pack's window still applies. Versions are immutable; the newest version whose
 * {@code effectiveFrom} has come applies.
 *
 * @param jurisdictions where the layer applies ({@code CN}, {@code BR-SP}); empty means everywhere
 */
public record PolicyLayer(Scope scope, String creditor, int version, LocalDate effectiveFrom,
                          Set<String> jurisdictions, String reason, List<Rule> rules) {

    /** Whose layer: the whole tenant, or the accounts of one creditor. */
    public enum Scope { TENANT, CREDITOR }

    private static final Pattern RULE_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    public PolicyLayer {
        jurisdictions = Set.copyOf(jurisdictions);
        rules = List.copyOf(rules);
    }

    /** Whether the layer applies to a contact in {@code jurisdiction} (a layer for {@code BR} applies in BR-SP). */
    public boolean appliesIn(String jurisdiction) {
        String code = jurisdiction.strip().toUpperCase(Locale.ROOT);
        int dash = code.indexOf('-');
        return jurisdictions.isEmpty() || jurisdictions.contains(code)
                || (dash > 0 && jurisdictions.contains(code.substring(0, dash)));
    }

    /**
     * Reads a layer definition:
     * {@code {"effectiveFrom":"2026-12-01","jurisdictions":["CN"],"reason":"…","rules":[…pack rules…]}}. A rule's
     * {@code confidence} defaults to {@code POLICY}. Throws {@link IllegalArgumentException} with a message that
     * says what to fix.
     *
     * @param reserved rule ids of the shipped packs, which a layer may not reuse
     */
    public static PolicyLayer parse(Scope scope, String creditor, int version, JsonNode definition,
            Set<String> reserved) {
        if (definition == null || !definition.isObject()) {
            throw new IllegalArgumentException("Send the layer as a JSON object with effectiveFrom, reason and rules.");
        }
        LocalDate from;
        try {
            from = LocalDate.parse(textOf(definition, "effectiveFrom"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("effectiveFrom must be an ISO date such as 2026-12-01.");
        }
        String reason = textOf(definition, "reason").strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new IllegalArgumentException("reason must say why the layer changes (1 to 500 characters).");
        }
        Set<String> jurisdictions = new TreeSet<>();
        for (JsonNode j : definition.path("jurisdictions")) {
            String code = j.asString().strip().toUpperCase(Locale.ROOT);
            if (!JURISDICTION.matcher(code).matches()) {
                throw new IllegalArgumentException("jurisdictions: '" + j.asString()
                        + "' is not an ISO 3166 code such as CN or BR-SP.");
            }
            jurisdictions.add(code);
        }
        JsonNode rulesNode = definition.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw new IllegalArgumentException("rules must be a non-empty array of rules in the rule-pack format.");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode r : rulesNode) {
            String id = r.path("id").asString("");
            if (!RULE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Rule id '" + id
                        + "' must be 2 to 64 upper-case letters, digits or dashes, e.g. ACME-CN-EVENING.");
            }
            if (reserved.contains(id) || !seen.add(id)) {
                throw new IllegalArgumentException("Rule id '" + id + "' is already used"
                        + (reserved.contains(id) ? " by a shipped rule pack" : " in this layer") + ": choose another.");
            }
            if (r instanceof ObjectNode o && !o.has("confidence")) {
                o.put("confidence", "POLICY");
            }
        }
        List<Rule> rules;
        try {
            rules = RulePacks.rules(rulesNode, scope == Scope.TENANT ? "tenant layer" : "layer of creditor " + creditor);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new PolicyLayer(scope, creditor, version, from, jurisdictions, reason, rules);
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("'" + field + "' is missing: the layer needs effectiveFrom, reason and rules.");
        }
        return v.asString();
    }
}
