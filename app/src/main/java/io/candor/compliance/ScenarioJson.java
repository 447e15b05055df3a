package io.candor.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if contract: scenarios in, results out, as JSON objects (one per line for the CLI). See
 * docs/compliance.md for the fields.
 */
public final class ScenarioJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScenarioJson() {
    }

    /** A scenario from its JSON; a problem names the field to fix. */
    public static Scenario parse(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("a scenario must be a JSON object");
        }
        List<ZoneId> zones = new ArrayList<>();
        JsonNode many = n.get("timeZones");
        if (many != null && many.isArray()) {
            many.forEach(z -> zones.add(zone(z.asString())));
        } else if (n.hasNonNull("timeZone")) {
            for (String z : n.get("timeZone").asString().split(",")) {
                if (!z.isBlank()) {
                    zones.add(zone(z.strip()));
                }
            }
        }
        List<Contact> history = new ArrayList<>();
        JsonNode h = n.get("history");
        if (h != null && !h.isNull()) {
            if (!h.isArray()) {
                throw new IllegalArgumentException("history must be an array of earlier contacts");
            }
            int i = 0;
            for (JsonNode c : h) {
                String at = "history[" + i++ + "]";
                history.add(new Contact(instant(c, "at", at), enumOf(Channel.class, c, "channel", at),
                        enumOf(Party.class, c, "party", at), text(c, "contactPoint"), enumOf(Outcome.class, c, "outcome", at)));
            }
        }
        Set<Hold> holds = EnumSet.noneOf(Hold.class);
        JsonNode hs = n.get("holds");
        if (hs != null && !hs.isNull()) {
            hs.forEach(x -> holds.add(enumValue(Hold.class, x.asString(), "holds")));
        }
        Set<String> consents = new LinkedHashSet<>();
        JsonNode cs = n.get("consents");
        if (cs != null && !cs.isNull()) {
            cs.forEach(x -> consents.add(x.asString()));
        }
        Set<String> qualifications = new LinkedHashSet<>();
        JsonNode qs = n.get("qualifications");
        if (qs != null && !qs.isNull()) {
            qs.forEach(x -> qualifications.add(x.asString()));
        }
        return new Scenario(required(n, "id"), required(n, "jurisdiction"), zones, instant(n, "at", ""),
                enumOf(Channel.class, n, "channel", ""), enumOf(Party.class, n, "party", ""), text(n, "contactPoint"),
                history, holds, consents, qualifications);
    }

    /** The result object: id, decision, rules, nextAllowedAt (in the scenario's first time zone, or null). */
    public static Map<String, Object> result(Scenario s, Decision d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        switch (d) {
            case Decision.Allow a -> {
                out.put("decision", "ALLOW");
                out.put("rules", List.of());
                out.put("nextAllowedAt", null);
            }
            case Decision.Deny deny -> {
                out.put("decision", "DENY");
                out.put("rules", deny.rules());
                out.put("nextAllowedAt", deny.nextAllowedAt() == null || s.timeZones().isEmpty() ? null
                        : OffsetDateTime.ofInstant(deny.nextAllowedAt(), s.timeZones().getFirst()).toString());
            }
        }
        return out;
    }

    /** Evaluates JSON lines: one result line per input line; a bad line yields {"line":N,"error":…}. */
    public static int evaluateLines(BufferedReader in, PrintStream out, ComplianceEvaluator evaluator) throws IOException {
        int line = 0;
        int errors = 0;
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            Map<String, Object> result;
            try {
                Scenario s = parse(JSON.readTree(text));
                result = result(s, evaluator.evaluate(s));
            } catch (JacksonException e) {
                errors++;
                result = error(line, "not valid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException | DateTimeException e) {
                errors++;
                result = error(line, Objects.requireNonNullElse(e.getMessage(), e.toString()));
            }
            out.println(JSON.writeValueAsString(result));
        }
        return errors;
    }

    /** JSON text of a result or trace. */
    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Map<String, Object> error(int line, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("line", line);
        out.put("error", message);
        return out;
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return v;
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode n, String field, String at) {
        String name = at.isEmpty() ? field : at + "." + field;
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("'" + name + "' is required (ISO 8601 with offset, e.g. 2026-03-02T21:30:00+08:00)");
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + name + "' is not an ISO 8601 time with offset: " + v);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode n, String field, String at) {
        String name = at.isEmpty() ? field : at + "." + field;
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("'" + name + "' is required: one of " + List.of(type.getEnumConstants()));
        }
        return enumValue(type, v, name);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v, String name) {
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is " + v + ", not one of " + List.of(type.getEnumConstants()));
        }
    }

    private static ZoneId zone(String z) {
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time zone '" + z + "' is not an IANA zone id (e.g. Asia/Shanghai)");
        }
    }
}
