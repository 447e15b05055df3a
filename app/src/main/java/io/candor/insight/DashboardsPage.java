package io.candor.insight;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.candor.identity.CandorPrincipal;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboards page and its Excel exports (streamed, formula-safe). Filters default to the last 30 days. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class DashboardsPage {

    static final List<String> TABLES = List.of("rates", "recovery", "rolls", "productivity");

    private final Kpis kpis;
    private final Tenants tenants;
    private final MessageSource messages;

    DashboardsPage(Kpis kpis, Tenants tenants, MessageSource messages) {
        this.messages = messages;
        this.kpis = kpis;
        this.tenants = tenants;
    }

    private Kpis.Filter filter(@Nullable String creditor, @Nullable String portfolio, @Nullable String agency,
            @Nullable String team, @Nullable LocalDate from, @Nullable LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw BadRequestException.localised("from (" + start + ") is after to (" + end + ").", "error.dateRange",
                    start.toString(), end.toString());
        }
        return new Kpis.Filter(blank(creditor), blank(portfolio), blank(agency), blank(team), start, end);
    }

    /** The page's and the workbook's labels in the reader's language. */
    private Exports.Labels labels() {
        Locale locale = LocaleContextHolder.getLocale();
        return key -> Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/dashboards")
    String page(@RequestParam(required = false) @Nullable String creditor,
            @RequestParam(required = false) @Nullable String portfolio,
            @RequestParam(required = false) @Nullable String agency, @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
            Model model) {
        CandorPrincipal me = CurrentUser.get();
        Tenant t = tenants.find(me.tenantId()).orElseThrow();
        Kpis.Filter f = filter(creditor, portfolio, agency, team, from, to, tenants.businessDate(t.id()));
        ZoneId zone = t.timeZone();
        String currency = t.reportingCurrency().getCurrencyCode();
        model.addAttribute("f", f);
        model.addAttribute("currency", currency);
        model.addAttribute("choices", kpis.choices());
        model.addAttribute("rates", kpis.rates(f, zone, currency));
        model.addAttribute("recovery", kpis.recovery(f, zone, currency));
        model.addAttribute("rolls", kpis.rolls(f, zone));
        model.addAttribute("productivity", kpis.productivity(f, zone, currency));
        model.addAttribute("complaintRates", kpis.complaintRates(f, zone));
        Exports.Labels label = labels();
        Map<String, String> rates = new LinkedHashMap<>();
        List.of("contactRate", "rpcRate", "ptpRate", "keptRate", "aiAutomationRate").forEach(k -> rates.put(k, label.kpi(k)));
        model.addAttribute("rateLabels", rates);
        Map<String, String> series = new LinkedHashMap<>();
        List.of("contacts", "rightParty", "promises").forEach(k -> series.put(k, label.of(k)));
        model.addAttribute("seriesLabels", series);
        return "insight/dashboards";
    }

    @GetMapping("/dashboards/export")
    void export(@RequestParam String table, @RequestParam(required = false) @Nullable String creditor,
            @RequestParam(required = false) @Nullable String portfolio,
            @RequestParam(required = false) @Nullable String agency, @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
            HttpServletResponse response) throws IOException {
        if (!TABLES.contains(table)) {
            throw BadRequestException.localised("table is one of " + TABLES + ".", "error.exportTable", table,
                    String.join(", ", TABLES));
        }
        CandorPrincipal me = CurrentUser.get();
        Tenant t = tenants.find(me.tenantId()).orElseThrow();
        Kpis.Filter f = filter(creditor, portfolio, agency, team, from, to, tenants.businessDate(t.id()));
        String currency = t.reportingCurrency().getCurrencyCode();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"candor-" + table + "-" + f.from() + "-"
                + f.to() + ".xlsx\"");
        Exports.Labels label = labels();
        try (OutputStream out = response.getOutputStream()) {
            switch (table) {
                case "rates" -> Exports.rates(out, kpis.rates(f, t.timeZone(), currency), f, currency, label);
                case "recovery" -> Exports.recovery(out, kpis.recovery(f, t.timeZone(), currency), f, label);
                case "rolls" -> Exports.rolls(out, kpis.rolls(f, t.timeZone()), f, label);
                default -> Exports.productivity(out, kpis.productivity(f, t.timeZone(), currency), f, currency, label);
            }
        }
    }
}
