package io.candor.agent.nlu;

/** The fixed labels. */
public final class Labels {

    private Labels() {
    }

    /** What the debtor wants or says. */
    public enum Intent {
        PROMISE_TO_PAY, REQUEST_INSTALLMENT, HARDSHIP, DISPUTE, ALREADY_PAID, WRONG_PARTY, CALLBACK_LATER,
        REFUSE_TO_PAY, REQUEST_HUMAN, COMPLAINT, IDENTITY_CONFIRM, OTHER
    }

    /** How the debtor feels. */
    public enum Emotion {
        CALM, ANXIOUS, ANGRY, DISTRESSED
    }
}
