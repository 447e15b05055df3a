package io.candor.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tiles in the database, with a bounded cache (least recently used first out). */
@Component
class TileStore {

    private static final int CACHED = 4096; // 4096 × 8 KiB = 32 MiB at most

    private record Key(UUID tenant, int level, long index) {
    }

    private final JdbcClient jdbc;
    private final Map<Key, byte[]> full = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CACHED;
        }
    });

    TileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The current tenant's tiles, as a source for {@link TileHashes}. Tiles are cached, right-edge ones too: the tree
     * only grows, so a cached tile's hashes stay true, and a computation that needs more of a tile reads it fresh.
     */
    TileHashes.Source source() {
        UUID tenant = TenantContext.require();
        return new TileHashes.Source() {
            @Override
            public byte[] tile(int level, long index) {
                byte[] cached = full.get(new Key(tenant, level, index));
                return cached != null ? cached : fresh(level, index);
            }

            @Override
            public byte[] fresh(int level, long index) {
                byte[] tile = jdbc.sql("SELECT hashes FROM evidence_tile WHERE level = :level AND idx = :idx")
                        .param("level", level).param("idx", index).query(byte[].class).optional().orElse(new byte[0]);
                if (tile.length > 0) {
                    full.put(new Key(tenant, level, index), tile);
                }
                return tile;
            }
        };
    }

    void write(List<TileAppender.Tile> tiles) {
        UUID tenant = TenantContext.require();
        for (TileAppender.Tile t : tiles) {
            jdbc.sql("""
                            INSERT INTO evidence_tile (tenant_id, level, idx, hashes) VALUES (:tenant, :level, :idx, :hashes)
                            ON CONFLICT (tenant_id, level, idx) DO UPDATE SET hashes = EXCLUDED.hashes""")
                    .param("tenant", tenant).param("level", t.level()).param("idx", t.index())
                    .param("hashes", t.hashes()).update();
        }
    }

    /** Forgets cached tiles of the current tenant (after a failed or foreign write). */
    void forget() {
        UUID tenant = TenantContext.require();
        full.keySet().removeIf(k -> k.tenant().equals(tenant));
    }
}
