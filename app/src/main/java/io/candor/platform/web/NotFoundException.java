package io.candor.platform.web;

/**
 * A resource that does not exist for the caller. Another tenant's resource is "not found" too: the API
 * never reveals that it exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
    }
}
