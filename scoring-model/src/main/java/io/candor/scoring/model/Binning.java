package io.candor.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One feature's bins with their weight of evidence, found by ChiMerge: numeric values start in up to twenty
 * quantile bins, categories each in their own (rare ones pooled); adjacent bins (by value, or by bad rate for
 * categories) merge while the χ² test cannot tell them apart at 95 %, while a bin holds under 5 % of the rows or
 * while there are more than six; numeric bins then merge until the bad rate is monotonic. Missing values get a bin
 * of their own. WOE = ln(share of goods / share of bads), smoothed by half a count.
 */
public record Binning(String feature, boolean numeric, double[] cuts, Map<String, Integer> categories,
                      List<String> labels, int missingBin, int[] goods, int[] bads, double[] woe, double iv) {

    static final int MAX_BINS = 6;
    static final int START_BINS = 20;
    static final double MIN_SHARE = 0.05;
    static final double CHI2_95 = 3.841;
    /** Categories rarer than this share are pooled. */
    static final double RARE = 0.02;
    public static final String OTHER = "(other)";
    public static final String MISSING = "(missing)";

    /** The bin a numeric value falls in (NaN: the missing bin, or the bin of WOE nearest 0 when none). */
    public int bin(double value) {
        if (Double.isNaN(value)) {
            return missingBin >= 0 ? missingBin : neutral();
        }
        int i = Arrays.binarySearch(cuts, value);
        return i >= 0 ? i : -i - 1;
    }

    /** The bin of a category (unknown ones: the pooled bin, else the neutral one; null: missing). */
    public int bin(@Nullable String value) {
        if (value == null) {
            return missingBin >= 0 ? missingBin : neutral();
        }
        Integer b = categories.get(value);
        if (b == null) {
            b = categories.get(OTHER);
        }
        return b != null ? b : neutral();
    }

    private int neutral() {
        int best = 0;
        for (int i = 1; i < woe.length; i++) {
            if (Math.abs(woe[i]) < Math.abs(woe[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Bins a column of a training table. */
    public static Binning of(Dataset.Column column, boolean[] bad) {
        return switch (column) {
            case Dataset.Column.Numeric n -> numeric(n.name(), n.values(), bad);
            case Dataset.Column.Categorical c -> categorical(c.name(), c.values(), bad);
        };
    }

    /** A working bin: counts, and the value bound or categories it covers. */
    private static final class Group {
        int good;
        int bad;
        double upper;
        final List<String> members = new ArrayList<>();

        double rate() {
            return (bad + 0.5) / (good + bad + 1.0);
        }

        void absorb(Group other) {
            good += other.good;
            bad += other.bad;
            upper = Math.max(upper, other.upper);
            members.addAll(other.members);
        }
    }

    static Binning numeric(String name, double[] values, boolean[] bad) {
        int present = 0;
        int missingGood = 0;
        int missingBad = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                missingGood += bad[i] ? 0 : 1;
                missingBad += bad[i] ? 1 : 0;
            } else {
                present++;
            }
        }
        Integer[] order = new Integer[present];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        List<Group> groups = new ArrayList<>();
        Group g = new Group();
        int target = Math.max(1, present / START_BINS);
        int inGroup = 0;
        for (int k = 0; k < present; k++) {
            int i = order[k];
            g.good += bad[i] ? 0 : 1;
            g.bad += bad[i] ? 1 : 0;
            g.upper = values[i];
            inGroup++;
            boolean boundary = k + 1 == present || values[order[k + 1]] != values[i];
            if (inGroup >= target && boundary) {
                groups.add(g);
                g = new Group();
                inGroup = 0;
            }
        }
        if (inGroup > 0) {
            groups.add(g);
        }
        merge(groups, values.length, true);
        double[] cuts = new double[groups.size() - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = groups.get(i).upper;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String lo = i == 0 ? "-inf" : fmt(cuts[i - 1]);
            String hi = i == cuts.length ? "+inf" : fmt(cuts[i]);
            labels.add("(" + lo + ", " + hi + "]");
        }
        return finish(name, true, cuts, Map.of(), labels, groups, missingGood, missingBad);
    }

    static Binning categorical(String name, @Nullable String[] values, boolean[] bad) {
        Map<String, Group> byValue = new TreeMap<>();
        int missingGood = 0;
        int missingBad = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                missingGood += bad[i] ? 0 : 1;
                missingBad += bad[i] ? 1 : 0;
                continue;
            }
            Group g = byValue.computeIfAbsent(values[i], v -> {
                Group n = new Group();
                n.members.add(v);
                return n;
            });
            g.good += bad[i] ? 0 : 1;
            g.bad += bad[i] ? 1 : 0;
        }
        List<Group> groups = new ArrayList<>();
        Group rare = new Group();
        rare.members.add(OTHER);
        for (Group g : byValue.values()) {
            if (g.good + g.bad < RARE * values.length) {
                rare.absorb(g);
            } else {
                groups.add(g);
            }
        }
        if (rare.good + rare.bad > 0) {
            groups.add(rare);
        } else if (!groups.isEmpty()) {
            groups.getLast().members.add(OTHER); // unseen categories score as the last bin until pooled ones exist
        }
        groups.sort(Comparator.comparingDouble(Group::rate));
        merge(groups, values.length, false);
        Map<String, Integer> categories = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < groups.size(); b++) {
            for (String m : groups.get(b).members) {
                categories.put(m, b);
            }
            labels.add(String.join(" | ", groups.get(b).members));
        }
        return finish(name, false, new double[0], categories, labels, groups, missingGood, missingBad);
    }

    /** ChiMerge, minimum bin size, most bins, and (numeric) monotonic bad rate. */
    private static void merge(List<Group> groups, int rows, boolean monotonic) {
        while (groups.size() > 1) {
            int worst = -1;
            double lowest = Double.MAX_VALUE;
            for (int i = 0; i + 1 < groups.size(); i++) {
                double chi = chi2(groups.get(i), groups.get(i + 1));
                if (chi < lowest) {
                    lowest = chi;
                    worst = i;
                }
            }
            int small = smallest(groups, rows);
            if (small >= 0) {
                int with = small == 0 ? 0 : small == groups.size() - 1 ? small - 1
                        : chi2(groups.get(small - 1), groups.get(small)) <= chi2(groups.get(small), groups.get(small + 1))
                        ? small - 1 : small;
                join(groups, with);
            } else if (lowest < CHI2_95 || groups.size() > MAX_BINS) {
                join(groups, worst);
            } else if (monotonic && !monotone(groups)) {
                join(groups, worstViolation(groups));
            } else {
                return;
            }
        }
    }

    private static int smallest(List<Group> groups, int rows) {
        int smallest = -1;
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g.good + g.bad < MIN_SHARE * rows
                    && (smallest < 0 || g.good + g.bad < groups.get(smallest).good + groups.get(smallest).bad)) {
                smallest = i;
            }
        }
        return smallest;
    }

    private static void join(List<Group> groups, int i) {
        groups.get(i).absorb(groups.remove(i + 1));
    }

    private static boolean monotone(List<Group> groups) {
        return worstViolation(groups) < 0;
    }

    /** The adjacent pair that breaks the trend from the first to the last bin with the least χ², or -1. */
    private static int worstViolation(List<Group> groups) {
        boolean rising = groups.getLast().rate() >= groups.getFirst().rate();
        int worst = -1;
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i + 1 < groups.size(); i++) {
            boolean up = groups.get(i + 1).rate() >= groups.get(i).rate();
            if (up != rising) {
                double chi = chi2(groups.get(i), groups.get(i + 1));
                if (chi < lowest) {
                    lowest = chi;
                    worst = i;
                }
            }
        }
        return worst;
    }

    /** Pearson's χ² of two bins × good/bad. */
    static double chi2(Group a, Group b) {
        double n = a.good + a.bad + b.good + b.bad;
        double goods = a.good + b.good;
        double bads = a.bad + b.bad;
        if (goods == 0 || bads == 0) {
            return 0;
        }
        double chi = 0;
        for (Group g : new Group[] {a, b}) {
            double size = g.good + g.bad;
            double eGood = size * goods / n;
            double eBad = size * bads / n;
            chi += (g.good - eGood) * (g.good - eGood) / eGood + (g.bad - eBad) * (g.bad - eBad) / eBad;
        }
        return chi;
    }

    private static Binning finish(String name, boolean numeric, double[] cuts, Map<String, Integer> categories,
            List<String> labels, List<Group> groups, int missingGood, int missingBad) {
        boolean hasMissing = missingGood + missingBad > 0;
        int n = groups.size() + (hasMissing ? 1 : 0);
        int[] goods = new int[n];
        int[] bads = new int[n];
        for (int i = 0; i < groups.size(); i++) {
            goods[i] = groups.get(i).good;
            bads[i] = groups.get(i).bad;
        }
        List<String> allLabels = new ArrayList<>(labels);
        if (hasMissing) {
            goods[n - 1] = missingGood;
            bads[n - 1] = missingBad;
            allLabels.add(MISSING);
        }
        double totalGood = Arrays.stream(goods).sum();
        double totalBad = Arrays.stream(bads).sum();
        double[] woe = new double[n];
        double iv = 0;
        for (int i = 0; i < n; i++) {
            double g = (goods[i] + 0.5) / (totalGood + 0.5);
            double b = (bads[i] + 0.5) / (totalBad + 0.5);
            woe[i] = Math.log(g / b);
            iv += (g - b) * woe[i];
        }
        return new Binning(name, numeric, cuts, categories, List.copyOf(allLabels), hasMissing ? n - 1 : -1, goods,
                bads, woe, iv);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Bin index per row of a column. */
    public int[] bins(Dataset.Column column) {
        return switch (column) {
            case Dataset.Column.Numeric n -> Arrays.stream(n.values()).mapToInt(this::bin).toArray();
            case Dataset.Column.Categorical c -> Arrays.stream(c.values()).mapToInt(this::bin).toArray();
        };
    }

    /** Counts of bins, for describing a feature. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            out.put(labels.get(i), goods[i] + bads[i]);
        }
        return out;
    }
}
