package io.candor.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.candor.verify.Merkle;

/**
 * The hashes of a log's tree, read from tiles: tile (L, t) holds the hashes of the nodes at height 8L with indices
 * 256t … 256t+255 (a tile at the right edge holds fewer). Any complete subtree's hash is one tile read and at most
 * 127 hash operations; inclusion and consistency proofs follow the recursive definitions of RFC 9162 section 2.1
 * over these subtree hashes.
 */
final class TileHashes {

    static final int HEIGHT = 8;
    static final int WIDTH = 1 << HEIGHT;

    /** Where tiles come from (the database, or memory in tests and the benchmark). */
    interface Source {
        /** The hashes of tile (level, index), concatenated; an empty array when there is none. May be cached. */
        byte[] tile(int level, long index);

        /** The tile as stored now (a cached right-edge tile may have grown since). */
        default byte[] fresh(int level, long index) {
            return tile(level, index);
        }
    }

    private final Source source;
    private final Map<Long, byte[]> read = new HashMap<>();

    /** One computation's view: tiles read once each. */
    TileHashes(Source source) {
        this.source = source;
    }

    /** The Merkle tree hash of leaves [start, end) (RFC 9162 MTH), from complete subtrees. */
    byte[] range(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return subtree(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(range(start, start + k), range(start + k, end));
    }

    byte[] root(long size) {
        return range(0, size);
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size} (RFC 9162 PATH). */
    List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> out = new ArrayList<>();
        path(index, 0, size, out);
        return out;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        if (end - start <= 1) {
            return;
        }
        long k = Merkle.split(end - start);
        if (m < start + k) {
            path(m, start, start + k, out);
            out.add(range(start + k, end));
        } else {
            path(m, start + k, end, out);
            out.add(range(start, start + k));
        }
    }

    /** The consistency proof from the tree of {@code size1} to the tree of {@code size2} (RFC 9162 PROOF). */
    List<byte[]> consistency(long size1, long size2) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("sizes " + size1 + " and " + size2 + " cannot be compared");
        }
        List<byte[]> out = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, out);
        }
        return out;
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(range(start, end));
            }
            return;
        }
        long k = Merkle.split(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(range(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(range(start, start + k));
        }
    }

    /** The hash of the complete subtree of height {@code height} whose leaves start at {@code index << height}. */
    private byte[] subtree(int height, long index) {
        int level = height / HEIGHT;
        int h = height % HEIGHT;
        long first = index << h; // first node at height 8·level
        byte[] tile = tile(level, first / WIDTH);
        int from = (int) (first % WIDTH);
        int count = 1 << h;
        if ((from + count) * Merkle.HASH > tile.length) {
            tile = source.fresh(level, first / WIDTH);
            read.put(((long) level << 56) | (first / WIDTH), tile);
        }
        if ((from + count) * Merkle.HASH > tile.length) {
            throw new IllegalStateException("the tree has no complete subtree of height " + height + " at " + index
                    + ": tile " + level + "/" + first / WIDTH + " is missing or short");
        }
        byte[][] row = new byte[count][];
        for (int i = 0; i < count; i++) {
            row[i] = Arrays.copyOfRange(tile, (from + i) * Merkle.HASH, (from + i + 1) * Merkle.HASH);
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                row[i] = Merkle.nodeHash(row[2 * i], row[2 * i + 1]);
            }
        }
        return row[0];
    }

    private byte[] tile(int level, long index) {
        return read.computeIfAbsent(((long) level << 56) | index, k -> source.tile(level, index));
    }

    /** The root of a full tile's hashes: the node one tile level up. */
    static byte[] tileRoot(List<byte[]> hashes) {
        List<byte[]> row = new ArrayList<>(hashes);
        while (row.size() > 1) {
            List<byte[]> up = new ArrayList<>(row.size() / 2);
            for (int i = 0; i < row.size(); i += 2) {
                up.add(Merkle.nodeHash(row.get(i), row.get(i + 1)));
            }
            row = up;
        }
        return row.getFirst();
    }
}
