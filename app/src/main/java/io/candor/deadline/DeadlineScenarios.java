package io.candor.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if contract of the deadline engine, one JSON object a case: in
 * {@code {"id","kind":"COMPLAINT","jurisdiction","receivedAt","timeZone"?,"complexity"?}}, out
 * {@code {"id","summaryResolutionBy","responseBy","finalResponseBy","rules":[…]}} — each a local date or null. The day
 * of receipt is the local date of {@code receivedAt} in {@code timeZone}, else as {@code receivedAt} is written. A
 * case that cannot be read is refused with what to fix; in a file of lines, {@code {"line":N,"error":"…"}} and the
 * rest go on.
 */
public final class DeadlineScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeadlineScenarios() {
    }

    /** One case's deadlines as the contract writes them; a problem throws naming the field to fix. */
    public static Map<String, @Nullable Object> evaluate(DeadlineEngine engine, JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("a case must be a JSON object");
        }
        String id = text(n, "id");
        DeadlineKind kind = choice(DeadlineKind.class, text(n, "kind"), "kind");
        String jurisdiction = text(n, "jurisdiction");
        String at = text(n, "receivedAt");
        OffsetDateTime received;
        try {
            received = OffsetDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("receivedAt '" + at + "' is not a date and time with its offset, "
                    + "e.g. 2026-03-02T10:15:00+08:00 (" + e.getMessage() + ")");
        }
        LocalDate day = received.toLocalDate();
        if (n.hasNonNull("timeZone")) {
            String z = n.get("timeZone").asString();
            try {
                day = received.atZoneSameInstant(ZoneId.of(z)).toLocalDate();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("timeZone '" + z + "' is not a time zone, e.g. Asia/Shanghai");
            }
        }
        Complexity complexity = n.hasNonNull("complexity")
                ? choice(Complexity.class, n.get("complexity").asString(), "complexity") : Complexity.STANDARD;
        Deadlines d = engine.deadline(kind, jurisdiction, day, complexity);
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("summaryResolutionBy", string(d.summaryResolutionBy()));
        out.put("responseBy", string(d.responseBy()));
        out.put("finalResponseBy", string(d.finalResponseBy()));
        out.put("rules", d.rules());
        return out;
    }

    /** A file of cases, one a line, to one answer a line; blank lines are skipped (and counted). */
    public static void evaluateLines(BufferedReader in, PrintStream out, DeadlineEngine engine) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, @Nullable Object> answer;
            try {
                answer = evaluate(engine, JSON.readTree(line));
            } catch (JacksonException e) {
                answer = error(number, "not JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                answer = error(number, String.valueOf(e.getMessage()));
            }
            out.println(JSON.writeValueAsString(answer));
        }
        out.flush();
    }

    private static Map<String, @Nullable Object> error(int line, String message) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("line", line);
        m.put("error", message);
        return m;
    }

    private static @Nullable String string(@Nullable LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainer() || v.asString().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return v.asString();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
