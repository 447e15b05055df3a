package io.candor.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

import io.candor.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evidence log for an auditor: the latest signed checkpoint, the key that verifies it, and an account's bundle
 * (its entries with their inclusion proofs, for the offline verifier) to download.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'COMPLIANCE_OFFICER')")
class EvidencePage {

    private final Checkpoints checkpoints;
    private final Bundles bundles;

    EvidencePage(Checkpoints checkpoints, Bundles bundles) {
        this.checkpoints = checkpoints;
        this.bundles = bundles;
    }

    @GetMapping("/console/evidence")
    String page(Model model) {
        model.addAttribute("origin", checkpoints.origin());
        model.addAttribute("key", checkpoints.verifier().text());
        checkpoints.latest().ifPresent(c -> model.addAttribute("checkpoint", c));
        return "console/evidence";
    }

    @GetMapping("/console/evidence/bundle")
    void bundle(@RequestParam(defaultValue = "") String account, HttpServletResponse response) throws IOException {
        UUID id;
        try {
            id = UUID.fromString(account.strip());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.localised("Give the account id (a UUID), not '" + account + "'.", "error.badAccountId",
                    account);
        }
        // the bundle is made before anything is sent: an unknown account is a page, not half a zip
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        bundles.write(id, LocaleContextHolder.getLocale(), zip);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"evidence-" + id + ".zip\"");
        try (OutputStream out = response.getOutputStream()) {
            zip.writeTo(out);
        }
    }
}
