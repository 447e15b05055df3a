package io.candor.complaint;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether two complaints on one account are the same grievance told twice (the portal today, the regulator's transfer
 * of it next week): their texts, reduced to letters and digits, share most of their character pairs (Jaccard ≥ 0.5 —
 * works for Chinese, which has no spaces, as for English). Pure.
 */
final class SameGrievance {

    static final double THRESHOLD = 0.5;

    private SameGrievance() {
    }

    static boolean same(String a, String b) {
        return similarity(a, b) >= THRESHOLD;
    }

    static double similarity(String a, String b) {
        Set<String> x = pairs(a);
        Set<String> y = pairs(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return (double) both.size() / either.size();
    }

    private static Set<String> pairs(String s) {
        StringBuilder b = new StringBuilder();
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        String t = b.toString();
        Set<String> out = new HashSet<>();
        int[] cps = t.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }
}
