package io.candor.platform;

import java.util.UUID;

/** Who acts: a signed-in user (the identity module's principal implements this). */
public interface Actor {

    UUID userId();

    String username();

    /** An actor known by id and name only, e.g. a user who is signing in. */
    static Actor of(UUID userId, String username) {
        record Named(UUID userId, String username) implements Actor {
        }
        return new Named(userId, username);
    }
}
