package io.candor.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * C2SP signed notes: a text of non-empty lines each ending in a newline, a blank line, then signature lines
 * {@code — <name> <base64(key id ‖ signature)>}. Signatures cover the text, final newline included.
 */
public final class SignedNote {

    private static final String DASH = "\u2014 ";

    /** A note's text and its signature lines. */
    public record Note(String text, List<Line> signatures) {
    }

    /** One signature line. */
    public record Line(String name, byte[] id, byte[] signature) {
    }

    private SignedNote() {
    }

    /** Signs {@code text} (non-empty lines, each ending in a newline). */
    public static String sign(String text, NoteKey.Signer key) {
        checkText(text);
        byte[] sig = key.sign(text.getBytes(StandardCharsets.UTF_8));
        return text + "\n" + DASH + key.name() + " " + Base64.getEncoder().encodeToString(NoteKey.concat(key.id(), sig)) + "\n";
    }

    public static Note parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new VerificationException("not a signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        List<Line> lines = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new VerificationException("not a signature line (— name signature): " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new VerificationException("not a signature line (— name signature): " + line);
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new VerificationException("the signature of " + parts[0] + " is not base64");
            }
            if (blob.length < 5) {
                throw new VerificationException("the signature of " + parts[0] + " is too short");
            }
            lines.add(new Line(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length)));
        }
        return new Note(text, List.copyOf(lines));
    }

    /** The text of a note that {@code key} signed; throws when no signature of that key verifies. */
    public static String open(String note, NoteKey.Verifier key) {
        Note n = parse(note);
        for (Line l : n.signatures()) {
            if (l.name().equals(key.name()) && Arrays.equals(l.id(), key.id())) {
                if (key.verifies(n.text().getBytes(StandardCharsets.UTF_8), l.signature())) {
                    return n.text();
                }
                throw new VerificationException("the signature of " + key.name() + " does not verify: the note was changed"
                        + " or signed by another key");
            }
        }
        throw new VerificationException("the note has no signature by " + key.text());
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.startsWith("\n") || text.contains("\n\n")) {
            throw new VerificationException("a note text is one or more non-empty lines, each ending in a newline");
        }
    }
}
