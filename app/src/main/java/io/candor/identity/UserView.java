package io.candor.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A user as the API shows it: never the password hash. */
public record UserView(UUID id, String username, String displayName, @Nullable String email, Set<Role> roles,
                       String locale, boolean enabled, boolean locked, Instant createdAt) {
}
