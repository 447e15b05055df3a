package io.candor.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule packs shipped in the build ({@code compliance/packs/*.json}), one per jurisdiction, every rule with
 * its source and confidence. A subdivision pack ({@code BR-SP}) applies on top of its country's ({@code BR}).
 */
public final class RulePacks {

    /** The jurisdictions shipped; each has compliance/packs/<code>.json. */
    public static final List<String> SHIPPED = List.of("CN", "US", "GB", "EU", "BR", "BR-SP", "BR-RJ", "BR-ES",
            "BR-AL", "BR-AM", "ID", "IN", "PH", "MX", "VN", "TH", "AU");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Channel> ALL_BUT_LETTER = EnumSet.complementOf(EnumSet.of(Channel.LETTER));

    private final Map<String, RulePack> packs;

    private RulePacks(Map<String, RulePack> packs) {
        this.packs = packs;
    }

    /** Loads the packs of the build; a broken pack stops with a message naming the pack and the rule. */
    public static RulePacks shipped() {
        Map<String, RulePack> packs = new LinkedHashMap<>();
        for (String code : SHIPPED) {
            String path = "/compliance/packs/" + code + ".json";
            try (InputStream in = RulePacks.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("rule pack " + path + " is missing from the build");
                }
                packs.put(code, parse(code, JSON.readTree(in)));
            } catch (IOException e) {
                throw new IllegalStateException("rule pack " + path + " cannot be read: " + e.getMessage(), e);
            }
        }
        return new RulePacks(packs);
    }

    public List<RulePack> all() {
        return List.copyOf(packs.values());
    }

    /** The rules that apply in a jurisdiction ({@code CN}, {@code BR-SP}, {@code US-NY}); empty when unknown. */
    public Optional<List<Rule>> rulesFor(String jurisdiction) {
        String code = jurisdiction.strip().toUpperCase(Locale.ROOT);
        String country = code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
        RulePack base = packs.get(country);
        if (base == null) {
            return Optional.empty();
        }
        List<Rule> rules = new ArrayList<>(base.rules());
        if (!code.equals(country) && packs.containsKey(code)) {
            rules.addAll(packs.get(code).rules());
        }
        return Optional.of(rules);
    }

    static RulePack parse(String code, JsonNode pack) {
        String where = "rule pack " + code;
        return new RulePack(code, text(pack, "name", where), text(pack, "version", where),
                LocalDate.parse(text(pack, "effectiveFrom", where)), rules(required(pack, "rules", where), where));
    }

    /** Every rule id of the shipped packs (policy layers may not reuse them). */
    public Set<String> ruleIds() {
        Set<String> ids = new TreeSet<>();
        packs.values().forEach(p -> p.rules().forEach(r -> ids.add(r.id())));
        return ids;
    }

    /** Parses rules in the pack format; a broken rule throws {@link IllegalStateException} naming it. */
    static List<Rule> rules(JsonNode array, String where) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : array) {
            String id = text(r, "id", where);
            String at = where + ", rule " + id;
            try {
                rules.add(rule(r, id, at));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new IllegalStateException(at + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }

    private static Rule rule(JsonNode r, String id, String at) {
        Rule.Source source = new Rule.Source(text(r, "source", at), text(r, "confidence", at));
        return switch (text(r, "type", at)) {
            case "QUIET_HOURS" -> new QuietHours(id, source, week(required(r, "allowed", at), at),
                    dates(r.get("holidays")), windows(r.get("onHolidays")), channels(r.get("channels"), at),
                    optional(r, "waivedBy"));
            case "FREQUENCY" -> new FrequencyCap(id, source,
                    FrequencyCap.Counted.valueOf(text(r, "counted", at)),
                    FrequencyCap.Scope.valueOf(text(r, "scope", at)),
                    FrequencyCap.Window.parse(text(r, "window", at)), required(r, "max", at).asInt(),
                    channels(r.get("channels"), at));
            case "QUIET_AFTER_CONVERSATION" -> new QuietAfterConversation(id, source,
                    required(r, "days", at).asInt(), channels(r.get("channels"), at));
            case "HOLDS" -> new HoldStop(id, source);
            case "THIRD_PARTY" -> new ThirdPartyContact(id, source, optional(r, "waivedBy"));
            case "CONSENT" -> new ConsentRequired(id, source, channels(r.get("channels"), at),
                    text(r, "consent", at), r.path("mobileOnly").asBoolean(false));
            case "QUALIFICATION" -> new Qualification(id, source, channels(r.get("channels"), at),
                    text(r, "qualification", at));
            default -> throw new IllegalStateException(at + ": unknown type " + r.get("type")
                    + " (QUIET_HOURS, FREQUENCY, QUIET_AFTER_CONVERSATION, HOLDS, THIRD_PARTY, CONSENT, QUALIFICATION)");
        };
    }

    /** {"MON-FRI": [["08:00","20:00"]], "SAT": [["08:00","14:00"]]}; days not named allow nothing. */
    private static Map<DayOfWeek, List<TimeWindow>> week(JsonNode node, String at) {
        Map<DayOfWeek, List<TimeWindow>> week = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String[] range = e.getKey().split("-");
            DayOfWeek from = day(range[0], at);
            DayOfWeek to = range.length > 1 ? day(range[1], at) : from;
            for (int d = from.getValue(); d <= to.getValue(); d++) {
                week.put(DayOfWeek.of(d), windows(e.getValue()));
            }
        }
        return week;
    }

    private static DayOfWeek day(String s, String at) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(s.toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalStateException(at + ": '" + s + "' is not a weekday (MON … SUN)");
    }

    private static List<TimeWindow> windows(@Nullable JsonNode node) {
        List<TimeWindow> out = new ArrayList<>();
        if (node != null) {
            for (JsonNode w : node) {
                out.add(TimeWindow.parse(w.get(0).asString(), w.get(1).asString()));
            }
        }
        return out;
    }

    private static Set<LocalDate> dates(@Nullable JsonNode node) {
        Set<LocalDate> out = new TreeSet<>();
        if (node != null) {
            node.forEach(d -> out.add(LocalDate.parse(d.asString())));
        }
        return out;
    }

    private static Set<Channel> channels(@Nullable JsonNode node, String at) {
        if (node == null || (node.isString() && node.asString().equals("ALL_BUT_LETTER"))) {
            return ALL_BUT_LETTER;
        }
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        node.forEach(c -> out.add(Channel.valueOf(c.asString())));
        if (out.isEmpty()) {
            throw new IllegalStateException(at + ": channels is empty");
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalStateException(at + ": '" + field + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String at) {
        return required(node, field, at).asString();
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
