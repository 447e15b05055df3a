package io.candor.identity;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What makes a password too weak for Candor: one rule for new administrators and for every change. */
public final class Passwords {

    private Passwords() {
    }

    /** Why the password is too weak, or null when it is not: what the user is told to fix. */
    public static @Nullable String weakness(String password, String username, String organisation) {
        if (password.length() < 12) {
            return "at least 12 characters";
        }
        if (password.length() > 200) {
            return "at most 200 characters";
        }
        if (password.chars().allMatch(Character::isLetter) || password.chars().allMatch(Character::isDigit)) {
            return "mix letters with digits or symbols";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if ((!username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT)))
                || (!organisation.isEmpty() && lower.contains(organisation.toLowerCase(Locale.ROOT)))
                || lower.contains("password") || lower.contains("123456") || lower.contains("candor")) {
            return "not the username, the organisation, the product or a common password";
        }
        return null;
    }
}
