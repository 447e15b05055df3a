package io.candor.platform.web;

/** The request clashes with the current state (a duplicate, or a retry still in progress). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
