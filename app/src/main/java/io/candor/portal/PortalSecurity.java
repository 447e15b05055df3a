package io.candor.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The debtor's side has no staff sign-in: the portal ({@code /p/**}, {@code /portal/**}) is opened by a signed link
 * and the debtor's verification (checked by the portal itself), the sandbox gateway's hosted page is the provider's,
 * and payment webhooks prove themselves by signature. Forms keep CSRF protection; webhooks (server to server) do not
 * carry it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        return http.securityMatcher("/p/**", "/portal", "/portal/**", "/sandbox-gateway/**", "/webhooks/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.ignoringRequestMatchers("/webhooks/**"))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
