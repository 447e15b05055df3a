package io.candor.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A segment's conditions: one constraint per dimension it names, all of which must hold. Geometrically a box;
 * {@link #minus} splits what remains of a box after another is taken out, exactly.
 */
public record Criteria(Map<Dimension, Constraint> constraints) {

    public static final Criteria ALL = new Criteria(Map.of());

    public Criteria {
        constraints = constraints.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(constraints));
    }

    public Constraint on(Dimension d) {
        return constraints.getOrDefault(d, Constraint.any(d));
    }

    public boolean matches(AccountSituation s) {
        for (Map.Entry<Dimension, Constraint> e : constraints.entrySet()) {
            if (!e.getValue().accepts(s.value(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public boolean intersects(Criteria other) {
        for (Dimension d : Dimension.values()) {
            if ((constraints.containsKey(d) || other.constraints.containsKey(d)) && on(d).intersect(other.on(d)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** What of this box is not in {@code other}: disjoint boxes, none when {@code other} covers it. */
    public List<Criteria> minus(Criteria other) {
        if (!intersects(other)) {
            return List.of(this);
        }
        List<Criteria> pieces = new ArrayList<>();
        Map<Dimension, Constraint> rest = new EnumMap<>(Dimension.class);
        rest.putAll(constraints);
        for (Dimension d : Dimension.values()) {
            if (!other.constraints.containsKey(d)) {
                continue;
            }
            Constraint mine = on(d);
            for (Constraint outside : mine.minus(other.on(d))) {
                Map<Dimension, Constraint> piece = new EnumMap<>(Dimension.class);
                piece.putAll(rest);
                piece.put(d, outside);
                pieces.add(new Criteria(piece));
            }
            rest.put(d, mine.intersect(other.on(d)));
        }
        return pieces;
    }
}
