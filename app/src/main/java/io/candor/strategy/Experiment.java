package io.candor.strategy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.verify.Merkle;

/**
 * Champion/challenger: accounts are split between variants by share, with an optional holdout that gets no
 * treatment (the control). The split is a keyed hash of the seed and the account id: the same seed always puts an
 * account in the same variant, on any machine, in any run.
 */
public record Experiment(long seed, int holdoutPercent, List<Variant> variants) {

    /** The name of the control group. */
    public static final String HOLDOUT = "holdout";

    /** One arm: its share in percent and the paths it uses instead of the segments' own (segment id → path id). */
    public record Variant(String name, int share, Map<String, String> paths) {
        public Variant {
            paths = Map.copyOf(paths);
        }
    }

    public static final Experiment NONE = new Experiment(0, 0, List.of(new Variant("champion", 100, Map.of())));

    public Experiment {
        variants = List.copyOf(variants);
    }

    /** The variant an account belongs to ({@link #HOLDOUT} for the control group). */
    public String assign(UUID account) {
        int slot = slot(account);
        if (slot < holdoutPercent * 100) {
            return HOLDOUT;
        }
        int upTo = holdoutPercent * 100;
        for (Variant v : variants) {
            upTo += v.share() * 100;
            if (slot < upTo) {
                return v.name();
            }
        }
        return variants.getLast().name();
    }

    /** 0–9999, uniform: the first eight bytes of SHA-256(seed ‖ account id). */
    int slot(UUID account) {
        ByteBuffer in = ByteBuffer.allocate(24).putLong(seed).putLong(account.getMostSignificantBits())
                .putLong(account.getLeastSignificantBits());
        byte[] digest = Merkle.sha256().digest(in.array());
        long n = ByteBuffer.wrap(digest).getLong() >>> 1;
        return (int) (n % 10_000);
    }

    public String pathFor(String variant, Segment segment) {
        return variants.stream().filter(v -> v.name().equals(variant)).findFirst()
                .map(v -> v.paths().getOrDefault(segment.id(), segment.path())).orElse(segment.path());
    }
}
