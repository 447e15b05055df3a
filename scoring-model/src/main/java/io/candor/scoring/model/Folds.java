package io.candor.scoring.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified k-fold splits: each fold gets its share of bads and goods, shuffled by a seed (reproducible). */
public final class Folds {

    private Folds() {
    }

    /** For each fold, the row indices held out; the rest of the rows train. */
    public static List<int[]> stratified(boolean[] bad, int k, long seed) {
        if (k < 2) {
            throw new DataException("Cross-validation needs at least 2 folds; pass --folds 5.");
        }
        List<Integer> bads = new ArrayList<>();
        List<Integer> goods = new ArrayList<>();
        for (int i = 0; i < bad.length; i++) {
            (bad[i] ? bads : goods).add(i);
        }
        if (bads.size() < k || goods.size() < k) {
            throw new DataException("There are too few bad (" + bads.size() + ") or good (" + goods.size()
                    + ") rows for " + k + " folds.");
        }
        Random random = new Random(seed);
        Collections.shuffle(bads, random);
        Collections.shuffle(goods, random);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int f = 0;
        for (List<Integer> group : List.of(bads, goods)) {
            for (int i : group) {
                folds.get(f).add(i);
                f = (f + 1) % k;
            }
        }
        return folds.stream().map(l -> l.stream().mapToInt(Integer::intValue).sorted().toArray()).toList();
    }

    /** The rows not in {@code heldOut}. */
    public static int[] rest(int rows, int[] heldOut) {
        boolean[] out = new boolean[rows];
        for (int i : heldOut) {
            out[i] = true;
        }
        int[] rest = new int[rows - heldOut.length];
        for (int i = 0, k = 0; i < rows; i++) {
            if (!out[i]) {
                rest[k++] = i;
            }
        }
        return rest;
    }
}
