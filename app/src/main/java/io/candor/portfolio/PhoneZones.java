package io.candor.portfolio;

import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.Phonenumber;

/** The time zones a phone number may be in (libphonenumber), without its "unknown" placeholder. */
public final class PhoneZones {

    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private PhoneZones() {
    }

    public static List<String> of(Phonenumber.PhoneNumber number) {
        return ZONES.getTimeZonesForNumber(number).stream()
                .filter(z -> !z.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())).toList();
    }
}
