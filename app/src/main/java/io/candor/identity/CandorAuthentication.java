package io.candor.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated Candor user; its name is the user id, unique across tenants. */
final class CandorAuthentication extends AbstractAuthenticationToken {

    private final CandorPrincipal principal;

    CandorAuthentication(CandorPrincipal principal) {
        super(principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CandorPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.userId().toString();
    }
}
