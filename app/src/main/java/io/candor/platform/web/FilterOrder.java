package io.candor.platform.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;

/** The order of Candor's servlet filters around Spring Security's filter chain. */
public final class FilterOrder {

    /** Before security: cheap refusals of oversized bodies. */
    public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 10;
    /** After security has authenticated the caller: the tenant of the request. */
    public static final int TENANT_CONTEXT = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;
    /** After the tenant is known: replay of idempotent POSTs. */
    public static final int IDEMPOTENCY = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2;

    private FilterOrder() {
    }
}
