package io.candor.scoring;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import org.jspecify.annotations.Nullable;
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
 * The scoring models: train a scorecard from an uploaded file (cross-validated next to its gradient-boosted
 * challenger, both models' figures side by side), approve it (a compliance officer, with a note) or retire it, and
 * each model's drift (the population stability of its scores, day by day).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
class ModelsPage {

    private final ModelRegistry registry;
    private final Scores scores;

    ModelsPage(ModelRegistry registry, Scores scores) {
        this.registry = registry;
        this.scores = scores;
    }

    @GetMapping("/console/models")
    String page(Model model) {
        List<ModelRegistry.Version> all = registry.all();
        model.addAttribute("models", all);
        Map<UUID, Scores.Drift> drift = new LinkedHashMap<>();
        for (ModelRegistry.Version v : all) {
            List<Scores.Drift> d = scores.drift(v.id());
            if (!d.isEmpty()) {
                drift.put(v.id(), d.getLast());
            }
        }
        model.addAttribute("drift", drift);
        registry.inUse().ifPresent(u -> model.addAttribute("inUse", u.id()));
        return "console/models";
    }

    @PostMapping("/console/models")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String train(@RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String bad,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problemKey", "models.noFile");
            return "redirect:/console/models";
        }
        try {
            ModelRegistry.Version v = registry.train(name.strip(), file.getBytes(), target.strip(), bad.strip(),
                    CurrentUser.get().username());
            redirect.addFlashAttribute("trained", v.name() + " v" + v.version());
        } catch (BadRequestException | ConflictException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/models";
    }

    @PostMapping("/console/models/{id}/approval")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(() -> registry.approve(id, note.strip(), CurrentUser.get().username()), "models.approved",
                redirect);
    }

    @PostMapping("/console/models/{id}/retirement")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    String retire(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(() -> registry.retire(id, note.strip(), CurrentUser.get().username()), "models.retired",
                redirect);
    }

    private interface Decision {
        ModelRegistry.Version make();
    }

    private static String decide(Decision d, String key, RedirectAttributes redirect) {
        try {
            ModelRegistry.Version v = d.make();
            redirect.addFlashAttribute("doneKey", key);
            redirect.addFlashAttribute("doneArg", v.name() + " v" + v.version());
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/models";
    }
}
