package io.candor.portfolio.placement;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * A creditor file read as rows of text cells, streaming: CSV (UTF-8 or GB18030, declared or detected) or
 * XLSX (first sheet; cell values as text, formulas never evaluated). Anything else is refused whole.
 */
final class TabularFile implements AutoCloseable {

    /** One data row: its line (CSV) or row number (XLSX), its cells, and its text for the quarantine. */
    record Row(long line, List<String> cells, String raw) {
    }

    /** The whole file is unusable; the message says why and what to do. */
    static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message);
        }
    }

    static final int MAX_CELL = 4_000;
    private static final int SNIFF = 64 * 1024;

    private final List<String> header;
    private final Iterator<Row> rows;
    private final AutoCloseable resource;
    private final String format;
    private final LongSupplier bytesRead;

    private TabularFile(List<String> header, Iterator<Row> rows, AutoCloseable resource, String format,
            LongSupplier bytesRead) {
        this.header = header;
        this.rows = rows;
        this.resource = resource;
        this.format = format;
        this.bytesRead = bytesRead;
    }

    /** How many bytes of the file have been read (CSV; 0 for XLSX, whose rows come from a zip). */
    long bytesRead() {
        return bytesRead.getAsLong();
    }

    boolean isWorkbook() {
        return format.equals("XLSX");
    }

    static TabularFile open(Path file, ImportProfile profile) throws IOException {
        byte[] head = sniff(file);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return xlsx(file);
        }
        for (byte b : head) {
            if (b == 0) {
                throw new UnreadableFile("The file is neither CSV nor XLSX (it contains binary data). "
                        + "Export the placement as CSV (UTF-8 or GB18030) or as an .xlsx workbook.");
            }
        }
        return csv(file, charset(head, profile.encoding()), profile.separator());
    }

    List<String> header() {
        return header;
    }

    Iterator<Row> rows() {
        return rows;
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }

    private static byte[] sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF);
        }
    }

    /** The declared encoding, or UTF-8 when the start of the file decodes as UTF-8, else GB18030. */
    static Charset charset(byte[] head, @Nullable String declared) {
        if (declared != null && !declared.isBlank()) {
            try {
                return Charset.forName(declared.strip());
            } catch (IllegalArgumentException e) {
                throw new UnreadableFile("Unknown encoding '" + declared + "': use UTF-8 or GB18030.");
            }
        }
        if (decodes(head, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        Charset gb = Charset.forName("GB18030");
        if (decodes(head, gb)) {
            return gb;
        }
        int bad = firstMalformed(head, StandardCharsets.UTF_8);
        if (bad >= head.length) {
            throw new UnreadableFile("The file is neither UTF-8 nor GB18030 text. Save it as CSV in UTF-8 or GB18030.");
        }
        // UTF-8 text with a byte that is not (or text in no encoding Candor reads): say where
        int line = 1;
        int column = 1;
        for (int i = 0; i < bad; i++) {
            if (head[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        throw new UnreadableFile("Line " + line + " is not valid UTF-8 text: byte " + (column) + " of the line is 0x"
                + String.format("%02X", head[bad] & 0xFF) + ". Save the whole file in one encoding (UTF-8 or GB18030), "
                + "or declare it with encoding=.");
    }

    /** Where strict decoding first fails (the length when it does not). */
    private static int firstMalformed(byte[] bytes, Charset charset) {
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        var result = d.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /** Decodes strictly, forgiving only a character cut at the end of the sample. */
    private static boolean decodes(byte[] bytes, Charset charset) {
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        var result = d.decode(in, out, false);
        return !result.isError() && in.remaining() < 4;
    }

    private static TabularFile csv(Path file, Charset charset, char separator) throws IOException {
        AtomicLong counted = new AtomicLong();
        InputStream in = new BufferedInputStream(new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    counted.addAndGet(n);
                }
                return n;
            }
        }, 1 << 16);
        Reader reader = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrim(false).get().parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            parser.close();
            throw new UnreadableFile("The file is empty: it needs a header row and at least one data row.");
        }
        List<String> header = new ArrayList<>(records.next().toList());
        if (!header.isEmpty()) {
            header.set(0, header.getFirst().replace("\uFEFF", "")); // a byte-order mark
        }
        Iterator<Row> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw unreadable(Objects.requireNonNullElse(e.getCause(), new IOException(e)), parser.getCurrentLineNumber(),
                            charset);
                }
            }

            @Override
            public Row next() {
                try {
                    CSVRecord r = records.next();
                    List<String> cells = r.toList();
                    return new Row(parser.getCurrentLineNumber(), cells, csvLine(cells, separator));
                } catch (UncheckedIOException e) {
                    throw unreadable(Objects.requireNonNullElse(e.getCause(), new IOException(e)), parser.getCurrentLineNumber(),
                            charset);
                }
            }
        };
        return new TabularFile(header, rows, parser, "CSV/" + charset.name(), counted::get);
    }

    private static UnreadableFile unreadable(IOException e, long line, Charset charset) {
        if (e instanceof CharacterCodingException) {
            return new UnreadableFile("Line " + (line + 1) + " is not valid " + charset.name()
                    + " text. Save the whole file in one encoding (UTF-8 or GB18030), or declare it with encoding=.");
        }
        return new UnreadableFile("The CSV cannot be read near line " + (line + 1) + ": " + e.getMessage());
    }

    private static TabularFile xlsx(Path file) throws IOException {
        ReadableWorkbook workbook;
        Sheet sheet;
        try {
            workbook = new ReadableWorkbook(file.toFile());
            sheet = workbook.getFirstSheet();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile("The file looks like a ZIP archive but is not a readable .xlsx workbook ("
                    + e.getMessage() + "). Export the placement as .xlsx or CSV.");
        }
        Iterator<org.dhatim.fastexcel.reader.Row> it = sheet.openStream().iterator();
        if (!it.hasNext()) {
            workbook.close();
            throw new UnreadableFile("The workbook's first sheet is empty: it needs a header row and data rows.");
        }
        List<String> header = cells(it.next());
        Iterator<Row> rows = new Iterator<>() {
            org.dhatim.fastexcel.reader.@Nullable Row pending = advance();

            private org.dhatim.fastexcel.reader.@Nullable Row advance() {
                while (it.hasNext()) {
                    org.dhatim.fastexcel.reader.Row r = it.next();
                    if (cells(r).stream().anyMatch(c -> !c.isBlank())) {
                        return r;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Row next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                org.dhatim.fastexcel.reader.Row r = pending;
                pending = advance();
                List<String> cells = cells(r);
                return new Row(r.getRowNum(), cells, csvLine(cells, ','));
            }
        };
        return new TabularFile(header, rows, workbook, "XLSX", () -> 0L);
    }

    /** Cell text as written: formulas as their text (never evaluated), numbers without exponent notation. */
    private static List<String> cells(org.dhatim.fastexcel.reader.Row row) {
        String[] out = new String[row.getCellCount()];
        Arrays.fill(out, "");
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell c = row.getCell(i);
            if (c == null) {
                continue;
            }
            out[c.getColumnIndex() < out.length ? c.getColumnIndex() : i] = switch (c.getType()) {
                case FORMULA -> "=" + c.getFormula();
                case NUMBER -> c.asNumber().stripTrailingZeros().toPlainString();
                case EMPTY -> "";
                default -> c.getText() == null ? "" : c.getText();
            };
        }
        return List.of(out);
    }

    /** A row as one CSV line, for the quarantine. */
    static String csvLine(List<String> cells, char separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(separator);
            }
            String c = cells.get(i);
            if (c.indexOf(separator) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
