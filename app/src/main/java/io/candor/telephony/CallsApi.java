package io.candor.telephony;

import java.util.Map;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Calls over REST: place an AI call (202 and its id, or the gate's refusal), read it, download its recording. */
@RestController
class CallsApi {

    record PlaceCall(@NotNull Channel channel, @Nullable UUID contactPoint) {
    }

    private final Calls calls;

    CallsApi(Calls calls) {
        this.calls = calls;
    }

    @PostMapping("/api/v1/accounts/{id}/calls")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR')")
    ResponseEntity<Map<String, UUID>> place(@PathVariable UUID id, @Valid @RequestBody PlaceCall body,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String key) {
        UUID call = calls.place(id, body.channel(), body.contactPoint(), key, CurrentUser.get());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", call));
    }

    @GetMapping("/api/v1/calls/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'COMPLIANCE', 'AUDITOR')")
    Calls.View get(@PathVariable UUID id) {
        return calls.find(id).orElseThrow(() -> new NotFoundException("call", id));
    }

    @GetMapping(value = "/api/v1/calls/{id}/recording", produces = "audio/wav")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'COMPLIANCE', 'AUDITOR')")
    ResponseEntity<byte[]> recording(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header("Content-Disposition", "attachment; filename=\"call-" + id + ".wav\"")
                .body(calls.recording(id, "listen to a call recording"));
    }
}
