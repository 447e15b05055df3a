package io.candor.identity;

import java.util.UUID;

import io.candor.platform.web.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * An administrator turning a user's access off or giving them a temporary password, by the API or in the web: the
 * change and the user's tokens forgotten at once, so nothing issued before still works.
 */
@Component
class UserAccess {

    private final Users users;
    private final ApiTokens tokens;

    UserAccess(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** Disables a user (never oneself): sign-ins and tokens are refused at once. */
    UserView disable(UUID id) {
        if (CurrentUser.get().userId().equals(id)) {
            throw BadRequestException.localised("You cannot disable yourself: ask another administrator.",
                    "users.notYourself");
        }
        UserView u = users.setEnabled(id, false);
        tokens.forget(id);
        return u;
    }

    /** A temporary password the user must replace at the next sign-in; their tokens are forgotten. */
    void reset(UUID id, String temporary) {
        users.resetPassword(id, temporary);
        tokens.forget(id);
    }
}
