package io.candor.identity;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/** The tenant field of the login form, carried with the username and password. */
record TenantLoginDetails(String tenant) implements Serializable {

    static final AuthenticationDetailsSource<HttpServletRequest, TenantLoginDetails> SOURCE =
            request -> new TenantLoginDetails(String.valueOf(request.getParameter("tenant")).strip());
}
