package io.candor.portfolio;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Everything under an account ({@code /api/v1/accounts/{id}/…}: notes, payments, holds, links …) is about an account
 * of the caller's tenant: another tenant's or an unknown account answers 404 before the request is handled — never an
 * empty list, never a database error.
 */
@Configuration(proxyBeanMethods = false)
class AccountScope implements WebMvcConfigurer {

    private final Accounts accounts;

    AccountScope(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                        && vars.get("id") instanceof String id && ContactPointRef.UUID_TEXT.matcher(id).matches()) {
                    accounts.requireExists(UUID.fromString(id));
                }
                return true;
            }
        }).addPathPatterns("/api/v1/accounts/*/**", "/workbench/accounts/*", "/workbench/accounts/*/**").order(2);
    }
}
