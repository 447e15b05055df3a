package io.candor.compliance;

import java.util.Arrays;
import java.util.List;

import io.candor.portfolio.ContactPointKind;

/** How a contact is made. */
public enum Channel {
    VOICE_HUMAN, VOICE_AI, SMS, EMAIL, APP_PUSH, LETTER, FIELD_VISIT;

    /** The kind of contact point the channel reaches: a call or a text a phone, a letter or a visit an address. */
    public ContactPointKind reaches() {
        return switch (this) {
            case SMS, VOICE_AI, VOICE_HUMAN -> ContactPointKind.PHONE;
            case EMAIL -> ContactPointKind.EMAIL;
            case APP_PUSH -> ContactPointKind.APP;
            case LETTER, FIELD_VISIT -> ContactPointKind.ADDRESS;
        };
    }

    /** The channels that reach a kind of contact point, in this order. */
    public static List<Channel> reaching(ContactPointKind kind) {
        return Arrays.stream(values()).filter(c -> c.reaches() == kind).toList();
    }

    public boolean isVoice() {
        return this == VOICE_HUMAN || this == VOICE_AI;
    }
}
