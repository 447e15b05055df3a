package io.candor.portfolio.placement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How one creditor's files map onto the canonical columns: header names, date formats, amounts in major or
 * minor units (yuan or fen), value mappings (e.g. {@code 信用卡 → CREDIT_CARD}) and defaults.
 *
 * @param creditor   the creditor code accounts are placed for (default: the tenant's own)
 * @param columns    file header → canonical column name; canonical headers always work
 * @param dateFormats patterns tried in order (java.time syntax), default ISO {@code yyyy-MM-dd}
 * @param amountsIn  {@code MAJOR} (1234.50) or {@code MINOR} (123450 fen)
 * @param values     canonical column → (file value → canonical value)
 * @param defaults   canonical column → value used when the file has none
 * @param encoding   {@code UTF-8}, {@code GB18030}, or null to detect
 * @param delimiter  the CSV field separator, default comma
 */
record ImportProfile(@Nullable String creditor, Map<String, String> columns, List<String> dateFormats,
                            AmountUnit amountsIn, Map<String, Map<String, String>> values,
                            Map<String, String> defaults, @Nullable String encoding, @Nullable Character delimiter) {

    /** Amounts as decimal major units or as integer minor units. */
    public enum AmountUnit { MAJOR, MINOR }

    public static final ImportProfile CANONICAL = new ImportProfile(null, Map.of(), List.of("yyyy-MM-dd"),
            AmountUnit.MAJOR, Map.of(), Map.of(), null, null);

    public ImportProfile {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        dateFormats = dateFormats == null || dateFormats.isEmpty() ? List.of("yyyy-MM-dd") : List.copyOf(dateFormats);
        amountsIn = amountsIn == null ? AmountUnit.MAJOR : amountsIn;
        values = values == null ? Map.of() : Map.copyOf(values);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    /** The canonical column a file header stands for, if any. */
    public Optional<CanonicalColumn> columnFor(String header) {
        String mapped = columns.get(header.strip());
        return CanonicalColumn.byHeader(mapped != null ? mapped : header);
    }

    /** A file value after the profile's value mapping. */
    public String mapValue(CanonicalColumn column, String value) {
        Map<String, String> m = values.get(column.header());
        return m == null ? value : m.getOrDefault(value, value);
    }

    public @Nullable String defaultFor(CanonicalColumn column) {
        return defaults.get(column.header());
    }

    public char separator() {
        return delimiter == null ? ',' : delimiter;
    }
}
