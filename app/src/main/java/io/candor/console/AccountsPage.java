package io.candor.console;

import java.util.List;

import io.candor.portfolio.Accounts;
import io.candor.portfolio.Creditors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding an account: by the debtor's name, a phone number, a national id (exact, through its keyed hash), the
 * creditor's reference or the account id, with filters; each result opens the account 360. Every search is audited.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR')")
class AccountsPage {

    /** Results shown at most. */
    static final int LIMIT = 100;

    private final Accounts accounts;
    private final Creditors creditors;

    AccountsPage(Accounts accounts, Creditors creditors) {
        this.accounts = accounts;
        this.creditors = creditors;
    }

    @GetMapping("/console/accounts")
    String search(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "ANY") Accounts.SearchBy by,
            @RequestParam(required = false) @Nullable String bucket,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String creditor, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("by", by);
        model.addAttribute("bucket", blank(bucket));
        model.addAttribute("status", blank(status));
        model.addAttribute("creditor", blank(creditor));
        model.addAttribute("bys", Accounts.SearchBy.values());
        model.addAttribute("buckets", List.of("M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7+"));
        model.addAttribute("statuses", List.of("OPEN", "CLOSED", "RECALLED"));
        model.addAttribute("creditors", creditors.all());
        if (!q.isBlank()) {
            var found = accounts.search(new Accounts.Search(q, by, blank(bucket), blank(status),
                    blank(creditor)), LIMIT, "ACCOUNT_SEARCH");
            model.addAttribute("results", found);
            model.addAttribute("limited", found.size() == LIMIT);
        }
        return "console/accounts";
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
