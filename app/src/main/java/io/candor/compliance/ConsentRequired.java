package io.candor.compliance;

import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.jspecify.annotations.Nullable;

/**
 * Some channels need prior consent, e.g. TCPA: automated or prerecorded calls and texts to a mobile number need
 * prior express consent. With {@code mobileOnly}, the contact point's number type decides (libphonenumber);
 * a number that cannot be read is treated as mobile (fail closed).
 */
public record ConsentRequired(String id, Source source, Set<Channel> channels, String consent, boolean mobileOnly)
        implements Rule {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public Verdict check(Scenario s) {
        if (!channels.contains(s.channel()) || s.consents(consent) || (mobileOnly && !mobile(s.contactPoint()))) {
            return Verdict.PASS;
        }
        return Verdict.never(id);
    }

    private static boolean mobile(@Nullable String contactPoint) {
        if (contactPoint == null) {
            return true;
        }
        try {
            var type = PHONES.getNumberType(PHONES.parse(contactPoint, "ZZ"));
            return type != PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
        } catch (NumberParseException e) {
            return true;
        }
    }

    @Override
    public String describe() {
        return channels + (mobileOnly ? " to mobile numbers" : "") + " need consent " + consent;
    }
}
