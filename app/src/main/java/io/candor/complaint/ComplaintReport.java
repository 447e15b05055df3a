package io.candor.complaint;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.SpreadsheetText;
import io.candor.tenancy.Tenants;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The regulator's complaint report for a period (cases received from {@code from} to {@code to}, the tenant's local
 * dates): how many were received (repeats of a grievance linked, not counted), closed, answered with an approved final
 * response and answered by the last day (the on-time rate), open and overdue; by category (root cause), jurisdiction
 * and intake; and every case with its dates. One Excel workbook, headings in Chinese and English.
 */
@Service
class ComplaintReport {

    /** One case as the report lists it. */
    record Line(UUID id, String account, OffsetDateTime receivedAt, String intake, String jurisdiction, String state,
                @Nullable String handler, @Nullable LocalDate finalResponseBy, @Nullable LocalDate respondedOn,
                @Nullable String rootCause) {

        @Nullable Boolean onTime() {
            return respondedOn == null || finalResponseBy == null ? null : !respondedOn.isAfter(finalResponseBy);
        }
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;

    ComplaintReport(JdbcClient jdbc, Tenants tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    List<Line> lines(LocalDate from, LocalDate to) {
        ZoneId zone = tenants.find(TenantContext.require()).orElseThrow().timeZone();
        return jdbc.sql("""
                        SELECT c.id, c.account_id::text, c.received_at, c.intake, c.jurisdiction, c.state, c.handler,
                               c.due_final, (SELECT min(s.at) FROM complaint_step s
                                             WHERE s.case_id = c.id AND s.step = 'RESPONDED') AS responded_at,
                               c.root_cause
                        FROM complaint_case c
                        WHERE c.duplicate_of IS NULL AND c.received_at >= :from AND c.received_at < :to
                        ORDER BY c.received_at""")
                .param("from", from.atStartOfDay(zone).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> {
                    OffsetDateTime responded = rs.getObject(9, OffsetDateTime.class);
                    return new Line(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, LocalDate.class),
                            responded == null ? null : responded.atZoneSameInstant(zone).toLocalDate(),
                            rs.getString(10));
                })
                .list();
    }

    /** The workbook: a summary, the counts by category, jurisdiction and intake, and the cases. */
    void write(OutputStream out, LocalDate from, LocalDate to, LocalDate today) throws IOException {
        List<Line> lines = lines(from, to);
        long closed = lines.stream().filter(l -> l.state().equals("CLOSED")).count();
        long responded = lines.stream().filter(l -> l.respondedOn() != null).count();
        long onTime = lines.stream().filter(l -> Boolean.TRUE.equals(l.onTime())).count();
        long open = lines.stream().filter(l -> !l.state().equals("CLOSED")).count();
        long overdue = lines.stream().filter(l -> !l.state().equals("CLOSED") && l.respondedOn() == null
                && l.finalResponseBy() != null && today.isAfter(l.finalResponseBy())).count();
        Workbook wb = new Workbook(out, "Candor", "1.0");
        Worksheet s = wb.newWorksheet("Summary 汇总");
        s.value(0, 0, "Candor · 投诉报告 Complaint report · " + from + " – " + to);
        Object[][] rows = {
            {"受理 Received", lines.size()}, {"已办结 Closed", closed}, {"已作最终答复 Final responses", responded},
            {"按期答复 Answered on time", onTime},
            {"按期率 On-time rate", responded == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%",
                    onTime * 100.0 / responded)},
            {"未办结 Open", open}, {"逾期未答复 Overdue", overdue}};
        for (int i = 0; i < rows.length; i++) {
            s.value(2 + i, 0, (String) rows[i][0]);
            if (rows[i][1] instanceof Number n) {
                s.value(2 + i, 1, n);
            } else {
                s.value(2 + i, 1, String.valueOf(rows[i][1]));
            }
        }
        counts(wb.newWorksheet("By category 按类别"), "类别 Category",
                group(lines, ComplaintReport::category));
        counts(wb.newWorksheet("By jurisdiction 按法域"), "法域 Jurisdiction", group(lines, Line::jurisdiction));
        counts(wb.newWorksheet("By intake 按渠道"), "渠道 Intake", group(lines, Line::intake));
        Worksheet c = wb.newWorksheet("Cases 案件");
        String[] head = {"案件 Case", "账户 Account", "受理时间 Received", "渠道 Intake", "法域 Jurisdiction", "状态 State",
            "处理人 Handler", "答复期限 Final response by", "答复日 Responded on", "按期 On time", "原因 Root cause"};
        for (int i = 0; i < head.length; i++) {
            c.value(0, i, head[i]);
            c.style(0, i).bold().set();
        }
        int r = 1;
        for (Line l : lines) {
            c.value(r, 0, l.id().toString());
            c.value(r, 1, l.account());
            c.value(r, 2, l.receivedAt().toString());
            c.value(r, 3, l.intake());
            c.value(r, 4, SpreadsheetText.safe(l.jurisdiction()));
            c.value(r, 5, l.state());
            c.value(r, 6, l.handler() == null ? "" : SpreadsheetText.safe(l.handler()));
            c.value(r, 7, l.finalResponseBy() == null ? "" : l.finalResponseBy().toString());
            c.value(r, 8, l.respondedOn() == null ? "" : l.respondedOn().toString());
            c.value(r, 9, l.onTime() == null ? "" : l.onTime() ? "yes 是" : "no 否");
            c.value(r, 10, l.rootCause() == null ? "" : l.rootCause());
            r++;
        }
        wb.finish();
    }

    private static String category(Line l) {
        String code = l.rootCause();
        if (code == null) {
            return "UNCLASSIFIED 未分类";
        }
        RootCauses.Cause c = RootCauses.ALL.get(code);
        return c == null ? code : code + " " + c.names().get("zh-CN");
    }

    private static Map<String, Long> group(List<Line> lines, java.util.function.Function<Line, String> by) {
        Map<String, Long> m = new TreeMap<>();
        lines.forEach(l -> m.merge(by.apply(l), 1L, Long::sum));
        return m;
    }

    private static void counts(Worksheet ws, String heading, Map<String, Long> counts) {
        ws.value(0, 0, heading);
        ws.value(0, 1, "数量 Complaints");
        ws.style(0, 0).bold().set();
        ws.style(0, 1).bold().set();
        int r = 1;
        for (var e : counts.entrySet()) {
            ws.value(r, 0, SpreadsheetText.safe(e.getKey()));
            ws.value(r, 1, e.getValue());
            r++;
        }
    }
}
