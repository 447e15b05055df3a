package io.candor.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The right edge of a tree in tiles: adds leaf hashes and says which tiles changed. A tile that fills up passes
 * its root to the tile level above.
 */
final class TileAppender {

    /** A tile to write: its level, index and all its hashes so far. */
    record Tile(int level, long index, byte[] hashes) {
    }

    private long size;
    /** The partial (right-most, not yet full) tile of each level. */
    private final List<List<byte[]>> edge = new ArrayList<>();

    /** Resumes at {@code size} leaves, with the partial tiles of each level (from the store). */
    TileAppender(long size, TileHashes.Source tiles) {
        this.size = size;
        for (int level = 0; nodes(size, level) > 0; level++) {
            long count = nodes(size, level);
            List<byte[]> partial = new ArrayList<>();
            int width = (int) (count % TileHashes.WIDTH);
            if (width > 0) {
                byte[] t = tiles.fresh(level, count / TileHashes.WIDTH);
                if (t.length < width * 32) {
                    throw new IllegalStateException("tile " + level + "/" + count / TileHashes.WIDTH + " holds "
                            + t.length / 32 + " hashes, the tree needs " + width);
                }
                for (int i = 0; i < width; i++) {
                    partial.add(Arrays.copyOfRange(t, i * 32, (i + 1) * 32));
                }
            }
            edge.add(partial);
        }
    }

    long size() {
        return size;
    }

    /** Adds leaf hashes in order; returns the tiles that changed, each once with its final content. */
    List<Tile> add(List<byte[]> leafHashes) {
        Map<Long, Tile> changed = new LinkedHashMap<>();
        for (byte[] leaf : leafHashes) {
            byte[] carry = leaf;
            long nodes = size; // nodes at the current level before this leaf
            for (int level = 0; carry != null; level++) {
                if (edge.size() <= level) {
                    edge.add(new ArrayList<>());
                }
                List<byte[]> partial = edge.get(level);
                partial.add(carry);
                long index = nodes / TileHashes.WIDTH;
                changed.put(((long) level << 56) | index, new Tile(level, index, concat(partial)));
                if (partial.size() == TileHashes.WIDTH) {
                    carry = TileHashes.tileRoot(partial);
                    partial.clear();
                    nodes = nodes / TileHashes.WIDTH;
                } else {
                    carry = null;
                }
            }
            size++;
        }
        return List.copyOf(changed.values());
    }

    /** Nodes at height 8·level in a tree of {@code size} leaves. */
    private static long nodes(long size, int level) {
        return size >> (TileHashes.HEIGHT * level);
    }

    private static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * 32, 32);
        }
        return out;
    }
}
