package io.candor.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.candor.identity.CurrentUser;
import io.candor.platform.Failures;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The evidence log over REST: checkpoints, the verifier key, entries, proofs, bundles and the self-audit. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'COMPLIANCE_OFFICER')")
class EvidenceApi {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    /** A record posted by an integration: {@code subject} is an account id (or {@code debtor:<id>}). */
    record NewRecord(@NotBlank String type, @NotBlank String subject, @Nullable String content,
                     @Nullable Map<String, String> facts) {
    }

    private final EvidenceLog log;
    private final Checkpoints checkpoints;
    private final Bundles bundles;
    private final SelfAudit audit;

    private final Clock clock;

    EvidenceApi(EvidenceLog log, Checkpoints checkpoints, Bundles bundles, SelfAudit audit, Clock clock) {
        this.clock = clock;
        this.log = log;
        this.checkpoints = checkpoints;
        this.bundles = bundles;
        this.audit = audit;
    }

    @GetMapping(value = "/evidence/checkpoint", produces = "text/plain")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(TEXT).body(checkpoints.issue()
                .orElseThrow(() -> new NotFoundException("checkpoint of the evidence log", "(the log is empty)")).note());
    }

    @GetMapping(value = "/evidence/key", produces = "text/plain")
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).body(checkpoints.verifier().text() + "\n");
    }

    @GetMapping("/evidence/entries/{index}")
    Map<String, Object> entry(@PathVariable long index) {
        EvidenceLog.Stored e = log.entry(index).orElseThrow(() -> new NotFoundException("evidence entry", index));
        return Map.of("index", e.index(), "entry", Base64.getEncoder().encodeToString(e.entry()), "type", e.type(),
                "at", e.at().toString());
    }

    @GetMapping(value = "/evidence/entries/{index}/proof", produces = "text/plain")
    ResponseEntity<String> proof(@PathVariable long index) {
        if (log.entry(index).isEmpty()) {
            throw new NotFoundException("evidence entry", index);
        }
        return ResponseEntity.ok().contentType(TEXT).body(log.proof(index));
    }

    @GetMapping(value = "/evidence/consistency", produces = "text/plain")
    ResponseEntity<String> consistency(@RequestParam long from, @RequestParam long to) {
        return ResponseEntity.ok().contentType(TEXT).body(log.consistency(from, to).stream()
                .map(h -> Base64.getEncoder().encodeToString(h) + "\n").collect(Collectors.joining()));
    }

    @PostMapping("/evidence/records")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> record(@Valid @RequestBody NewRecord r) {
        byte[] content;
        try {
            content = r.content() == null ? null : Base64.getDecoder().decode(r.content());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("content must be base64.");
        }
        EvidenceEvent.Subject subject;
        try {
            subject = r.subject().startsWith("debtor:")
                    ? EvidenceEvent.Subject.debtor(UUID.fromString(r.subject().substring(7)))
                    : EvidenceEvent.Subject.account(UUID.fromString(r.subject()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("subject must be an account id, or debtor:<id>.");
        }
        try {
            long index = log.appendNow(new EvidenceEvent(r.type(), subject, CurrentUser.get().username(), clock.instant(),
                    r.facts() == null ? Map.of() : r.facts(), content == null ? List.of() : List.of(content)));
            return ResponseEntity.status(201).body(Map.of("index", index));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Failures.messageOf(e));
        }
    }

    @GetMapping("/accounts/{id}/evidence-bundle")
    ResponseEntity<byte[]> bundle(@PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean recordings) {
        Locale locale = LocaleContextHolder.getLocale();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try {
            bundles.write(id, locale, zip, recordings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + ".zip\"")
                .body(zip.toByteArray());
    }

    /** Runs the self-audit now. */
    @PostMapping("/evidence/audit")
    SelfAudit.Report audit() {
        return audit.run();
    }
}
