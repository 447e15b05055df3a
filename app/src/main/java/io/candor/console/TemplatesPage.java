package io.candor.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.channel.Sends;
import io.candor.compliance.Channel;
import io.candor.compliance.ContentLinter;
import io.candor.identity.CurrentUser;
import io.candor.platform.Failures;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Accounts;
import io.candor.template.ShippedTemplates;
import io.candor.template.Templates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Message templates: the approved ones and the texts Candor suggests; an editor per language that lints the text
 * with the offending spans highlighted and previews it filled from a sample account; approval makes a new version.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class TemplatesPage {

    /** A piece of the text, highlighted when a finding covers it. */
    record Span(String text, ContentLinter.@Nullable Finding finding) {
    }

    /** A suggested text nobody has approved yet. */
    record Suggested(String code, Templates.Draft draft) {
    }

    private final Templates templates;
    private final ShippedTemplates shipped;
    private final Sends sends;
    private final Accounts accounts;

    TemplatesPage(Templates templates, ShippedTemplates shipped, Sends sends, Accounts accounts) {
        this.templates = templates;
        this.shipped = shipped;
        this.sends = sends;
        this.accounts = accounts;
    }

    @GetMapping("/console/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.latest());
        model.addAttribute("suggested", shipped.unapproved().stream().map(s -> new Suggested(s.code(), s.draft()))
                .toList());
        return "console/templates";
    }

    @GetMapping("/console/templates/edit")
    String edit(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "zh-CN") String locale,
            Model model) {
        Optional<Templates.Template> current = templates.versions(code, locale).stream().findFirst();
        Templates.Draft draft = current.map(t -> new Templates.Draft(t.channel(), t.locale(), t.jurisdiction(),
                        t.purpose(), t.body()))
                .or(() -> shipped.find(code, locale).map(ShippedTemplates.Suggestion::draft))
                .orElse(new Templates.Draft(Channel.SMS, locale, "CN", null, ""));
        return editor(model, code, draft, null);
    }

    /** Lints and previews the text being edited (the editor's check button, without approving). */
    @PostMapping("/console/templates/check")
    String check(@RequestParam Map<String, String> f, Model model) {
        Templates.Draft draft = draft(f);
        String code = f.getOrDefault("code", "").strip();
        return editor(model, code, draft, null);
    }

    @PostMapping("/console/templates")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE_OFFICER')")
    String approve(@RequestParam Map<String, String> f, Model model, RedirectAttributes redirect) {
        Templates.Draft draft = draft(f);
        String code = f.getOrDefault("code", "").strip();
        try {
            Templates.Template t = templates.approve(code, draft, CurrentUser.get().username());
            redirect.addFlashAttribute("approved", t.code() + " · " + t.locale() + " v" + t.version());
            return "redirect:/console/templates";
        } catch (BadRequestException | ConflictException e) {
            return editor(model, code, draft, e.getMessage());
        }
    }

    /** Approves every suggested text as shown on the list (each one linted, versioned and audited as the user's). */
    @PostMapping("/console/templates/suggested")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE_OFFICER')")
    String approveSuggested(RedirectAttributes redirect) {
        int n = shipped.approveUnapproved(CurrentUser.get().username());
        redirect.addFlashAttribute("approvedAll", n);
        return "redirect:/console/templates";
    }

    private String editor(Model model, String code, Templates.Draft draft, @Nullable String problem) {
        List<ContentLinter.Finding> findings = draft.body().isBlank() ? List.of() : Templates.lint(draft);
        model.addAttribute("code", code);
        model.addAttribute("draft", draft);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("locales", ContentLinter.LOCALES.stream().sorted().toList());
        model.addAttribute("purposes", ContentLinter.PURPOSES.stream().sorted().toList());
        model.addAttribute("findings", findings);
        model.addAttribute("spans", spans(draft.body(), findings));
        model.addAttribute("problem", problem);
        model.addAttribute("versions", code.isEmpty() ? List.of() : templates.versions(code, draft.locale()));
        preview(draft).ifPresent(p -> model.addAttribute(p.startsWith("!") ? "previewProblem" : "preview",
                p.startsWith("!") ? p.substring(1) : p));
        return "console/template";
    }

    /** The text filled from the first account of the book, or why it cannot be ("!" first); none without accounts. */
    private Optional<String> preview(Templates.Draft draft) {
        if (draft.body().isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> sample = accounts.sample();
        if (sample.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(sends.preview(sample.get(), draft.channel(), draft.locale(), draft.body(), Map.of(
                    "portal_link", "https://candor.example/p/SAMPLE", "amount", "1000.00",
                    "due_date", LocalDate.now().plusDays(7).toString())));
        } catch (IllegalArgumentException e) {
            return Optional.of("!" + Failures.messageOf(e));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The text cut where findings begin and end, each piece marked with the finding that covers it. */
    static List<Span> spans(String body, List<ContentLinter.Finding> findings) {
        List<ContentLinter.Finding> located = findings.stream()
                .filter(f -> f.start() >= 0 && f.end() > f.start() && f.end() <= body.length())
                .sorted(Comparator.comparingInt(ContentLinter.Finding::start)).toList();
        List<Span> out = new ArrayList<>();
        int at = 0;
        for (ContentLinter.Finding f : located) {
            if (f.start() < at) {
                continue; // overlaps the one before: that one is highlighted already
            }
            if (f.start() > at) {
                out.add(new Span(body.substring(at, f.start()), null));
            }
            out.add(new Span(body.substring(f.start(), f.end()), f));
            at = f.end();
        }
        if (at < body.length()) {
            out.add(new Span(body.substring(at), null));
        }
        return out;
    }

    private static Templates.Draft draft(Map<String, String> f) {
        Channel channel;
        try {
            channel = Channel.valueOf(f.getOrDefault("channel", "SMS"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Choose the template's channel from the list.");
        }
        String purpose = f.get("purpose");
        return new Templates.Draft(channel, f.getOrDefault("locale", "zh-CN"), f.getOrDefault("jurisdiction", "CN"),
                purpose == null || purpose.isBlank() ? null : purpose, f.getOrDefault("body", ""));
    }
}
