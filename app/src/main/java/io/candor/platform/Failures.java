package io.candor.platform;

/** What a caught exception says to the user: its message, or its kind when it has none. */
public final class Failures {

    private Failures() {
    }

    /** The exception's message; its class's simple name when the message is missing. */
    public static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m != null ? m : e.getClass().getSimpleName();
    }
}
