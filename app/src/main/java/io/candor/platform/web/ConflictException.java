package io.candor.platform.web;

/** The request clashes with the current state (a duplicate, or a retry still in progress). */
public class ConflictException extends RuntimeException {

    private final java.util.Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, java.util.Map.of());
    }

    /** With facts the caller can act on, answered as extra members of the problem ({@code rules}, …). */
    public ConflictException(String message, java.util.Map<String, Object> properties) {
        super(message);
        this.properties = java.util.Map.copyOf(properties);
    }

    public java.util.Map<String, Object> properties() {
        return properties;
    }
}
