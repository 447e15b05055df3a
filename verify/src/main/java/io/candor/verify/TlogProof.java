package io.candor.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP {@code tlog-proof@v1}: the entry's index, its RFC 9162 inclusion proof (leaf's sibling first), and the
 * signed checkpoint the proof is against, verbatim.
 */
public record TlogProof(long index, List<byte[]> hashes, String checkpoint, byte[] extra) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        hashes = List.copyOf(hashes);
    }

    public String text() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        if (extra != null && extra.length > 0) {
            b.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        b.append("index ").append(index).append('\n');
        hashes.forEach(h -> b.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return b.append('\n').append(checkpoint).toString();
    }

    public static TlogProof parse(String text) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        if (lines.length < 3 || !lines[i++].equals(HEADER)) {
            throw new VerificationException("a proof starts with the line " + HEADER);
        }
        byte[] extra = null;
        if (lines[i].startsWith("extra ")) {
            extra = base64(lines[i++].substring(6), "extra data");
        }
        if (!lines[i].startsWith("index ")) {
            throw new VerificationException("the proof has no 'index N' line");
        }
        long index;
        try {
            index = Long.parseLong(lines[i++].substring(6));
        } catch (NumberFormatException e) {
            throw new VerificationException("the proof's index is not a decimal number");
        }
        List<byte[]> hashes = new ArrayList<>();
        while (i < lines.length && !lines[i].isEmpty()) {
            byte[] h = base64(lines[i++], "proof hash");
            if (h.length != Merkle.HASH) {
                throw new VerificationException("a proof hash is not 32 bytes");
            }
            hashes.add(h);
        }
        if (i >= lines.length) {
            throw new VerificationException("the proof has no checkpoint after its hashes and an empty line");
        }
        String checkpoint = String.join("\n", List.of(lines).subList(i + 1, lines.length));
        return new TlogProof(index, hashes, checkpoint, extra);
    }

    /** Verifies that {@code entry} is at {@link #index} in the checkpoint, signed by {@code key}; returns it. */
    public Checkpoint verify(byte[] entry, NoteKey.Verifier key) {
        Checkpoint c = Checkpoint.open(checkpoint, key);
        byte[] root = Merkle.rootFromInclusion(index, c.size(), Merkle.leafHash(entry), hashes);
        if (!Arrays.equals(root, c.root())) {
            throw new VerificationException("the entry at index " + index + " is not in the checkpointed tree of size "
                    + c.size() + ": the entry or the proof was changed");
        }
        return c;
    }

    private static byte[] base64(String s, String what) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the " + what + " is not base64: " + s);
        }
    }
}
