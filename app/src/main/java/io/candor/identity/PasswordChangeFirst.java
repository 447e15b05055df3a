package io.candor.identity;

import java.io.IOException;
import java.util.List;

import io.candor.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A user whose password someone else chose (the platform operator's generated one) chooses a new one before
 * anything else: every other API request is refused with 403 and told how, and every page leads to the password page.
 */
final class PasswordChangeFirst implements HandlerInterceptor {

    /** What such a user may reach meanwhile. */
    static final List<String> ALLOWED = List.of("/api/v1/me", "/api/v1/auth/token", "/error", "/password", "/logout",
            "/login", "/css", "/js", "/webjars", "/favicon.ico");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!CurrentUser.find().map(CandorPrincipal::mustChangePassword).orElse(false)) {
            return true;
        }
        if (OperatorScope.within(request, ALLOWED)) {
            return true;
        }
        if (!OperatorScope.api(request)) {
            response.sendRedirect(request.getContextPath() + "/password");
            return false;
        }
        ProblemWriter.write(request, response, 403, "Choose a new password first", "Your password was chosen for "
                + "you: choose your own with PUT /api/v1/me/password {\"current\",\"new\"}, then carry on.");
        return false;
    }
}
