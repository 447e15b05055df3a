package io.candor.dialer;

/** How a campaign dials: who presses dial, and how many lines ring per free collector. */
public enum DialingMode {
    /** The collector sees the account first and presses dial: one call, theirs. */
    PREVIEW,
    /** One line for each ready collector, kept for them while it rings: no answered debtor waits. */
    PROGRESSIVE,
    /** More lines than ready collectors, paced from the measured answer, talk and wrap-up times. */
    PREDICTIVE
}
