package io.candor.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A sign-in at a suspended organisation: the sign-in page says so, with the operator's reason, instead of the usual
 * "wrong organisation, username or password".
 */
final class SuspendedSignIn extends DisabledException {

    /** The session attribute the sign-in page reads: the organisation and the reason. */
    static final String ATTRIBUTE = "candor.suspendedSignIn";

    private final String organisation;
    private final String reason;

    SuspendedSignIn(Login.Outcome.Suspended x) {
        super(AuthApi.suspended(x));
        this.organisation = x.organisation();
        this.reason = x.reason();
    }

    /** Sends a suspended organisation's user to {@code /login?suspended}, any other failure to {@code /login?error}. */
    static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof SuspendedSignIn s) {
                request.getSession().setAttribute(ATTRIBUTE, List.of(s.organisation, s.reason));
                response.sendRedirect(request.getContextPath() + "/login?suspended");
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        };
    }
}
