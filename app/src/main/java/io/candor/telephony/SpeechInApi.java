package io.candor.telephony;

import io.candor.identity.CurrentUser;
import io.candor.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Speech in on AI calls over REST: set, read or remove the recogniser that hears debtors' languages. */
@RestController
class SpeechInApi {

    private static final String PATH = "/api/v1/channels/VOICE_AI/speech-in";

    private final SpeechIn speechIn;

    SpeechInApi(SpeechIn speechIn) {
        this.speechIn = speechIn;
    }

    @PutMapping(PATH)
    @PreAuthorize("hasRole('ADMIN')")
    SpeechIn.View put(@RequestBody SpeechIn.Settings settings) {
        return speechIn.put(settings, CurrentUser.get().username());
    }

    @GetMapping(PATH)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    SpeechIn.View get() {
        return speechIn.view().orElseThrow(() -> new NotFoundException("speech-in setting (calls are answered by keys)",
                "VOICE_AI"));
    }

    @DeleteMapping(PATH)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete() {
        speechIn.clear();
        return ResponseEntity.noContent().build();
    }
}
