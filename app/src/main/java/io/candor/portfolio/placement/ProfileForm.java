package io.candor.portfolio.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.candor.platform.web.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * An import profile as the console's form writes it: one mapping a line ({@code 合同号 = creditor_ref},
 * {@code product: 信用卡 = CREDIT_CARD}, {@code country = CN}), one date pattern a line, the separator by name.
 */
record ProfileForm(String name, String creditor, String columns, String dateFormats, String amountsIn, String values,
                   String defaults, String encoding, String delimiter) {

    /** A field the browser did not send is empty. */
    ProfileForm {
        name = orEmpty(name);
        creditor = orEmpty(creditor);
        columns = orEmpty(columns);
        dateFormats = orEmpty(dateFormats);
        amountsIn = orEmpty(amountsIn);
        values = orEmpty(values);
        defaults = orEmpty(defaults);
        encoding = orEmpty(encoding);
        delimiter = orEmpty(delimiter);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** The profile the form describes, and what in it could not be read, by field. */
    record Read(ImportProfile profile, List<FieldProblem> problems) {
    }

    /** The separators offered by name; anything else is typed as the character itself. */
    static final List<String> DELIMITERS = List.of(",", ";", "|", "TAB");

    static ProfileForm blank() {
        return new ProfileForm("", "", "", "yyyy-MM-dd", "MAJOR", "", "", "", ",");
    }

    static ProfileForm of(String name, ImportProfile p) {
        String values = p.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(c -> c.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(v -> c.getKey() + ": " + v.getKey() + " = " + v.getValue()))
                .collect(Collectors.joining("\n"));
        Character d = p.delimiter();
        return new ProfileForm(name, p.creditor() == null ? "" : p.creditor(), lines(p.columns()),
                String.join("\n", p.dateFormats()), p.amountsIn().name(), values, lines(p.defaults()),
                p.encoding() == null ? "" : p.encoding(), d == null ? "," : d == '\t' ? "TAB" : d.toString());
    }

    Read read() {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> columnMap = pairs("columns", columns, problems);
        Map<String, String> defaultMap = pairs("defaults", defaults, problems);
        Map<String, Map<String, String>> valueMap = new LinkedHashMap<>();
        int n = 0;
        for (String line : values.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            int eq = line.indexOf('=', Math.max(colon, 0));
            if (colon < 1 || eq < colon + 2) {
                problems.add(new FieldProblem("values", "Line " + n + " '" + line.strip()
                        + "': write column: value in the file = Candor's value, e.g. product: 信用卡 = CREDIT_CARD."));
                continue;
            }
            valueMap.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                    .put(line.substring(colon + 1, eq).strip(), line.substring(eq + 1).strip());
        }
        ImportProfile.AmountUnit unit = "MINOR".equals(amountsIn) ? ImportProfile.AmountUnit.MINOR
                : ImportProfile.AmountUnit.MAJOR;
        List<String> formats = dateFormats.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        ImportProfile profile = new ImportProfile(creditor.isBlank() ? null : creditor.strip(), columnMap, formats, unit,
                valueMap, defaultMap, encoding.isBlank() ? null : encoding.strip(), separator(problems));
        problems.addAll(ImportProfiles.problems(name.strip(), profile));
        return new Read(profile, problems);
    }

    private @Nullable Character separator(List<FieldProblem> problems) {
        if (delimiter.isEmpty() || delimiter.equals(",")) {
            return null;
        }
        if (delimiter.equals("TAB")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            problems.add(new FieldProblem("delimiter", "A field separator is one character, e.g. ; or |, or TAB."));
            return null;
        }
        return delimiter.charAt(0);
    }

    /** {@code left = right} lines; the left side is a file's header (kept as written) or a canonical column. */
    private static Map<String, String> pairs(String field, String text, List<FieldProblem> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            if (eq < 1 || eq == line.length() - 1 || line.substring(0, eq).isBlank()) {
                problems.add(new FieldProblem(field, "Line " + n + " '" + line.strip() + "': write "
                        + (field.equals("columns") ? "the file's header = a canonical column, e.g. 合同号 = creditor_ref."
                        : "a canonical column = its value, e.g. country = CN.")));
                continue;
            }
            String left = line.substring(0, eq).strip();
            String right = line.substring(eq + 1).strip();
            map.put(field.equals("columns") ? left : left.toLowerCase(Locale.ROOT),
                    field.equals("columns") ? right.toLowerCase(Locale.ROOT) : right);
        }
        return map;
    }

    private static String lines(Map<String, String> map) {
        return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
