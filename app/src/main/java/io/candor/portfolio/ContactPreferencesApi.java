package io.candor.portfolio;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opt-outs and consents on a contact point. Recording an opt-out or a revocation is open to everyone who talks
 * to debtors (it only ever stops contact); opting back in or granting consent is for supervisors and compliance.
 */
@RestController
@RequestMapping("/api/v1/contact-points/{id}")
class ContactPreferencesApi {

    record ChannelChoice(@NotBlank @Pattern(regexp = "VOICE_HUMAN|VOICE_AI|SMS|EMAIL|APP_PUSH|LETTER|FIELD_VISIT",
            message = "must be one of VOICE_HUMAN, VOICE_AI, SMS, EMAIL, APP_PUSH, LETTER, FIELD_VISIT") String channel) {
    }

    record ConsentChoice(@NotBlank @Pattern(regexp = "[A-Z_]{3,64}", message = "must be a consent name such as PRIOR_EXPRESS_CONSENT")
                         String consent) {
    }

    private final ContactPreferences preferences;

    ContactPreferencesApi(ContactPreferences preferences) {
        this.preferences = preferences;
    }

    @PostMapping("/opt-outs")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER', 'COMPLIANCE_OFFICER')")
    ResponseEntity<Void> optOut(@PathVariable UUID id, @Valid @RequestBody ChannelChoice c) {
        preferences.optOut(id, c.channel(), true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/opt-outs/{channel}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
    ResponseEntity<Void> optIn(@PathVariable UUID id, @PathVariable String channel) {
        preferences.optOut(id, new ChannelChoice(channel).channel(), false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/consents")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COMPLIANCE_OFFICER')")
    ResponseEntity<Void> grant(@PathVariable UUID id, @Valid @RequestBody ConsentChoice c) {
        preferences.consent(id, c.consent(), true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/consents/{consent}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AGENCY_USER', 'COMPLIANCE_OFFICER')")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable String consent) {
        preferences.consent(id, consent, false);
        return ResponseEntity.noContent().build();
    }
}
