package io.candor.compliance;

/** What came of an earlier contact. */
public enum Outcome {
    NO_ANSWER, BUSY, VOICEMAIL, RIGHT_PARTY_CONTACT, WRONG_PARTY, THIRD_PARTY_CONTACT, DELIVERED, FAILED;

    /** A dial that reached no person. */
    public boolean unanswered() {
        return this == NO_ANSWER || this == BUSY || this == VOICEMAIL || this == FAILED;
    }

    /** A communication that reached someone: a conversation, or a delivered message. */
    public boolean reached() {
        return this == RIGHT_PARTY_CONTACT || this == THIRD_PARTY_CONTACT || this == DELIVERED;
    }
}
