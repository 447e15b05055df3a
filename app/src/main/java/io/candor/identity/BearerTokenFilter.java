package io.candor.identity;

import java.io.IOException;
import java.util.Optional;

import io.candor.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import io.candor.tenancy.Tenants;

/** Authenticates API requests that carry {@code Authorization: Bearer <token>}. */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = bearer(request);
        if (token.isPresent()) {
            Optional<CandorPrincipal> user = tokens.authenticate(token.get());
            if (user.isEmpty()) {
                Optional<Tenants.Suspension> suspended = tokens.suspension(token.get());
                if (suspended.isPresent()) {
                    ProblemWriter.write(request, response, 403, "Organisation suspended", "This organisation is "
                            + "suspended by the platform operator: " + suspended.get().reason()
                            + ". Its users and tokens are refused until it is reactivated; contact the platform operator.");
                    return;
                }
                ProblemWriter.write(request, response, 401, "Unauthorized",
                        "The bearer token is invalid, expired or revoked: get a new one from POST /api/v1/auth/token.");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new CandorAuthentication(user.get()));
        }
        chain.doFilter(request, response);
    }

    static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
