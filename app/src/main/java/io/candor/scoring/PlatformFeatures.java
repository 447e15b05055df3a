package io.candor.scoring;

import java.util.List;
import java.util.Map;

/**
 * The features the platform knows of every open account, by the names a training file must use for a model the
 * strategy can use (the strategy's condition keys): numbers and labels, as the planning run reads them.
 */
public final class PlatformFeatures {

    /**
     * Numeric features: days past due, balance (reporting currency), attempts in 30 days, attempts since the debtor
     * was last reached, days since then (missing: never), broken promises and plans, posted payments in the last 90
     * days, days since the last payment (missing: never paid).
     */
    public static final List<String> NUMERIC = List.of("dpd", "balance", "attempts", "attemptsWithoutContact",
            "daysSinceContact", "brokenArrangements", "paymentsLast90Days", "daysSincePayment");

    /** Label features. */
    public static final List<String> LABELS = List.of("bucket", "product", "language", "region", "country", "currency",
            "arrangement", "negativeEmotion", "vulnerable", "escalated");

    private PlatformFeatures() {
    }

    public static boolean known(String feature) {
        return NUMERIC.contains(feature) || LABELS.contains(feature);
    }

    /** Every feature with its kind, for documentation and error messages. */
    public static Map<String, List<String>> all() {
        return Map.of("numeric", NUMERIC, "labels", LABELS);
    }
}
