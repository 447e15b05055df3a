package io.candor.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.candor.platform.web.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Who read which debtor's data and why, and everything else the trail holds: searched by account (or any resource
 * id), user and day, newest first, 50 a page.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'COMPLIANCE_OFFICER')")
class AuditPage {

    static final int PAGE = 50;

    private final AuditTrail trail;

    AuditPage(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/console/audit")
    String audit(@RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String user, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "true") boolean readsOnly,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("account", account == null ? "" : account);
        model.addAttribute("user", user == null ? "" : user);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("readsOnly", readsOnly);
        LocalDate fromDay;
        LocalDate toDay;
        try {
            fromDay = day(from);
            toDay = day(to);
        } catch (DateTimeParseException e) {
            model.addAttribute("problemKey", "audit.badDate");
            return "console/audit";
        }
        CursorPage<AuditEvent> page = trail.search(new AuditTrail.Query(blank(account), blank(user), fromDay, toDay,
                readsOnly), blank(cursor), PAGE);
        model.addAttribute("events", page.items());
        model.addAttribute("next", page.nextCursor());
        return "console/audit";
    }

    private static @Nullable LocalDate day(@Nullable String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
