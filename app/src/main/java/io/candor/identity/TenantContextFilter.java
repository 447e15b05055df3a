package io.candor.identity;

import java.io.IOException;
import java.util.Optional;

import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.FilterOrder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** The rest of the request works for the signed-in user's tenant, and only for it. */
@Component
@Order(FilterOrder.TENANT_CONTEXT)
class TenantContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CandorPrincipal> user = CurrentUser.find();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try (TenantContext.Scope ignored = TenantContext.enter(user.get().tenantId())) {
            chain.doFilter(request, response);
        }
    }
}
