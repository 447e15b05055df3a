package io.candor.platform.web;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal of who is acting, for a reason of the business rather than a role — the complaint is about them, they
 * drafted what they would approve — answered {@code 403} with that reason, so the user knows whom to ask instead.
 */
public class ForbiddenException extends AccessDeniedException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
