package io.candor.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.function.Supplier;

/** Generated secrets kept in a properties file that only the owner can read (mode 600). */
public final class SecretFile {

    private SecretFile() {
    }

    /** The secrets in {@code file}; on first use, {@code initial} is written there. */
    public static Properties loadOrCreate(Path file, String comment, Supplier<Properties> initial) {
        try {
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
                return p;
            }
            p = initial.get();
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, comment);
            }
            return p;
        } catch (IOException e) {
            throw new CandorStartupException("Cannot read or write " + file + ": " + e.getMessage(),
                    "Make the data directory writable by this user, or choose another with --data-dir.", e);
        }
    }
}
