package io.candor.verify;

import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint body: the log's origin line, the tree size in decimal, the base64 root hash, then optional
 * extension lines.
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

    public Checkpoint {
        extensions = List.copyOf(extensions);
    }

    public String text() {
        StringBuilder b = new StringBuilder(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(root)).append('\n');
        extensions.forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new VerificationException("a checkpoint has an origin, a size and a root hash, each on its own line");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new VerificationException("the checkpoint size '" + lines[1] + "' is not a decimal number");
        }
        if (size < 0 || (lines[1].length() > 1 && lines[1].startsWith("0"))) {
            throw new VerificationException("the checkpoint size '" + lines[1] + "' is not canonical");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the checkpoint root is not base64");
        }
        if (root.length != Merkle.HASH) {
            throw new VerificationException("the checkpoint root is not a SHA-256 hash");
        }
        return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length - 1));
    }

    /** Opens a signed checkpoint note with {@code key}. */
    public static Checkpoint open(String note, NoteKey.Verifier key) {
        return parse(SignedNote.open(note, key));
    }
}
