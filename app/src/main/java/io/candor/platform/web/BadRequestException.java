package io.candor.platform.web;

/** A request the caller must change: the message says what to fix. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
