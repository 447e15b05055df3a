package io.candor.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Form login: tenant, username and password checked by {@link Login}. */
final class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final String FAILED = "login.failed";

    private final Login login;

    PasswordAuthenticationProvider(Login login) {
        this.login = login;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String tenant = authentication.getDetails() instanceof TenantLoginDetails d ? d.tenant() : "";
        return switch (login.attempt(tenant, authentication.getName(), String.valueOf(authentication.getCredentials()))) {
            case Login.Outcome.Success s -> new CandorAuthentication(s.principal());
            case Login.Outcome.Suspended x -> throw new SuspendedSignIn(x);
            case Login.Outcome.Failure f -> throw new BadCredentialsException(FAILED);
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
