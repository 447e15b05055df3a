package io.candor.portfolio.placement;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Placement and recall files, their jobs and rejected rows, and the creditors' mapping profiles. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ImportsApi {

    /** The id of a job; {@code repeat} when the same content was imported before (nothing was done again). */
    record Submitted(UUID id, ImportJob.Status status, boolean repeat) {
    }

    /** A page of rejections; pass {@code nextCursor} as {@code cursor} for the next. */
    record RejectionPage(List<ImportRejection> items, @Nullable String nextCursor) {
    }

    private final PlacementImports imports;
    private final ImportProfiles profiles;

    ImportsApi(PlacementImports imports, ImportProfiles profiles) {
        this.imports = imports;
        this.profiles = profiles;
    }

    @PostMapping(value = "/imports/placements", consumes = "multipart/form-data")
    ResponseEntity<Submitted> placements(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String profile,
            @RequestParam(required = false) @Nullable String portfolio,
            @RequestParam(required = false) @Nullable String creditor) throws IOException {
        return submit(ImportJob.Kind.PLACEMENT, file, profile, portfolio, creditor);
    }

    @PostMapping(value = "/imports/recalls", consumes = "multipart/form-data")
    ResponseEntity<Submitted> recalls(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String profile,
            @RequestParam(required = false) @Nullable String creditor) throws IOException {
        return submit(ImportJob.Kind.RECALL, file, profile, null, creditor);
    }

    @PostMapping(value = "/imports/payments", consumes = "multipart/form-data")
    ResponseEntity<Submitted> payments(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String creditor) throws IOException {
        return submit(ImportJob.Kind.PAYMENT, file, null, null, creditor);
    }

    @PostMapping(value = "/imports/exchange-rates", consumes = "multipart/form-data")
    ResponseEntity<Submitted> exchangeRates(@RequestPart("file") MultipartFile file) throws IOException {
        return submit(ImportJob.Kind.EXCHANGE_RATE, file, null, null, null);
    }

    @GetMapping("/imports")
    List<ImportJob> recent() {
        return imports.recent(100);
    }

    @GetMapping("/imports/{id}")
    ImportJob show(@PathVariable UUID id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
    }

    @GetMapping("/imports/{id}/rejections")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
    RejectionPage rejections(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        if (imports.find(id).isEmpty()) {
            throw new NotFoundException("import", id);
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000, got " + limit);
        }
        long after;
        try {
            after = cursor == null ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new BadRequestException("cursor '" + cursor + "' is not valid: pass the nextCursor of the previous page");
        }
        List<ImportRejection> rows = imports.rejections(id, after, limit + 1,
                CurrentUser.get().roles());
        boolean more = rows.size() > limit;
        List<ImportRejection> page = more ? rows.subList(0, limit) : rows;
        return new RejectionPage(List.copyOf(page), more ? Long.toString(page.getLast().seq()) : null);
    }

    @GetMapping("/import-profiles")
    List<String> profiles() {
        return profiles.names();
    }

    @GetMapping("/import-profiles/{name}")
    ImportProfile profile(@PathVariable String name) {
        return profiles.find(name).orElseThrow(() -> new NotFoundException("import profile", name));
    }

    @PutMapping("/import-profiles/{name}")
    ImportProfile saveProfile(@PathVariable String name, @Valid @RequestBody ImportProfile profile) {
        profiles.save(name, profile);
        return profile;
    }

    private ResponseEntity<Submitted> submit(ImportJob.Kind kind, MultipartFile file, @Nullable String profile,
            @Nullable String portfolio, @Nullable String creditor) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        PlacementImports.Request request = new PlacementImports.Request(kind, name, profile, creditor, portfolio,
                CurrentUser.get().username());
        ImportJob job;
        try (InputStream in = file.getInputStream()) {
            job = imports.submit(request, in);
        }
        boolean repeat = job.status() == ImportJob.Status.SUCCEEDED;
        return ResponseEntity.status(repeat ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/imports/" + job.id()))
                .body(new Submitted(job.id(), job.status(), repeat));
    }

}
