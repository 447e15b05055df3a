package io.candor.arrangement;

/** Where an arrangement is in its life. */
public enum Status {
    PENDING_APPROVAL, ACTIVE,
    /** Every instalment paid. */
    KEPT,
    /** Broken, with part of what was due paid. */
    PARTIALLY_KEPT,
    /** Broken with nothing paid under it. */
    BROKEN,
    REJECTED, CANCELLED,
    /** A hardship buffer reached its review date. */
    ENDED;

    public boolean live() {
        return this == PENDING_APPROVAL || this == ACTIVE;
    }

    public boolean broken() {
        return this == BROKEN || this == PARTIALLY_KEPT;
    }
}
