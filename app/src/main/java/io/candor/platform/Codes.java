package io.candor.platform;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Codes users give to things they name (strategies, templates, teams): safe in URLs, file names and logs. The
 * database checks the same pattern where a table keeps one.
 */
public final class Codes {

    /** What a code may be, in words, for error messages. */
    public static final String RULE = "1 to 64 lower-case letters, digits or '-', starting with a letter or digit";

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Codes() {
    }

    public static boolean valid(@Nullable String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
