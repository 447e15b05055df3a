package io.candor.identity;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.candor.platform.Actor;

/** The signed-in user of a request, in the UI session or behind an API token. */
public record CandorPrincipal(UUID tenantId, String tenantSlug, UUID userId, String username, String displayName,
                              Set<Role> roles, String locale) implements Actor, Serializable {

    public CandorPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Locale preferredLocale() {
        return Locale.forLanguageTag(locale);
    }
}
