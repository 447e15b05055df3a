package io.candor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.candor.verify.Merkle;
import org.junit.jupiter.api.Test;

/** Tiles give the same roots as a tree built leaf by leaf, and their proofs verify with the verifier's code. */
class TileHashesTests {

    /** Tiles in memory, written by the appender exactly as the sequencer writes them. */
    static final class MemoryTiles implements TileHashes.Source {
        final Map<String, byte[]> tiles = new HashMap<>();

        @Override
        public byte[] tile(int level, long index) {
            return tiles.getOrDefault(level + "/" + index, new byte[0]);
        }

        void write(List<TileAppender.Tile> changed) {
            changed.forEach(t -> tiles.put(t.level() + "/" + t.index(), t.hashes()));
        }
    }

    static byte[] leaf(long i) {
        return Merkle.leafHash(Long.toString(i).getBytes());
    }

    @Test
    void rootsProofsAndResumingAgreeAcrossTileBoundaries() {
        MemoryTiles tiles = new MemoryTiles();
        TileAppender appender = new TileAppender(0, tiles);
        SelfAudit.CompactRange expected = new SelfAudit.CompactRange();
        List<byte[]> roots = new ArrayList<>();
        int total = 66_000; // past two full levels of tiles (256 and 65,536 leaves)
        List<byte[]> batch = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            batch.add(leaf(i));
            expected.add(leaf(i));
            roots.add(expected.root());
            if (batch.size() == 997 || i == total - 1) {
                tiles.write(appender.add(batch));
                batch.clear();
                if (i == 40_000) {
                    appender = new TileAppender(appender.size(), tiles); // a restart resumes from the stored tiles
                }
            }
        }
        TileHashes hashes = new TileHashes(tiles);
        for (long size : new long[] {1, 2, 3, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 66_000}) {
            assertThat(hashes.root(size)).as("root at " + size).isEqualTo(roots.get((int) size - 1));
        }
        for (long size : new long[] {1, 7, 256, 300, 65_536, 66_000}) {
            for (long index : new long[] {0, size / 3, size - 1}) {
                assertThat(Merkle.rootFromInclusion(index, size, leaf(index), hashes.inclusion(index, size)))
                        .as("inclusion of %d in %d", index, size).isEqualTo(roots.get((int) size - 1));
            }
        }
        for (long[] pair : new long[][] {{1, 2}, {3, 7}, {256, 257}, {255, 65_537}, {65_536, 66_000}, {1000, 1000}}) {
            Merkle.verifyConsistency(pair[0], pair[1], roots.get((int) pair[0] - 1), roots.get((int) pair[1] - 1),
                    hashes.consistency(pair[0], pair[1]));
        }
    }
}
