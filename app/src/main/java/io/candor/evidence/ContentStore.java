package io.candor.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.candor.verify.Entry;

/**
 * Content-addressed blobs on the file system ({@code ab/abcdef…}): recordings, letters, message bodies, documents.
 * The log keeps only their SHA-256, so a blob can be erased under retention rules while the log still proves that
 * it existed and what its hash was. Writes are atomic (temporary file, then rename).
 */
public final class ContentStore {

    private final Path dir;

    ContentStore(Path dir) {
        this.dir = dir;
    }

    /** Stores {@code content}; returns its SHA-256 (hex). Storing the same content twice is a no-op. */
    public String put(byte[] content) {
        String hash = Entry.contentHash(content);
        Path file = path(hash);
        if (Files.exists(file)) {
            return hash;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), hash, ".tmp");
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evidence content in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<byte[]> get(String hash) {
        Path file = path(hash);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blob, only when its bytes still hash to {@code hash} (a tampered or damaged file is not returned). */
    public Optional<byte[]> verified(String hash) {
        return get(hash).filter(b -> Entry.contentHash(b).equals(hash));
    }

    /** Erases a blob (retention); the log's entries keep its hash. */
    public boolean erase(String hash) {
        try {
            return Files.deleteIfExists(path(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex hash: " + hash);
        }
        return dir.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
