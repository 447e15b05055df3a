package io.candor.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.SpreadsheetText;
import io.candor.portfolio.Creditors;
import io.candor.portfolio.placement.ImportJob;
import io.candor.portfolio.placement.PlacementImports;
import io.candor.tenancy.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Imports in the browser: upload a placement, recall, payment or exchange-rate file (CSV or XLSX) with its profile and
 * creditor; the job history with live progress; a job's rejected rows with line, column and reason, and the same
 * rows as a workbook (formula-safe) to fix and upload again.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ImportsPage {

    /** A job as the history lists it, its time already written in the organisation's zone. */
    record JobRow(ImportJob job, String when) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Rejected rows shown on the page; the workbook holds them all. */
    static final int SHOWN = 200;

    private final PlacementImports imports;
    private final Creditors creditors;
    private final Tenants tenants;
    private final MessageSource messages;

    ImportsPage(PlacementImports imports, Creditors creditors, Tenants tenants, MessageSource messages) {
        this.imports = imports;
        this.creditors = creditors;
        this.tenants = tenants;
        this.messages = messages;
    }

    @GetMapping("/console/imports")
    String page(Model model) {
        model.addAttribute("kinds", ImportJob.Kind.values());
        model.addAttribute("profiles", imports.profiles());
        model.addAttribute("creditors", creditors.all());
        jobs(model);
        return "console/imports";
    }

    /** The job history alone, which the page reloads every second while a job runs. */
    @GetMapping("/console/imports/jobs")
    String jobsFragment(Model model) {
        jobs(model);
        return "console/imports :: jobs";
    }

    private void jobs(Model model) {
        List<ImportJob> jobs = imports.recent(100);
        ZoneId zone = tenants.find(TenantContext.require()).orElseThrow().timeZone();
        model.addAttribute("jobs", jobs.stream().map(j -> new JobRow(j, WHEN.format(j.createdAt().atZone(zone))))
                .toList());
        model.addAttribute("running", jobs.stream().anyMatch(ImportsPage::running));
    }

    @PostMapping("/console/imports")
    String upload(@RequestParam ImportJob.Kind kind, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String profile,
            @RequestParam(required = false) @Nullable String creditor, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problemKey", "imports.noFile");
            return "redirect:/console/imports";
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename();
        ImportJob job;
        try (InputStream in = file.getInputStream()) {
            job = imports.submit(new PlacementImports.Request(kind, name, blank(profile), blank(creditor), null,
                    CurrentUser.get().username()), in);
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/console/imports";
        }
        // a new file is queued; the same content again answers with the earlier, finished job
        if (job.status() == ImportJob.Status.SUCCEEDED) {
            redirect.addFlashAttribute("repeat", true);
        }
        return "redirect:/console/imports/" + job.id();
    }

    @GetMapping("/console/imports/{id}")
    String job(@PathVariable UUID id, Model model) {
        ImportJob job = find(id);
        model.addAttribute("job", job);
        model.addAttribute("running", running(job));
        if (!running(job) && job.rejected() > 0) {
            model.addAttribute("rejections", imports.rejections(id, 0, SHOWN, CurrentUser.get().roles()));
            model.addAttribute("shown", Math.min(SHOWN, job.rejected()));
        }
        return "console/import";
    }

    /** The status and progress alone, which the page reloads every second while the job runs. */
    @GetMapping("/console/imports/{id}/status")
    String status(@PathVariable UUID id, Model model, HttpServletResponse response) {
        ImportJob job = find(id);
        model.addAttribute("job", job);
        model.addAttribute("running", running(job));
        if (!running(job)) {
            // the whole page again, now with its rejections
            response.setHeader("HX-Refresh", "true");
        }
        return "console/import :: status";
    }

    /** Every rejected row as a workbook: line, column and reason, then the row's cells as the file had them. */
    @GetMapping("/console/imports/{id}/rejections.xlsx")
    void workbook(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ImportJob job = find(id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejections-" + id + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "Candor", "1.0");
            Worksheet ws = wb.newWorksheet(text("imports.sheet"));
            ws.value(0, 0, SpreadsheetText.safe(job.fileName()));
            String[] header = {text("imports.line"), text("imports.column"), text("imports.reason"),
                    text("imports.row")};
            for (int c = 0; c < header.length; c++) {
                ws.value(2, c, SpreadsheetText.safe(header[c]));
                ws.style(2, c).bold().set();
            }
            int row = 3;
            long after = 0;
            while (true) {
                var page = imports.rejections(id, after, 1000, CurrentUser.get().roles());
                for (var r : page) {
                    ws.value(row, 0, r.line());
                    ws.value(row, 1, SpreadsheetText.safe(r.column() == null ? "" : r.column()));
                    ws.value(row, 2, SpreadsheetText.safe(r.reason()));
                    List<String> cells = cells(r.raw());
                    for (int c = 0; c < cells.size(); c++) {
                        ws.value(row, 3 + c, SpreadsheetText.safe(cells.get(c)));
                    }
                    row++;
                    after = r.seq();
                }
                ws.flush();
                if (page.size() < 1000) {
                    break;
                }
            }
            wb.finish();
        }
    }

    /** A rejected row's cells, split on the separator its file used (the most frequent of , ; and tab). */
    static List<String> cells(String raw) {
        char separator = ',';
        long best = raw.chars().filter(c -> c == ',').count();
        for (char s : new char[] {';', '\t'}) {
            long n = raw.chars().filter(c -> c == s).count();
            if (n > best) {
                best = n;
                separator = s;
            }
        }
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(separator).get()
                    .parse(new StringReader(raw)).getRecords();
            return records.isEmpty() ? List.of(raw) : records.getFirst().toList();
        } catch (IOException | RuntimeException e) {
            return List.of(raw);
        }
    }

    private ImportJob find(UUID id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    static boolean running(ImportJob job) {
        return job.status() == ImportJob.Status.QUEUED || job.status() == ImportJob.Status.RUNNING;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
