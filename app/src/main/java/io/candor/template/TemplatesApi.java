package io.candor.template;

import java.util.List;

import io.candor.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/v1/templates/{code}} approves a new version; {@code GET /api/v1/templates} lists the latest. */
@RestController
@RequestMapping("/api/v1/templates")
class TemplatesApi {

    private final Templates templates;

    TemplatesApi(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<Templates.Template> latest() {
        return templates.latest();
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE_OFFICER')")
    Templates.Template approve(@PathVariable String code, @RequestBody Templates.Draft draft) {
        return templates.approve(code, draft, CurrentUser.get().username());
    }
}
