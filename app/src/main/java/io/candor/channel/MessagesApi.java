package io.candor.channel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Provider settings per channel, and messages to an account's debtor. */
@RestController
class MessagesApi {

    /** A channel's settings and (optionally) a new secret. */
    record ProviderSettings(Map<String, String> settings, @Nullable String secret) {
    }

    /** Which approved template to send. */
    record SendMessage(String template) {
    }

    private final Providers providers;
    private final Sends sends;

    MessagesApi(Providers providers, Sends sends) {
        this.providers = providers;
        this.sends = sends;
    }

    @PutMapping("/api/v1/channels/{channel}")
    @PreAuthorize("hasRole('ADMIN')")
    Providers.View put(@PathVariable Channel channel, @RequestBody ProviderSettings p) {
        return providers.put(channel, p.settings() == null ? Map.of() : p.settings(), p.secret(),
                CurrentUser.get().username());
    }

    @GetMapping("/api/v1/channels")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Providers.View> channels() {
        return providers.views();
    }

    /** Sending needs an {@code Idempotency-Key}: a retry must never send twice. */
    @PostMapping("/api/v1/accounts/{id}/messages")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR')")
    ResponseEntity<Sends.Message> send(@PathVariable UUID id, @RequestBody SendMessage m, HttpServletRequest request) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new BadRequestException("Sending a message needs an Idempotency-Key header (e.g. a UUID), so that a "
                    + "retry never sends twice.");
        }
        return ResponseEntity.status(201).body(sends.send(id, m.template(), "api:" + key, CurrentUser.get()));
    }

    @GetMapping("/api/v1/accounts/{id}/messages")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    List<Sends.Message> messages(@PathVariable UUID id) {
        return sends.ofAccount(id);
    }
}
