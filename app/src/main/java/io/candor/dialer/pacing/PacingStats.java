package io.candor.dialer.pacing;

import java.time.Duration;

/**
 * What a campaign has measured of its calls, recent calls weighing more: the share of dials answered, how long an
 * answered call rang, and how long collectors talk and wrap up. Starts from modest priors so the first minutes of a
 * campaign pace sensibly; each figure then follows the last few hundred calls.
 */
final class PacingStats {

    /** Weight of one new observation: the figures follow roughly the last 1 ÷ RECENT observations. */
    private static final double RECENT = 1.0 / 200;

    private double answerRate = 0.3;
    private double secondsToAnswer = 10;
    private final RecentDurations talks = new RecentDurations(120);
    private final RecentDurations wraps = new RecentDurations(30);
    private long dials;
    private long answered;

    /** A dial ended: answered after {@code rang}, or not answered at all (null). */
    public void dialEnded(Duration rang, boolean wasAnswered) {
        dials++;
        answerRate += weight(dials) * ((wasAnswered ? 1 : 0) - answerRate);
        if (wasAnswered) {
            answered++;
            secondsToAnswer += weight(answered) * (seconds(rang) - secondsToAnswer);
        }
    }

    /** A collector talked for {@code d}. */
    public void talked(Duration d) {
        talks.add(seconds(d));
    }

    /** A collector wrapped up for {@code d}. */
    public void wrapped(Duration d) {
        wraps.add(seconds(d));
    }

    /**
     * The chance a collector wrapping up for {@code elapsed} seconds is free within {@code horizon}, from the
     * wrap-ups measured.
     */
    public double wrapEndsWithin(double elapsed, double horizon) {
        return wraps.endsWithin(elapsed, horizon);
    }

    /**
     * The chance a collector on a call for {@code elapsed} seconds is free within {@code horizon}: the call ends, and
     * the wrap-up after it too (taken at its mean).
     */
    public double callAndWrapEndWithin(double elapsed, double horizon) {
        double wrap = wraps.mean();
        return horizon <= wrap ? 0 : talks.endsWithin(elapsed, horizon - wrap);
    }

    /** Early on, each observation counts more (a running mean); later, the last ~200 count. */
    private static double weight(long n) {
        return Math.max(RECENT, 1.0 / (n + 5)); // the prior counts as five observations
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    public double answerRate() {
        return Math.max(0.01, answerRate);
    }

    public double secondsToAnswer() {
        return secondsToAnswer;
    }
}
