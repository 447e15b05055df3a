package io.candor.privacy;

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

    /** An identity document number: first 3 and last 4 characters. */
    public static String nationalId(String id) {
        return keep(id.strip(), 3, 4);
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
