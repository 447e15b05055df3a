package io.candor.scoring.model;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A training table: feature columns, numeric or categorical, with missing values kept as such (NaN, null), and the
 * target as bad/good. Read from CSV with every problem reported in terms of the file: the column, the row, the fix.
 */
public record Dataset(List<Column> columns, boolean[] bad) {

    /** Cells read as missing. */
    static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");
    /** Fewest rows, and fewest of each class, a model is trained on. */
    public static final int MIN_ROWS = 50;
    public static final int MIN_PER_CLASS = 10;

    /** One feature: numbers (NaN: missing) or labels (null: missing). */
    public sealed interface Column {
        String name();

        int missing();

        record Numeric(String name, double[] values) implements Column {
            @Override
            public int missing() {
                int n = 0;
                for (double v : values) {
                    n += Double.isNaN(v) ? 1 : 0;
                }
                return n;
            }
        }

        record Categorical(String name, @Nullable String[] values) implements Column {
            @Override
            public int missing() {
                int n = 0;
                for (String v : values) {
                    n += v == null ? 1 : 0;
                }
                return n;
            }
        }
    }

    public int rows() {
        return bad.length;
    }

    public int bads() {
        int n = 0;
        for (boolean b : bad) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The table without one column (e.g. the time column of an out-of-time split). */
    public Dataset without(String name) {
        return new Dataset(columns.stream().filter(c -> !c.name().equals(name)).toList(), bad);
    }

    /** Row indices ordered by a column (numbers by value, labels as text — ISO dates sort right; missing first). */
    public int[] orderBy(String name) {
        Column c = columns.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() -> new DataException(
                "There is no column '" + name + "' to order by; the columns are "
                        + columns.stream().map(Column::name).toList() + "."));
        Comparator<Integer> order = switch (c) {
            case Column.Numeric n -> Comparator.comparingDouble(i -> Double.isNaN(n.values()[i])
                    ? Double.NEGATIVE_INFINITY : n.values()[i]);
            case Column.Categorical k -> Comparator.comparing(i -> k.values()[i] == null ? "" : k.values()[i]);
        };
        return IntStream.range(0, rows()).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
    }

    /** The rows {@code index} of this table, in that order. */
    public Dataset subset(int[] index) {
        List<Column> cols = new ArrayList<>();
        for (Column c : columns) {
            cols.add(switch (c) {
                case Column.Numeric n -> {
                    double[] v = new double[index.length];
                    for (int i = 0; i < index.length; i++) {
                        v[i] = n.values()[index[i]];
                    }
                    yield new Column.Numeric(n.name(), v);
                }
                case Column.Categorical k -> {
                    String[] v = new String[index.length];
                    for (int i = 0; i < index.length; i++) {
                        v[i] = k.values()[index[i]];
                    }
                    yield new Column.Categorical(k.name(), v);
                }
            });
        }
        boolean[] b = new boolean[index.length];
        for (int i = 0; i < index.length; i++) {
            b[i] = bad[index[i]];
        }
        return new Dataset(cols, b);
    }

    /**
     * Reads a CSV with a header row. A column whose every present value is a number is numeric; one where most
     * are numbers but some are not is refused (garbage in a numeric column), naming the first bad cell.
     *
     * @throws DataException with what to fix
     */
    public static Dataset fromCsv(Reader in, String target, String badValue) throws IOException {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .get().parse(in)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new DataException("The file is not valid CSV with a header row: " + e.getMessage());
        }
        if (!header.contains(target)) {
            throw new DataException("There is no target column '" + target + "'; the columns are " + header
                    + ". Pass --target with one of them.");
        }
        if (records.size() < MIN_ROWS) {
            throw new DataException("The file has " + records.size() + " data rows; a model needs at least " + MIN_ROWS
                    + " (and " + MIN_PER_CLASS + " of each class).");
        }
        for (CSVRecord r : records) {
            if (!r.isConsistent()) {
                throw new DataException("Row " + (r.getRecordNumber() + 1) + " has " + r.size() + " cells but the header "
                        + "has " + header.size() + "; fix that row.");
            }
        }
        boolean[] bad = new boolean[records.size()];
        Set<String> seen = new LinkedHashSet<>();
        int bads = 0;
        for (int i = 0; i < bad.length; i++) {
            String v = records.get(i).get(target);
            if (MISSING.contains(v)) {
                throw new DataException("The target '" + target + "' is missing in row " + (i + 2)
                        + "; every row needs it (drop rows without an outcome before training).");
            }
            seen.add(v);
            bad[i] = v.equals(badValue);
            bads += bad[i] ? 1 : 0;
        }
        if (bads == 0) {
            throw new DataException("No row has " + target + " = '" + badValue + "'; the values are " + seen
                    + ". Pass --bad with the value that marks a bad outcome.");
        }
        if (bads == bad.length) {
            throw new DataException("Every row has " + target + " = '" + badValue + "': the target has one class, "
                    + "so there is nothing to learn. Check --target and --bad.");
        }
        if (bads < MIN_PER_CLASS || bad.length - bads < MIN_PER_CLASS) {
            throw new DataException("The target has " + bads + " bad and " + (bad.length - bads) + " good rows; a model "
                    + "needs at least " + MIN_PER_CLASS + " of each.");
        }
        List<Column> columns = new ArrayList<>();
        for (String name : header) {
            if (!name.equals(target)) {
                columns.add(column(name, records));
            }
        }
        if (columns.isEmpty()) {
            throw new DataException("The file has no columns besides the target.");
        }
        return new Dataset(columns, bad);
    }

    private static Column column(String name, List<CSVRecord> records) {
        double[] numbers = new double[records.size()];
        int present = 0;
        int numeric = 0;
        int firstBad = -1;
        for (int i = 0; i < numbers.length; i++) {
            String v = records.get(i).get(name);
            if (MISSING.contains(v)) {
                numbers[i] = Double.NaN;
                continue;
            }
            present++;
            try {
                numbers[i] = Double.parseDouble(v);
                if (!Double.isFinite(numbers[i])) {
                    throw new NumberFormatException();
                }
                numeric++;
            } catch (NumberFormatException e) {
                numbers[i] = Double.NaN;
                if (firstBad < 0) {
                    firstBad = i;
                }
            }
        }
        if (present == 0) {
            throw new DataException("Column '" + name + "' is empty in every row; remove it from the file.");
        }
        if (numeric == present) {
            return new Column.Numeric(name, numbers);
        }
        if (numeric >= 0.9 * present) {
            throw new DataException(String.format(Locale.ROOT, "Column '%s' is numeric in %d of %d rows but row %d "
                    + "holds '%s'; correct that cell or leave it empty (missing).", name, numeric, present,
                    firstBad + 2, records.get(firstBad).get(name)));
        }
        String[] labels = new String[records.size()];
        for (int i = 0; i < labels.length; i++) {
            String v = records.get(i).get(name);
            labels[i] = MISSING.contains(v) ? null : v;
        }
        return new Column.Categorical(name, labels);
    }
}
