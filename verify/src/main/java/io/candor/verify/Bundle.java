package io.candor.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An evidence bundle (a zip) and its offline verification. Layout:
 * <pre>
 * verifier-key.txt          the log's verifier key (compare it with the key the operator publishes)
 * checkpoint.txt            the signed checkpoint every proof is against
 * manifest.txt              signed note: the bundle's subjects and every entry's index and leaf hash
 * entries/N.entry           the exact bytes of entry N
 * proofs/N.tlog-proof       C2SP tlog-proof@v1 of entry N against checkpoint.txt
 * content/HEX               content whose SHA-256 an entry names (absent once erased)
 * index.html                a readable index for people
 * </pre>
 */
public final class Bundle {

    public static final String MANIFEST_HEADER = "candor.evidence-bundle/v1";

    /** What verification found: {@code failures} empty means the bundle verifies. */
    public record Report(List<String> lines, List<String> failures) {

        public boolean verified() {
            return failures.isEmpty();
        }
    }

    private Bundle() {
    }

    /** The manifest text (before signing) for entries of the given subjects. */
    public static String manifest(String origin, long size, Set<String> subjects, Map<Long, byte[]> leafHashes) {
        StringBuilder b = new StringBuilder(MANIFEST_HEADER).append('\n').append("origin ").append(origin).append('\n')
                .append("size ").append(size).append('\n');
        subjects.stream().sorted().forEach(s -> b.append("subject ").append(s).append('\n'));
        new TreeMap<>(leafHashes).forEach((i, h) -> b.append("entry ").append(i).append(' ')
                .append(HexFormat.of().formatHex(h)).append('\n'));
        return b.toString();
    }

    public static String entryPath(long index) {
        return "entries/" + index + ".entry";
    }

    public static String proofPath(long index) {
        return "proofs/" + index + ".tlog-proof";
    }

    /** Verifies the bundle at {@code zip}; {@code key} null means the key in the bundle (reported as such). */
    public static Report verify(Path zip, NoteKey.Verifier key) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            NoteKey.Verifier k = key;
            if (k == null) {
                k = NoteKey.verifier(text(z, "verifier-key.txt"));
                lines.add("key: " + k.text() + " (from the bundle: compare it with the key the log operator publishes)");
            } else {
                lines.add("key: " + k.text());
            }
            String checkpointNote = text(z, "checkpoint.txt");
            NoteKey.Verifier ck = k;
            Checkpoint c = opened("checkpoint.txt", () -> Checkpoint.open(checkpointNote, ck));
            lines.add("checkpoint.txt: signature verifies; origin " + c.origin() + ", size " + c.size() + ", root "
                    + HexFormat.of().formatHex(c.root()));
            String manifestNote = text(z, "manifest.txt");
            NoteKey.Verifier mk = k;
            Manifest m = opened("manifest.txt", () -> Manifest.parse(SignedNote.open(manifestNote, mk)));
            if (!m.origin().equals(c.origin()) || m.size() != c.size()) {
                failures.add("manifest.txt: it is for " + m.origin() + " size " + m.size() + ", not this checkpoint");
            }
            lines.add("manifest.txt: signature verifies; " + m.entries().size() + " entries, " + m.subjects().size()
                    + " subjects");
            for (Map.Entry<Long, byte[]> e : m.entries().entrySet()) {
                checkEntry(z, e.getKey(), e.getValue(), m, checkpointNote, k, lines, failures);
            }
            z.stream().map(ZipEntry::getName).filter(n -> n.startsWith("entries/")).forEach(n -> {
                String index = n.substring("entries/".length()).replace(".entry", "");
                if (!index.matches("\\d+") || !m.entries().containsKey(Long.parseLong(index))) {
                    failures.add(n + ": not listed in the signed manifest");
                }
            });
        } catch (VerificationException e) {
            failures.add(e.getMessage());
        }
        return new Report(List.copyOf(lines), List.copyOf(failures));
    }

    private static void checkEntry(ZipFile z, long index, byte[] leafHash, Manifest m, String checkpointNote,
            NoteKey.Verifier key, List<String> lines, List<String> failures) throws IOException {
        String entryName = entryPath(index);
        byte[] bytes = bytes(z, entryName);
        if (bytes == null) {
            failures.add(entryName + ": missing (the signed manifest lists entry " + index + ")");
            return;
        }
        if (!Arrays.equals(Merkle.leafHash(bytes), leafHash)) {
            failures.add(entryName + ": its bytes were changed (leaf hash differs from the signed manifest)");
            return;
        }
        String proofName = proofPath(index);
        byte[] proofBytes = bytes(z, proofName);
        if (proofBytes == null) {
            failures.add(proofName + ": missing");
            return;
        }
        try {
            TlogProof proof = TlogProof.parse(new String(proofBytes, StandardCharsets.UTF_8));
            if (proof.index() != index) {
                failures.add(proofName + ": proves index " + proof.index() + ", not " + index);
                return;
            }
            if (!proof.checkpoint().equals(checkpointNote)) {
                failures.add(proofName + ": is against another checkpoint than checkpoint.txt");
                return;
            }
            proof.verify(bytes, key);
            Entry entry = Entry.decode(bytes);
            if (!m.subjects().contains(entry.subject())) {
                failures.add(entryName + ": its subject is not one of the bundle's subjects");
            }
            StringBuilder line = new StringBuilder(entryName + ": included at index " + index + " (" + entry.type()
                    + ", " + entry.time() + ")");
            for (String h : entry.contents()) {
                byte[] content = bytes(z, "content/" + h);
                if (content == null) {
                    line.append("; content ").append(h, 0, 12).append("… not in the bundle (erased or withheld)");
                } else if (!Entry.contentHash(content).equals(h)) {
                    failures.add("content/" + h + ": its bytes were changed (SHA-256 differs; named by " + entryName + ")");
                } else {
                    line.append("; content ").append(h, 0, 12).append("… verifies");
                    String chain = entry.facts().get("chain");
                    if (entry.type().equals("CALL_RECORDED") && chain != null && !chain.isEmpty()) {
                        String chained = RecordingChunks.chain(content);
                        if (!chained.equals(chain)) {
                            failures.add("content/" + h + ": the recording's 5 s chunks do not chain to the hash "
                                    + "recorded while the call ran (named by " + entryName + ")");
                        } else {
                            line.append(", and chunk by chunk as recorded during the call");
                        }
                    }
                }
            }
            lines.add(line.toString());
        } catch (VerificationException e) {
            failures.add(proofName + " / " + entryName + ": " + e.getMessage());
        }
    }

    /** The signed manifest's contents. */
    record Manifest(String origin, long size, Set<String> subjects, Map<Long, byte[]> entries) {

        static Manifest parse(String text) {
            String[] lines = text.split("\n");
            if (lines.length < 3 || !lines[0].equals(MANIFEST_HEADER) || !lines[1].startsWith("origin ")
                    || !lines[2].startsWith("size ")) {
                throw new VerificationException("manifest.txt: not a " + MANIFEST_HEADER + " manifest");
            }
            Set<String> subjects = new LinkedHashSet<>();
            Map<Long, byte[]> entries = new LinkedHashMap<>();
            for (int i = 3; i < lines.length; i++) {
                String[] p = lines[i].split(" ");
                if (p[0].equals("subject") && p.length == 2) {
                    subjects.add(p[1]);
                } else if (p[0].equals("entry") && p.length == 3) {
                    entries.put(Long.parseLong(p[1]), HexFormat.of().parseHex(p[2]));
                } else {
                    throw new VerificationException("manifest.txt: unknown line " + lines[i]);
                }
            }
            return new Manifest(lines[1].substring(7), Long.parseLong(lines[2].substring(5)), subjects, entries);
        }
    }

    /** Runs a check whose failure is reported against {@code file}. */
    private static <T> T opened(String file, Supplier<T> check) {
        try {
            return check.get();
        } catch (VerificationException e) {
            throw new VerificationException(file + ": " + e.getMessage());
        }
    }

    private static String text(ZipFile z, String name) throws IOException {
        byte[] b = bytes(z, name);
        if (b == null) {
            throw new VerificationException(name + ": missing from the bundle");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ZipFile z, String name) throws IOException {
        ZipEntry e = z.getEntry(name);
        if (e == null) {
            return null;
        }
        try (InputStream in = z.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
