package io.candor.portfolio.placement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.candor.privacy.Masking;
import org.jspecify.annotations.Nullable;

/**
 * A rejected row's text as the quarantine keeps it: a bounded prefix of the raw text (a 50 MB line is not kept whole),
 * and the same row with its personal data masked, cell by cell, for the people who fix files but may not see
 * identity numbers, phones, e-mail addresses, bank accounts or birth dates.
 */
final class RejectedText {

    /** How much of a rejected row's text is kept. */
    static final int KEPT = 2_000;

    private static final Set<CanonicalColumn> PERSONAL = EnumSet.of(CanonicalColumn.NATIONAL_ID,
            CanonicalColumn.BIRTH_DATE, CanonicalColumn.PHONE, CanonicalColumn.EMAIL, CanonicalColumn.BANK_ACCOUNT,
            CanonicalColumn.GUARANTOR_NATIONAL_ID, CanonicalColumn.GUARANTOR_PHONE);
    /** Long digit runs (phones, identity and account numbers, possibly spaced or dashed) and e-mail addresses. */
    private static final Pattern LOOKS_PERSONAL = Pattern.compile(
            "[^\\s,;@']+@[^\\s,;@']+|(?<!\\d)(?!\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d))\\+?\\d(?:[ -]?\\d){6,}[0-9Xx]?");

    private final Map<CanonicalColumn, Integer> index;
    private final int columns;

    /** For a file whose header maps these canonical columns, of {@code columns} columns in all. */
    RejectedText(Map<CanonicalColumn, Integer> index, int columns) {
        this.index = Map.copyOf(index);
        this.columns = columns;
    }

    /** For files with no personal columns known (payments, rates): the digit-run and e-mail masking only. */
    static RejectedText unmapped() {
        return new RejectedText(Map.of(), 0);
    }

    /** The raw text, cut to {@link #KEPT} characters with a note of how long it was. */
    static String bounded(String raw) {
        return raw.length() <= KEPT ? raw : raw.substring(0, KEPT) + "… [cut: the row is " + raw.length()
                + " characters long]";
    }

    /** The row with every personal cell masked; bounded like the raw text. */
    String masked(TabularFile.Row row) {
        if (index.isEmpty() || row.cells().size() != columns) {
            // cells out of place: mask whatever looks like a number or an address anywhere
            return bounded(maskLooksPersonal(row.raw()));
        }
        List<String> cells = new ArrayList<>(row.cells());
        for (Map.Entry<CanonicalColumn, Integer> e : index.entrySet()) {
            int i = e.getValue();
            if (PERSONAL.contains(e.getKey()) && i < cells.size() && !cells.get(i).isBlank()) {
                cells.set(i, mask(e.getKey(), cells.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size() && out.length() <= KEPT; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        return bounded(out.toString());
    }

    private static String mask(CanonicalColumn column, String value) {
        String v = value.strip();
        return switch (column) {
            case PHONE, GUARANTOR_PHONE -> Masking.phone(v);
            case EMAIL -> Masking.email(v);
            case BANK_ACCOUNT -> Masking.bankAccount(v.length() >= 4 ? v.substring(v.length() - 4) : "****");
            case BIRTH_DATE -> v.length() >= 4 && v.substring(0, 4).chars().allMatch(Character::isDigit)
                    ? v.substring(0, 4) + "-**-**" : "*".repeat(v.length());
            default -> Masking.nationalId(v);
        };
    }

    /** Digit runs and e-mail addresses in free text, masked as staff see such values. */
    static String maskLooksPersonal(@Nullable String text) {
        if (text == null) {
            return "";
        }
        Matcher m = LOOKS_PERSONAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(found.contains("@") ? Masking.email(found)
                    : Masking.nationalId(found)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
