package io.candor.compliance;

/** How a contact is made. */
public enum Channel {
    VOICE_HUMAN, VOICE_AI, SMS, EMAIL, APP_PUSH, LETTER, FIELD_VISIT;

    public boolean isVoice() {
        return this == VOICE_HUMAN || this == VOICE_AI;
    }
}
