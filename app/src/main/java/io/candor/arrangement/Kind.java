package io.candor.arrangement;

/** The kinds of arrangement. */
public enum Kind {
    /** A promise to pay on one or several dates. */
    PROMISE,
    /** The whole balance in instalments, equal or custom. */
    PLAN,
    /** A discounted lump sum that closes the debt once paid. */
    SETTLEMENT,
    /** Collection paused for a number of days, with a reason and a review date. */
    HARDSHIP,
    /** For a business debtor: a new tenor at a reduced rate, paid in equal monthly instalments. */
    RESTRUCTURE;

    /** Whether the arrangement is paid by a schedule (every kind but a hardship buffer). */
    public boolean scheduled() {
        return this != HARDSHIP;
    }
}
