package io.candor.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one dimension of a segment accepts: some labels, all but some labels, or a closed range of whole numbers
 * (amounts are scaled to whole ten-thousandths). Constraints are sets, so the checker can intersect and subtract
 * them exactly: that is how overlapping and unreachable segments are found.
 */
public sealed interface Constraint {

    /** Labels in the set (a missing value is the empty label). */
    record In(Set<String> values) implements Constraint {
        public In {
            values = Set.copyOf(values);
        }
    }

    /** Every label except these. */
    record NotIn(Set<String> values) implements Constraint {
        public NotIn {
            values = Set.copyOf(values);
        }
    }

    /** Whole numbers from {@code min} to {@code max}, both included. */
    record Range(long min, long max) implements Constraint {
    }

    Constraint ANY_NUMBER = new Range(Long.MIN_VALUE, Long.MAX_VALUE);
    Constraint ANY_LABEL = new NotIn(Set.of());

    static Constraint any(Dimension d) {
        return d.numeric() ? ANY_NUMBER : ANY_LABEL;
    }

    default boolean accepts(Object value) {
        return switch (this) {
            case In in -> in.values().contains(value.toString());
            case NotIn out -> !out.values().contains(value.toString());
            case Range r -> value instanceof Long n && n >= r.min() && n <= r.max();
        };
    }

    default boolean isEmpty() {
        return switch (this) {
            case In in -> in.values().isEmpty();
            case NotIn out -> false;
            case Range r -> r.min() > r.max();
        };
    }

    default Constraint intersect(Constraint other) {
        return switch (this) {
            case Range a when other instanceof Range b -> new Range(Math.max(a.min(), b.min()), Math.min(a.max(), b.max()));
            case In a when other instanceof In b -> new In(retain(a.values(), b.values()));
            case In a when other instanceof NotIn b -> new In(remove(a.values(), b.values()));
            case NotIn a when other instanceof In b -> new In(remove(b.values(), a.values()));
            case NotIn a when other instanceof NotIn b -> new NotIn(union(a.values(), b.values()));
            default -> throw new IllegalArgumentException("cannot intersect " + this + " with " + other);
        };
    }

    /** This minus {@code other}, as disjoint pieces (none when nothing is left). */
    default List<Constraint> minus(Constraint other) {
        List<Constraint> pieces = new ArrayList<>();
        switch (this) {
            case Range a when other instanceof Range b -> {
                if (b.max() < a.min() || b.min() > a.max()) {
                    pieces.add(a);
                } else {
                    if (b.min() > a.min()) {
                        pieces.add(new Range(a.min(), b.min() - 1));
                    }
                    if (b.max() < a.max()) {
                        pieces.add(new Range(b.max() + 1, a.max()));
                    }
                }
            }
            case In a when other instanceof In b -> pieces.add(new In(remove(a.values(), b.values())));
            case In a when other instanceof NotIn b -> pieces.add(new In(retain(a.values(), b.values())));
            case NotIn a when other instanceof In b -> pieces.add(new NotIn(union(a.values(), b.values())));
            case NotIn a when other instanceof NotIn b -> pieces.add(new In(remove(b.values(), a.values())));
            default -> throw new IllegalArgumentException("cannot subtract " + other + " from " + this);
        }
        pieces.removeIf(Constraint::isEmpty);
        return pieces;
    }

    private static Set<String> retain(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.retainAll(b);
        return s;
    }

    private static Set<String> remove(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.removeAll(b);
        return s;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
