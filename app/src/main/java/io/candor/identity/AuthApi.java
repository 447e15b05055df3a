package io.candor.identity;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: sign in with a tenant, username and password; sign out by revoking the token. */
@RestController
@RequestMapping("/api/v1/auth/token")
class AuthApi {

    record Credentials(@NotBlank String tenant, @NotBlank String username, @NotBlank String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    private final Login login;
    private final ApiTokens tokens;

    AuthApi(Login login, ApiTokens tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    @Operation(summary = "Issue a bearer token", security = {})
    @PostMapping
    ResponseEntity<?> issue(@Valid @RequestBody Credentials credentials) {
        return switch (login.attempt(credentials.tenant(), credentials.username(), credentials.password())) {
            case Login.Outcome.Success s -> {
                ApiTokens.Issued issued = tokens.issue(s.principal());
                yield ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
            }
            case Login.Outcome.Suspended x -> {
                ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, suspended(x));
                p.setTitle("Organisation suspended");
                yield ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
            }
            case Login.Outcome.Failure f -> {
                ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                        "The tenant, username or password is wrong, or the account is locked after repeated "
                                + "failures. Check them, wait and try again, or ask your administrator.");
                p.setTitle("Login failed");
                yield ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
            }
        };
    }

    /** What a user of a suspended organisation is told. */
    static String suspended(Login.Outcome.Suspended x) {
        return "The organisation '" + x.organisation() + "' is suspended by the platform operator: " + x.reason()
                + ". Its users cannot sign in until it is reactivated; contact the platform operator.";
    }

    @Operation(summary = "Revoke the token this request is signed with")
    @DeleteMapping
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        BearerTokenFilter.bearer(request).ifPresent(tokens::revoke);
        return ResponseEntity.noContent().build();
    }
}
