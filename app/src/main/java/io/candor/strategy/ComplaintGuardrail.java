package io.candor.strategy;

import org.jspecify.annotations.Nullable;

/**
 * The complaint rate as a guardrail on promotions: a challenger whose accounts complained significantly more often
 * than the champion's (a two-proportion test at {@link Significance#ALPHA}) is not promoted unless the one promoting it
 * records why (an override, kept with the promotion). Fewer complaints, or a difference the sample cannot tell from
 * chance, pass. Pure.
 */
public final class ComplaintGuardrail {

    private ComplaintGuardrail() {
    }

    /** Why the promotion is refused, or null when it may go ahead (with the override, if one was needed). */
    public static @Nullable String refusal(String variant, Significance.Test complaintRate, @Nullable String override) {
        boolean raises = complaintRate.significant() && complaintRate.difference() > 0;
        if (!raises || override != null && !override.isBlank()) {
            return null;
        }
        return "Variant " + variant + " raises the complaint rate significantly (by "
                + String.format(java.util.Locale.ROOT, "%.2f", complaintRate.difference() * 100)
                + " percentage points of accounts, p = " + String.format(java.util.Locale.ROOT, "%.4f", complaintRate.p())
                + "): it is promoted only with a recorded override saying why (complaintOverride).";
    }

    /** Whether a promotion needed the override. */
    public static boolean overridden(Significance.Test complaintRate) {
        return complaintRate.significant() && complaintRate.difference() > 0;
    }
}
