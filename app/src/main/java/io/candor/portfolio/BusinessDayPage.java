package io.candor.portfolio;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.tenancy.Tenants;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The business date and its close: the date the organisation works on (an administrator may set it, never back
 * before a closed day), the end-of-day close (days past due and buckets of every open account, once per date,
 * resumable) and the past closes.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class BusinessDayPage {

    private final Tenants tenants;
    private final EndOfDayClose close;
    private final BackgroundClose background;

    BusinessDayPage(Tenants tenants, EndOfDayClose close, BackgroundClose background) {
        this.tenants = tenants;
        this.close = close;
        this.background = background;
    }

    @GetMapping("/console/business-day")
    String page(Model model) {
        LocalDate date = tenants.businessDate(TenantContext.require());
        model.addAttribute("date", date);
        model.addAttribute("closed", close.find(date).filter(s -> s.status().equals("DONE")).isPresent());
        closeState(date, model);
        return "console/business-day";
    }

    /** The close's progress and the past closes, which the page polls while a close runs. */
    @GetMapping("/console/business-day/progress")
    String progress(Model model) {
        closeState(tenants.businessDate(TenantContext.require()), model);
        return "console/business-day :: close-state";
    }

    private void closeState(LocalDate date, Model model) {
        EndOfDayClose.Progress p = close.progress(date);
        model.addAttribute("progress", p);
        model.addAttribute("running", background.isRunning(date));
        model.addAttribute("closes", close.recent(30));
    }

    @PostMapping("/console/business-day")
    @PreAuthorize("hasRole('ADMIN')")
    String set(@RequestParam(defaultValue = "") String date, RedirectAttributes redirect) {
        try {
            LocalDate d = date.isBlank() ? null : LocalDate.parse(date.strip());
            if (d != null) {
                close.requireOpen(d);
            }
            tenants.setBusinessDate(TenantContext.require(), d);
            redirect.addFlashAttribute("doneKey", "businessDay.set");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problemKey", "businessDay.badDate");
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/business-day";
    }

    @PostMapping("/console/business-day/close")
    String close(RedirectAttributes redirect) {
        LocalDate date = tenants.businessDate(TenantContext.require());
        Optional<EndOfDayClose.Summary> done = close.find(date).filter(s -> s.status().equals("DONE"));
        if (done.isPresent()) {
            redirect.addFlashAttribute("closedBefore", date);
            return "redirect:/console/business-day";
        }
        try {
            close.requireNotBehindClosed(date);
            background.start();
            redirect.addFlashAttribute("started", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/business-day";
    }
}
