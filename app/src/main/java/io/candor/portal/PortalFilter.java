package io.candor.portal;

import java.io.IOException;

import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.FilterOrder;
import io.candor.platform.web.PageLocale;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /portal/**} works for the verified debtor's tenant and account only, in the debtor's language; without a
 * verified session the debtor is sent to the page that says to open the link again.
 */
@Component
@Order(FilterOrder.TENANT_CONTEXT)
class PortalFilter extends OncePerRequestFilter {

    private final PortalLinks links;

    PortalFilter(PortalLinks links) {
        this.links = links;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/portal") || path.startsWith("/portal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        PortalSession s = session == null ? null : (PortalSession) session.getAttribute(PortalSession.ATTRIBUTE);
        if (s == null) {
            response.sendRedirect(request.getContextPath() + "/p/ended");
            return;
        }
        request.setAttribute(PageLocale.ATTRIBUTE, s.locale());
        request.setAttribute(PortalSession.ATTRIBUTE, s);
        try (TenantContext.Scope ignored = TenantContext.enter(s.tenant())) {
            if (!links.live(s.link())) {
                // the session ends with its link: expired or revoked, the debtor opens a new one
                session.invalidate();
                response.sendRedirect(request.getContextPath() + "/p/ended?lang=" + s.locale().toLanguageTag());
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
