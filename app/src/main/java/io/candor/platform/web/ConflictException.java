package io.candor.platform.web;

import java.util.Map;

/** The request clashes with the current state (a duplicate, or a retry still in progress). */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    /** With facts the caller can act on, answered as extra members of the problem ({@code rules}, …). */
    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
