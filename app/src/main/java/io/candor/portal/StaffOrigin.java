package io.candor.portal;

import java.util.List;
import java.util.Optional;

import io.candor.identity.CandorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Whether a portal request comes from staff: the browser is signed in to Candor as a staff member (the staff session
 * rides on the same cookie), or the address is in one of the organisation's staff networks
 * ({@code candor.portal.staff-networks}). A debtor's verification from there is recorded as such.
 */
final class StaffOrigin {

    private final List<IpAddressMatcher> networks;
    private final List<String> cidrs;

    StaffOrigin(List<String> cidrs) {
        this.cidrs = List.copyOf(cidrs);
        this.networks = cidrs.stream().map(IpAddressMatcher::new).toList();
    }

    /** {@code STAFF_SESSION:<username>}, {@code STAFF_NETWORK:<cidr>}, or nothing for a debtor's own device. */
    Optional<String> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext c) {
            Authentication a = c.getAuthentication();
            if (a != null && a.isAuthenticated() && a.getPrincipal() instanceof CandorPrincipal p) {
                return Optional.of("STAFF_SESSION:" + p.username());
            }
        }
        String address = request.getRemoteAddr();
        for (int i = 0; i < networks.size(); i++) {
            if (networks.get(i).matches(address)) {
                return Optional.of("STAFF_NETWORK:" + cidrs.get(i));
            }
        }
        return Optional.empty();
    }
}
