package io.candor.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.PutMapping;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The caller. */
@RestController
@RequestMapping("/api/v1/me")
class MeApi {

    record Me(UUID id, UUID tenantId, String tenant, String username, String displayName, Set<Role> roles,
              String locale) {
    }

    record Preferences(@NotNull @Pattern(regexp = "en|zh-CN|zh-TW", message = "must be one of en, zh-CN, zh-TW")
                       String locale) {
    }

    /** A change of one's own password. */
    record PasswordChange(@NotNull String current, @NotNull @JsonProperty("new") String chosen) {
    }

    private final Users users;
    private final OwnPassword password;

    MeApi(Users users, OwnPassword password) {
        this.users = users;
        this.password = password;
    }

    /** Changes the caller's own password: the current one, and a strong new one. */
    @PutMapping("/password")
    ResponseEntity<Void> password(@Valid @RequestBody PasswordChange change) {
        password.choose(change.current(), change.chosen());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    Me me() {
        CandorPrincipal p = CurrentUser.get();
        return new Me(p.userId(), p.tenantId(), p.tenantSlug(), p.username(), p.displayName(), p.roles(), p.locale());
    }

    @PatchMapping
    ResponseEntity<Me> update(@Valid @RequestBody Preferences preferences) {
        CandorPrincipal p = CurrentUser.get();
        users.changeLocale(p.userId(), preferences.locale());
        CandorPrincipal updated = new CandorPrincipal(p.tenantId(), p.tenantSlug(), p.userId(), p.username(),
                p.displayName(), p.roles(), preferences.locale(), p.mustChangePassword());
        SecurityContextHolder.getContext().setAuthentication(new CandorAuthentication(updated));
        return ResponseEntity.ok(me());
    }
}
