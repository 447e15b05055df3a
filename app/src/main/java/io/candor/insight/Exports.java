package io.candor.insight;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.candor.platform.web.SpreadsheetText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Dashboard tables as Excel workbooks, written row by row to the response (fastexcel streams; nothing is held in
 * memory). Text that a spreadsheet could read as a formula (starting with = + - @ or a control character) is
 * written with a leading apostrophe.
 */
final class Exports {

    private Exports() {
    }

    /** A cell's text, never a formula. */
    static String safe(String s) {
        return SpreadsheetText.safe(s);
    }

    private interface Rows {
        void write(Worksheet ws) throws IOException;
    }

    /** The workbook's labels in the reader's language: its own ({@code export.*}) and the dashboard's KPI names. */
    interface Labels {
        String message(String key);

        default String of(String key) {
            return message("export." + key);
        }

        /** A rate's name, as the dashboard shows it. */
        default String kpi(String key) {
            return message("db.kpi." + key);
        }
    }

    private static void book(OutputStream out, String sheet, Kpis.Filter f, List<String> header, Rows rows)
            throws IOException {
        Workbook wb = new Workbook(out, "Candor", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        ws.value(0, 0, safe("Candor · " + sheet + " · " + f.from() + " – " + f.to()
                + (f.creditor() == null ? "" : " · creditor " + f.creditor())
                + (f.portfolio() == null ? "" : " · portfolio " + f.portfolio())
                + (f.agency() == null ? "" : " · agency " + f.agency())
                + (f.team() == null ? "" : " · team " + f.team())));
        for (int c = 0; c < header.size(); c++) {
            ws.value(2, c, safe(header.get(c)));
            ws.style(2, c).bold().set();
        }
        rows.write(ws);
        wb.finish();
    }

    static void rates(OutputStream out, Kpis.Rates r, Kpis.Filter f, String currency, Labels t) throws IOException {
        book(out, t.of("rates"), f, List.of(t.of("measure"), t.of("value")), ws -> {
            Object[][] counts = {{t.of("attempts"), r.attempts()}, {t.of("reached"), r.reached()},
                    {t.of("callAttempts"), r.callAttempts()}, {t.of("rightParty"), r.rightParty()},
                    {t.of("promises"), r.promises()}, {t.of("kept"), r.kept()}, {t.of("broken"), r.broken()},
                    {t.of("aiConversations"), r.aiConversations()}, {t.of("aiAutomated"), r.aiAutomated()},
                    {t.of("complaints"), r.complaints()}, {t.of("collected") + " " + currency, r.collected()},
                    {t.of("cost"), r.cost()}};
            int row = 3;
            for (Object[] c : counts) {
                ws.value(row, 0, safe((String) c[0]));
                ws.value(row++, 1, (Number) c[1]);
            }
            for (Map.Entry<String, BigDecimal> e : r.rates().entrySet()) {
                ws.value(row, 0, safe(t.kpi(e.getKey())));
                ws.value(row++, 1, e.getValue());
            }
        });
    }

    static void recovery(OutputStream out, List<Kpis.Curve> curves, Kpis.Filter f, Labels t) throws IOException {
        List<String> header = new ArrayList<>(List.of(t.of("vintage")));
        for (int m = 0; m < 12; m++) {
            header.add(t.of("month") + " " + m + " %");
        }
        book(out, t.of("recovery"), f, header, ws -> {
            int row = 3;
            for (Kpis.Curve c : curves) {
                ws.value(row, 0, safe(c.vintage()));
                for (int m = 0; m < c.percent().size(); m++) {
                    ws.value(row, m + 1, c.percent().get(m));
                }
                ws.flush();
                row++;
            }
        });
    }

    static void rolls(OutputStream out, List<Kpis.Roll> rolls, Kpis.Filter f, Labels t) throws IOException {
        book(out, t.of("rolls"), f, List.of(t.of("from"), t.of("to"), t.of("accounts"),
                t.of("share") + " %"), ws -> {
            int row = 3;
            for (Kpis.Roll r : rolls) {
                ws.value(row, 0, safe(r.from()));
                ws.value(row, 1, safe(r.to()));
                ws.value(row, 2, r.accounts());
                ws.value(row++, 3, r.share());
            }
        });
    }

    static void productivity(OutputStream out, List<Kpis.Productivity> rows, Kpis.Filter f, String currency,
            Labels t) throws IOException {
        book(out, t.of("productivity"), f, List.of(t.of("collector"), t.of("contacts"), t.of("rightParty"),
                t.of("promises"), t.of("collected") + " " + currency), ws -> {
                    int row = 3;
                    for (Kpis.Productivity p : rows) {
                        ws.value(row, 0, safe(p.collector()));
                        ws.value(row, 1, p.contacts());
                        ws.value(row, 2, p.rightParty());
                        ws.value(row, 3, p.promises());
                        ws.value(row++, 4, p.collected());
                    }
                });
    }
}
