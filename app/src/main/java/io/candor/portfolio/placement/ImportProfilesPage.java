package io.candor.portfolio.placement;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.candor.identity.CurrentUser;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.FieldProblem;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Creditors;
import io.candor.privacy.PersonalField;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Column profiles in the browser: how a creditor's own file maps onto Candor's columns (headers, date formats, amounts
 * in yuan or fen, value mappings, defaults, encoding and separator), tried on a sample of the file before it is saved
 * — which columns are used, whether the file would be refused whole, how its first rows would fare.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ImportProfilesPage {

    private final ImportProfiles profiles;
    private final ProfileTrial trial;
    private final Creditors creditors;

    ImportProfilesPage(ImportProfiles profiles, ProfileTrial trial, Creditors creditors) {
        this.profiles = profiles;
        this.trial = trial;
        this.creditors = creditors;
    }

    @GetMapping("/console/import-profiles")
    String page(@RequestParam(required = false) @Nullable String name, Model model) {
        if (!model.containsAttribute("form")) {
            ProfileForm form = name == null ? ProfileForm.blank() : ProfileForm.of(name, profiles.find(name)
                    .orElseThrow(() -> new NotFoundException("import profile", name)));
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        model.addAttribute("names", profiles.names());
        model.addAttribute("creditors", creditors.all());
        model.addAttribute("canonical", Arrays.stream(CanonicalColumn.values()).map(CanonicalColumn::header).toList());
        model.addAttribute("required", Arrays.stream(CanonicalColumn.values())
                .filter(c -> c.requiredIn(ImportJob.Kind.PLACEMENT)).map(CanonicalColumn::header).toList());
        model.addAttribute("delimiters", ProfileForm.DELIMITERS);
        model.addAttribute("trialRows", ProfileTrial.ROWS);
        return "console/import-profiles";
    }

    @PostMapping("/console/import-profiles")
    String save(@ModelAttribute ProfileForm form, Model model, RedirectAttributes redirect) {
        ProfileForm.Read read = form.read();
        if (!read.problems().isEmpty()) {
            return refused(form, read.problems(), model);
        }
        try {
            profiles.save(form.name().strip(), read.profile());
        } catch (InvalidInputException e) {
            return refused(form, e.problems().stream().filter(FieldProblem.class::isInstance)
                    .map(FieldProblem.class::cast).toList(), model);
        }
        redirect.addFlashAttribute("saved", form.name().strip());
        return "redirect:/console/import-profiles?name=" + form.name().strip();
    }

    /** The form as it is, tried on a sample file; nothing is saved. */
    @PostMapping("/console/import-profiles/trial")
    String tryIt(@ModelAttribute ProfileForm form, @RequestParam(defaultValue = "PLACEMENT") ImportJob.Kind kind,
            @RequestParam(required = false) @Nullable MultipartFile sample, Model model) throws IOException {
        ProfileForm.Read read = form.read();
        List<FieldProblem> problems = read.problems().stream()
                .filter(p -> !p.field().equals("name")).toList();
        if (!problems.isEmpty()) {
            return refused(form, problems, model);
        }
        model.addAttribute("form", form);
        model.addAttribute("trialKind", kind);
        if (sample == null || sample.isEmpty()) {
            model.addAttribute("trialProblemKey", "profiles.noSample");
            return page(null, model);
        }
        try (InputStream in = sample.getInputStream()) {
            model.addAttribute("trial", trial.run(TenantContext.require(), read.profile(),
                    kind == ImportJob.Kind.RECALL ? kind : ImportJob.Kind.PLACEMENT, in,
                    PersonalField.NATIONAL_ID.unmaskedFor(CurrentUser.get().roles())));
        }
        return page(null, model);
    }

    private String refused(ProfileForm form, List<FieldProblem> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", new InvalidInputException("", problems).byField());
        model.addAttribute("summary", problems.size());
        return page(null, model);
    }
}
