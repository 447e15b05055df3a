package io.candor.workbench;

import io.candor.compliance.Outcome;

/** What a contact came to, as the collector records it; each implies the contact's outcome for the gate. */
public enum Disposition {
    PROMISE(Outcome.RIGHT_PARTY_CONTACT), PLAN(Outcome.RIGHT_PARTY_CONTACT), PAID(Outcome.RIGHT_PARTY_CONTACT),
    CALLBACK(Outcome.RIGHT_PARTY_CONTACT), REFUSAL(Outcome.RIGHT_PARTY_CONTACT), DISPUTE(Outcome.RIGHT_PARTY_CONTACT),
    HARDSHIP(Outcome.RIGHT_PARTY_CONTACT), COMPLAINT(Outcome.RIGHT_PARTY_CONTACT), RIGHT_PARTY_OTHER(Outcome.RIGHT_PARTY_CONTACT),
    THIRD_PARTY(Outcome.THIRD_PARTY_CONTACT), WRONG_NUMBER(Outcome.WRONG_PARTY), NO_ANSWER(Outcome.NO_ANSWER),
    BUSY(Outcome.BUSY), VOICEMAIL(Outcome.VOICEMAIL);

    private final Outcome outcome;

    Disposition(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
