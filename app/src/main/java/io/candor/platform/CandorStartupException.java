package io.candor.platform;

/**
 * A start-up problem the operator can fix: the message says what is wrong, the action says how to fix it.
 * The failure analyzer prints both without a stack trace.
 */
public class CandorStartupException extends RuntimeException {

    private final String action;

    public CandorStartupException(String message, String action) {
        super(message);
        this.action = action;
    }

    public CandorStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
