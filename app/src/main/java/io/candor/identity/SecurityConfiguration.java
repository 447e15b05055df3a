package io.candor.identity;

import io.candor.platform.CandorProperties;
import io.candor.platform.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Two filter chains: {@code /api/**} is stateless with bearer tokens and answers 401/403 as problem details;
 * everything else is the UI with form login, a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC_UI = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
            "/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * Header values may carry any text a person writes ({@code X-Purpose: 催收} arrives as its UTF-8 bytes); only
     * control characters other than a tab are refused here, and what a header must be is said by what reads it.
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall f =
                new StrictHttpFirewall();
        f.setAllowedHeaderValues(v -> v.chars().allMatch(c -> c == '\t' || c >= 0x20 && c != 0x7F));
        return f;
    }

    /** A request the firewall refuses is a client's mistake: 400 with problem details, not a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> ProblemWriter.write(request, response, 400, "Bad request",
                "The request was refused: a header or the address holds characters that are not allowed (control "
                        + "characters, encoded slashes or dots). Send plain text.");
    }

    @Bean
    PasswordAuthenticationProvider passwordAuthenticationProvider(Login login) {
        return new PasswordAuthenticationProvider(login);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        // checked here too, so a caller without the role is refused before the body is read
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Role.ADMIN.name())
                        // a compliance officer reads rejected rows raw (personal data, audited)
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/*/rejections").hasAnyRole(Role.ADMIN.name(),
                                Role.SUPERVISOR.name(), Role.COMPLIANCE_OFFICER.name())
                        .requestMatchers("/api/v1/imports/**", "/api/v1/import-profiles/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/api/v1/audit-events", "/api/v1/audit-events/**").hasAnyRole(
                                Role.ADMIN.name(), Role.AUDITOR.name(), Role.COMPLIANCE_OFFICER.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemWriter.write(req, res, 401, "Unauthorized",
                                "Send Authorization: Bearer <token>; get a token from POST /api/v1/auth/token."))
                        .accessDeniedHandler((req, res, ex) -> ProblemWriter.write(req, res, 403, "Forbidden",
                                "Your role does not allow this action.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, PasswordAuthenticationProvider provider,
            ObjectProvider<ClientRegistrationRepository> oidcProviders, Login login, CandorProperties properties)
            throws Exception {
        if (oidcProviders.getIfAvailable() != null) {
            // Single sign-on, when an OpenID Connect provider is configured (docs/security.md)
            http.oauth2Login(o -> o.loginPage("/login").successHandler(new OidcLoginSuccess(login, properties)));
        }
        return http
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_UI).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .authenticationDetailsSource(TenantLoginDetails.SOURCE)
                        .defaultSuccessUrl("/", true)
                        .failureHandler(SuspendedSignIn.failureHandler())
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }
}
