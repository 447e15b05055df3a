package io.candor.identity;

import java.io.IOException;
import java.util.List;

import io.candor.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The platform operator manages organisations and works with nothing else: outside the operator's API and their own
 * profile, every API request of an operator is refused (403) before any handler runs, and every other page leads to
 * the operator's pages — whatever an endpoint's own roles
 * allow, and beside row-level security, which would show an operator no organisation's rows anyway.
 */
final class OperatorScope implements HandlerInterceptor {

    /** What an operator may reach. */
    static final List<String> ALLOWED = List.of("/api/v1/tenants", "/api/v1/me", "/api/v1/auth/token", "/error",
            "/operator", "/password", "/logout", "/login", "/css", "/js", "/webjars", "/favicon.ico");

    /** Where an operator's pages begin. */
    static final String HOME = "/operator/tenants";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!CurrentUser.find().map(u -> u.roles().contains(Role.OPERATOR)).orElse(false)) {
            return true;
        }
        if (within(request, ALLOWED)) {
            return true;
        }
        if (!api(request)) {
            response.sendRedirect(request.getContextPath() + HOME);
            return false;
        }
        ProblemWriter.write(request, response, 403, "Forbidden", "The platform operator manages organisations "
                + "(/api/v1/tenants) and sees none of their data; sign in as one of the organisation's users instead.");
        return false;
    }

    /** Whether the request is one to the API (answered with problem details) rather than for a page. */
    static boolean api(HttpServletRequest request) {
        return within(request, List.of("/api"));
    }

    /** Whether the request's path is one of these paths or below one. */
    static boolean within(HttpServletRequest request, List<String> paths) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().anyMatch(a -> path.equals(a) || path.startsWith(a + "/"));
    }
}
