package io.candor.portfolio;

/** Aging buckets by days past due: M0 current, M1 1–30, M2 31–60 … M6 151–180, M7+ over 180. */
public final class Bucket {

    private Bucket() {
    }

    public static String of(int dpd) {
        if (dpd < 0) {
            throw new IllegalArgumentException("days past due cannot be negative: " + dpd);
        }
        if (dpd == 0) {
            return "M0";
        }
        int m = (dpd + 29) / 30;
        return m >= 7 ? "M7+" : "M" + m;
    }
}
