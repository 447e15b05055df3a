package io.candor.scoring;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The model registry: train, list, approve, retire, drift. */
@RestController
class ModelsApi {

    /** Why a model is approved or retired. */
    record Decision(String note) {
    }

    /** Train on the platform's history: snapshots from..to, outcome within the horizon. */
    record FromHistory(String name, @Nullable Integer horizonDays, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    private final ModelRegistry registry;
    private final Scores scores;
    private final HistoryTraining history;

    ModelsApi(ModelRegistry registry, Scores scores, HistoryTraining history) {
        this.registry = registry;
        this.scores = scores;
        this.history = history;
    }

    @PostMapping("/api/v1/models/from-history")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<ModelRegistry.Version> fromHistory(@RequestBody FromHistory r) {
        return ResponseEntity.status(201).body(history.train(r.name(), r.horizonDays() == null ? 30 : r.horizonDays(),
                r.from(), r.to(), CurrentUser.get().username()));
    }

    @PostMapping("/api/v1/models")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<ModelRegistry.Version> train(@RequestParam MultipartFile file, @RequestParam String name,
            @RequestParam String target, @RequestParam String bad) throws IOException {
        if (file.isEmpty()) {
            throw new BadRequestException("The file is empty: send the training CSV as 'file'.");
        }
        return ResponseEntity.status(201).body(registry.train(name, file.getBytes(), target, bad,
                CurrentUser.get().username()));
    }

    @GetMapping("/api/v1/models")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<ModelRegistry.Version> all() {
        return registry.all();
    }

    @GetMapping("/api/v1/models/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    Map<String, Object> one(@PathVariable UUID id) {
        return Map.of("version", registry.find(id).orElseThrow(() -> new NotFoundException("model", id)),
                "definition", registry.definition(id));
    }

    @PostMapping("/api/v1/models/{id}/approval")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    ModelRegistry.Version approve(@PathVariable UUID id, @RequestBody Decision d) {
        return registry.approve(id, d.note() == null ? "" : d.note(), CurrentUser.get().username());
    }

    @PostMapping("/api/v1/models/{id}/retirement")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    ModelRegistry.Version retire(@PathVariable UUID id, @RequestBody Decision d) {
        return registry.retire(id, d.note() == null ? "" : d.note(), CurrentUser.get().username());
    }

    @GetMapping("/api/v1/models/{id}/drift")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<Scores.Drift> drift(@PathVariable UUID id) {
        return scores.drift(id);
    }
}
