package io.candor.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<CandorPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CandorPrincipal p ? Optional.of(p) : Optional.empty();
    }

    /** The signed-in user; only for code behind authenticated endpoints. */
    public static CandorPrincipal get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
