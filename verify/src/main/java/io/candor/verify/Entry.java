package io.candor.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One evidence log entry in its canonical encoding (the exact bytes that are hashed as a leaf). UTF-8 lines, each
 * ending in a newline, in this order:
 * <pre>
 * candor.evidence/v1
 * type CONTACT_DECISION
 * time 2026-03-02T07:00:00.123Z
 * actor collector
 * subject 3f0c…(64 hex: HMAC-SHA-256 of the account or debtor id under the tenant's key)
 * content 9f86…(64 hex: SHA-256 of a recording, letter, message or document)   ← zero or more, sorted
 * fact channel VOICE_AI                                                      ← zero or more, sorted by name
 * </pre>
 * No personal data: the subject is a keyed hash, content is a hash, and facts are codes and amounts. A value is
 * printable text without line breaks; names are {@code [a-z][a-zA-Z0-9_.-]*}.
 */
public record Entry(String type, Instant time, String actor, String subject, List<String> contents,
                    SortedMap<String, String> facts) {

    public static final String HEADER = "candor.evidence/v1";
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_.-]{0,63}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public Entry {
        contents = contents.stream().sorted().toList();
        facts = new TreeMap<>(facts);
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("evidence type '" + type + "' must be upper-case letters, digits, _");
        }
        check("actor", actor);
        if (!HASH.matcher(subject).matches()) {
            throw new IllegalArgumentException("the subject must be 64 lower-case hex digits");
        }
        for (String c : contents) {
            if (!HASH.matcher(c).matches()) {
                throw new IllegalArgumentException("a content hash must be 64 lower-case hex digits: " + c);
            }
        }
        for (Map.Entry<String, String> f : facts.entrySet()) {
            if (!NAME.matcher(f.getKey()).matches()) {
                throw new IllegalArgumentException("fact name '" + f.getKey() + "' must match [a-z][a-zA-Z0-9_.-]*");
            }
            check("fact " + f.getKey(), f.getValue());
        }
    }

    public byte[] encode() {
        StringBuilder b = new StringBuilder(HEADER).append('\n')
                .append("type ").append(type).append('\n')
                .append("time ").append(time).append('\n')
                .append("actor ").append(actor).append('\n')
                .append("subject ").append(subject).append('\n');
        contents.forEach(c -> b.append("content ").append(c).append('\n'));
        facts.forEach((k, v) -> b.append("fact ").append(k).append(' ').append(v).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an entry; its bytes must be exactly the canonical encoding of what they say. */
    public static Entry decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length < 6 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()) {
            throw new VerificationException("not a " + HEADER + " entry");
        }
        try {
            String type = field(lines[1], "type");
            Instant time = Instant.parse(field(lines[2], "time"));
            String actor = field(lines[3], "actor");
            String subject = field(lines[4], "subject");
            List<String> contents = new ArrayList<>();
            SortedMap<String, String> facts = new TreeMap<>();
            for (int i = 5; i < lines.length - 1; i++) {
                if (lines[i].startsWith("content ")) {
                    contents.add(lines[i].substring(8));
                } else if (lines[i].startsWith("fact ")) {
                    String[] kv = lines[i].substring(5).split(" ", 2);
                    facts.put(kv[0], kv.length > 1 ? kv[1] : "");
                } else {
                    throw new VerificationException("unknown line in the entry: " + lines[i]);
                }
            }
            Entry e = new Entry(type, time, actor, subject, contents, facts);
            if (!Arrays.equals(e.encode(), bytes)) {
                throw new VerificationException("the entry is not in canonical form");
            }
            return e;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new VerificationException("the entry cannot be read: " + e.getMessage());
        }
    }

    /** SHA-256 of content, in the hex form entries use. */
    public static String contentHash(byte[] content) {
        return HexFormat.of().formatHex(Merkle.sha256().digest(content));
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new VerificationException("the entry's line '" + line + "' should be '" + name + " …'");
        }
        return line.substring(name.length() + 1);
    }

    private static void check(String what, String value) {
        if (value.isEmpty() || value.length() > 512 || value.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must be 1 to 512 printable characters without line breaks");
        }
    }
}
