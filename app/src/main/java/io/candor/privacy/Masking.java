package io.candor.privacy;

import java.time.LocalDate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Masked forms of personal data for people who need to recognise a value but not to know it
 * ({@code 138****8000}).
 */
public final class Masking {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Masking() {
    }

    /** A phone number: country code kept, then the first 3 and last 4 digits of the national number. */
    public static String phone(String number) {
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(number, "ZZ");
            String national = PHONES.getNationalSignificantNumber(parsed);
            return "+" + parsed.getCountryCode() + " " + keep(national, 3, 4);
        } catch (NumberParseException e) {
            return keep(number.replaceAll("\\D", ""), 3, 4);
        }
    }

    /**
     * The stored hint of an identity document number: first 3 and last 4 characters. It is never shown — the last
     * four prove who a debtor is in the portal and to the agent — only kept to check them against.
     */
    public static String nationalIdHint(String id) {
        return keep(id.strip(), 3, 4);
    }

    /**
     * An identity document number as staff see it: the first 3 characters (the issuing region), nothing of the end,
     * which is what a debtor proves who they are with. Works on the number or on its stored hint.
     */
    public static String nationalId(String idOrHint) {
        String s = idOrHint.strip();
        return s.length() <= 3 ? "*".repeat(s.length()) : s.substring(0, 3) + "*".repeat(s.length() - 3);
    }

    /** A date of birth as staff see it: the year only ({@code 1990-**-**}). */
    public static String birthDate(LocalDate date) {
        return date.getYear() + "-**-**";
    }

    /** A bank account from its last four digits. */
    public static String bankAccount(String last4) {
        return "**** " + last4;
    }

    /** An e-mail address: first character of the local part, and the domain. */
    public static String email(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** The first {@code head} and last {@code tail} characters; short values show only their last two. */
    static String keep(String s, int head, int tail) {
        if (s.length() <= head + tail) {
            int shown = Math.min(2, s.length() / 2);
            return "*".repeat(s.length() - shown) + s.substring(s.length() - shown);
        }
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
