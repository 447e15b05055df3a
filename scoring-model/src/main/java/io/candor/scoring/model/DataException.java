package io.candor.scoring.model;

/** Training data that cannot be used, with what to fix. */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }
}
