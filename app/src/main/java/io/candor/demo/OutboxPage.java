package io.candor.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.NotFoundException;
import io.candor.tenancy.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo's outbox: every text, e-mail and letter the organisation's providers handed to the sandbox peers, as the
 * peers received them, and a box to answer a text as the debtor would (a STOP, a reply to the agent). Only in the demo.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class OutboxPage {

    /** The newest this many of each kind are shown. */
    static final int SHOWN = 200;

    private final DemoSandbox sandbox;
    private final Tenants tenants;

    OutboxPage(DemoSandbox sandbox, Tenants tenants) {
        this.sandbox = sandbox;
        this.tenants = tenants;
    }

    @GetMapping("/outbox")
    String outbox(Model model) {
        String slug = slug();
        model.addAttribute("texts", sandbox.texts(slug).stream().limit(SHOWN).toList());
        model.addAttribute("emails", sandbox.emails(slug).stream().limit(SHOWN).toList());
        model.addAttribute("letters", sandbox.letters(slug).stream().limit(SHOWN).map(p -> p.getFileName().toString())
                .toList());
        model.addAttribute("zone", tenants.find(CurrentUser.get().tenantId()).orElseThrow().timeZone());
        return "outbox";
    }

    @GetMapping("/outbox/letters/{name}")
    void letter(@PathVariable String name, HttpServletResponse response) throws IOException {
        Path pdf = sandbox.letter(slug(), name).orElseThrow(() -> new NotFoundException("letter", name));
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + pdf.getFileName() + "\"");
        Files.copy(pdf, response.getOutputStream());
    }

    @PostMapping("/outbox/replies")
    String reply(@RequestParam String from, @RequestParam String text, RedirectAttributes flash) throws Exception {
        String slug = slug();
        if (text.isBlank() || text.length() > 500 || !from.matches("\\+?\\d{6,16}")) {
            flash.addFlashAttribute("replyProblem", true);
            return "redirect:/outbox";
        }
        sandbox.reply(slug, from, text.strip());
        flash.addFlashAttribute("replied", from);
        return "redirect:/outbox";
    }

    private String slug() {
        if (!sandbox.running()) {
            throw new NotFoundException("outbox", "demo");
        }
        return CurrentUser.get().tenantSlug();
    }
}
