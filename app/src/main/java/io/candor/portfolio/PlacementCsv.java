package io.candor.portfolio;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Writes placement rows as a canonical placement CSV (docs/placement-format.md), UTF-8. */
public final class PlacementCsv {

    public static final List<String> HEADER = List.of("creditor_ref", "product", "debtor_name", "debtor_type",
            "national_id", "birth_date", "phone", "email", "address", "region", "country", "language", "currency",
            "principal", "interest", "fees", "penalty", "due_date", "dpd", "bank_account");

    private PlacementCsv() {
    }

    public static byte[] of(List<Placement.Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 200);
        write(rows, out);
        return out.toByteArray();
    }

    public static void write(Iterable<Placement.Row> rows, OutputStream out) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            line(w, HEADER);
            for (Placement.Row r : rows) {
                line(w, cells(r));
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> cells(Placement.Row r) {
        List<String> c = new ArrayList<>(HEADER.size());
        c.add(r.creditorRef());
        c.add(r.product().name());
        c.add(r.debtorName());
        c.add(r.company() ? "COMPANY" : "PERSON");
        c.add(text(r.nationalId()));
        c.add(date(r.birthDate()));
        c.add(text(r.phone()));
        c.add(text(r.email()));
        c.add(text(r.address()));
        c.add(text(r.region()));
        c.add(r.country());
        c.add(r.language());
        c.add(r.currency().getCurrencyCode());
        c.add(r.principal().toPlainString());
        c.add(r.interest().toPlainString());
        c.add(r.fees().toPlainString());
        c.add(r.penalty().toPlainString());
        c.add(date(r.dueDate()));
        c.add(Integer.toString(r.dpd()));
        c.add(text(r.bankAccount()));
        return c;
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = cells.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write('\n');
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String date(@Nullable LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
