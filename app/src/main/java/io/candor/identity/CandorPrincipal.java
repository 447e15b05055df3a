package io.candor.identity;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.candor.platform.Actor;

/**
 * The signed-in user of a request, in the UI session or behind an API token; {@code mustChangePassword}: someone else
 * chose the password (the platform operator's generated one), so a new one comes first.
 */
public record CandorPrincipal(UUID tenantId, String tenantSlug, UUID userId, String username, String displayName,
                              Set<Role> roles, String locale, boolean mustChangePassword) implements Actor, Serializable {

    public CandorPrincipal {
        roles = Set.copyOf(roles);
    }

    /** A user who chose their own password. */
    public CandorPrincipal(UUID tenantId, String tenantSlug, UUID userId, String username, String displayName,
            Set<Role> roles, String locale) {
        this(tenantId, tenantSlug, userId, username, displayName, roles, locale, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Locale preferredLocale() {
        return Locale.forLanguageTag(locale);
    }
}
