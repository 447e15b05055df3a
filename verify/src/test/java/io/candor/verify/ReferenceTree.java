package io.candor.verify;

import java.util.ArrayList;
import java.util.List;

/** The recursive definitions of RFC 9162 section 2.1 (MTH, PATH, PROOF), straight from the text, for tests. */
final class ReferenceTree {

    private ReferenceTree() {
    }

    static byte[] root(List<byte[]> d) {
        if (d.size() == 1) {
            return Merkle.leafHash(d.getFirst());
        }
        int k = (int) Merkle.split(d.size());
        return Merkle.nodeHash(root(d.subList(0, k)), root(d.subList(k, d.size())));
    }

    static List<byte[]> inclusion(List<byte[]> d, int m) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = (int) Merkle.split(d.size());
        if (m < k) {
            out.addAll(inclusion(d.subList(0, k), m));
            out.add(root(d.subList(k, d.size())));
        } else {
            out.addAll(inclusion(d.subList(k, d.size()), m - k));
            out.add(root(d.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> consistency(List<byte[]> d, int m) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean complete) {
        List<byte[]> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!complete) {
                out.add(root(d));
            }
            return out;
        }
        int k = (int) Merkle.split(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), complete));
            out.add(root(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(root(d.subList(0, k)));
        }
        return out;
    }
}
