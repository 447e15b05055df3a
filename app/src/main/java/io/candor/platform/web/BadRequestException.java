package io.candor.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * A request the caller must change: the message says what to fix. A mistake a page can make carries a message key
 * too, so the page tells the user in their own language (the API answers with the English message).
 */
public class BadRequestException extends RuntimeException {

    private final @Nullable String key;
    private final Object[] args;

    public BadRequestException(String message) {
        this(message, null);
    }

    private BadRequestException(String message, @Nullable String key, Object... args) {
        super(message);
        this.key = key;
        this.args = args.clone();
    }

    /** With the key of the same message in the pages' message bundles ({@code error.*}) and its arguments. */
    public static BadRequestException localised(String message, String key, Object... args) {
        return new BadRequestException(message, key, args);
    }

    public @Nullable String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
