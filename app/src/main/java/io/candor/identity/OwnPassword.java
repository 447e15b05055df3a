package io.candor.identity;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A user chooses their own password (by the API or the web): the current one and a strong new one; their other
 * tokens are forgotten, the platform operator's generated password file is deleted, and the request goes on as a
 * user who chose their own.
 */
@Component
class OwnPassword {

    private final Users users;
    private final ApiTokens tokens;
    private final PlatformOperator operator;

    OwnPassword(Users users, ApiTokens tokens, PlatformOperator operator) {
        this.users = users;
        this.tokens = tokens;
        this.operator = operator;
    }

    void choose(String current, String chosen) {
        CandorPrincipal p = CurrentUser.get();
        users.changePassword(p.userId(), current, chosen);
        tokens.forget(p.userId());
        operator.passwordChosen(p);
        SecurityContextHolder.getContext().setAuthentication(new CandorAuthentication(new CandorPrincipal(
                p.tenantId(), p.tenantSlug(), p.userId(), p.username(), p.displayName(), p.roles(), p.locale(), false)));
    }
}
