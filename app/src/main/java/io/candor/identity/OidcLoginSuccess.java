package io.candor.identity;

import java.io.IOException;
import java.util.Objects;

import io.candor.platform.CandorProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * After an OIDC sign-in: the provider's user becomes the Candor user of {@code candor.security.oidc-tenant}
 * with the same username ({@code preferred_username}, else the e-mail address). Candor users are not created
 * from the provider: an unknown, disabled or locked user is refused.
 */
final class OidcLoginSuccess implements AuthenticationSuccessHandler {

    private final Login login;
    private final String tenant;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcLoginSuccess(Login login, CandorProperties properties) {
        this.login = login;
        this.tenant = properties.security().oidcTenant() == null ? "" : properties.security().oidcTenant();
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OidcUser oidc = (OidcUser) Objects.requireNonNull(authentication.getPrincipal());
        String provider = authentication instanceof OAuth2AuthenticationToken t ? t.getAuthorizedClientRegistrationId() : "oidc";
        String username = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getEmail();
        Login.Outcome outcome = username == null ? new Login.Outcome.Failure()
                : login.federated(tenant, username, provider);
        switch (outcome) {
            case Login.Outcome.Success s -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new CandorAuthentication(s.principal()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                response.sendRedirect(request.getContextPath() + "/");
            }
            case Login.Outcome.Suspended x -> {
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?suspended");
            }
            case Login.Outcome.Failure f -> {
                SecurityContextHolder.clearContext();
                if (request.getSession(false) != null) {
                    request.getSession(false).invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        }
    }
}
