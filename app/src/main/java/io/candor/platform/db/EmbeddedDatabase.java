package io.candor.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.candor.platform.CandorStartupException;
import io.candor.platform.SecretFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's embedded PostgreSQL: zonky's binaries from Maven Central, a persistent cluster under
 * {@code <data-dir>/postgres}, listening on loopback only with password (SCRAM) authentication.
 * <p>
 * Several Spring contexts in one JVM (the test suite) share one server per data directory; the server
 * stops when the last user releases it. A server left running by a killed JVM is shut down before start.
 */
public final class EmbeddedDatabase {

    public static final String DATABASE = "candor";
    public static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();

    private final Path dataDir;
    private final EmbeddedPostgres postgres;
    private final Secrets secrets;
    private int users;

    private EmbeddedDatabase(Path dataDir, EmbeddedPostgres postgres, Secrets secrets) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.secrets = secrets;
    }

    /** Starts (or joins) the embedded server for a data directory. */
    public static synchronized EmbeddedDatabase acquire(Path dataDir, String appUser) {
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedDatabase db = RUNNING.get(dir);
        if (db == null) {
            db = start(dir, appUser);
            RUNNING.put(dir, db);
        }
        db.users++;
        return db;
    }

    /** Gives up one use; the last one stops the server cleanly. */
    public void release() {
        synchronized (EmbeddedDatabase.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDir);
        }
        try {
            postgres.close();
            log.info("Embedded PostgreSQL in {} stopped", dataDir);
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", dataDir, e.getMessage());
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String superuserPassword() {
        return secrets.superuserPassword();
    }

    public String appPassword() {
        return secrets.appPassword();
    }

    private static EmbeddedDatabase start(Path dataDir, String appUser) {
        requireWritable(dataDir);
        Path cluster = dataDir.resolve("postgres");
        Secrets secrets = Secrets.loadOrCreate(dataDir.resolve("secrets").resolve("postgres.properties"));
        stopOrphanedServer(cluster);
        EmbeddedPostgres pg;
        try {
            Files.createDirectories(cluster);
            Path log = dataDir.resolve("postgres.log");
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("runtime").toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    // a single-node default sized for bulk imports and closes of a million accounts
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setConnectConfig("password", secrets.superuserPassword())
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new CandorStartupException(
                        "Another Candor process is using the data directory " + dataDir + ".",
                        "Stop the other process, or start this one with --data-dir pointing to another directory.", e);
            }
            throw failedToStart(dataDir, e);
        } catch (IOException | RuntimeException e) {
            throw failedToStart(dataDir, e);
        }
        try {
            prepare(pg, secrets, appUser);
        } catch (SQLException e) {
            closeQuietly(pg);
            throw failedToStart(dataDir, e);
        }
        log.info("Embedded PostgreSQL running on 127.0.0.1:{} with data in {}", pg.getPort(), cluster);
        return new EmbeddedDatabase(dataDir, pg, secrets);
    }

    /**
     * Locks the cluster down (password auth) and creates the database and the application role. Done on every
     * start, so a crash between initdb and the first lock-down cannot leave a trusting cluster behind.
     */
    private static void prepare(EmbeddedPostgres pg, Secrets secrets, String appUser) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD " + literal(secrets.superuserPassword()));
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
            String role = identifier(appUser);
            if (exists(s, "SELECT 1 FROM pg_roles WHERE rolname = " + literal(appUser))) {
                s.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD " + literal(secrets.appPassword()));
            } else {
                s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD " + literal(secrets.appPassword()));
            }
        }
        writeHba(pg);
    }

    /** initdb makes a cluster that trusts local connections; Candor's needs a password on every connection. */
    private static void writeHba(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW hba_file")) {
            rs.next();
            Path hba = Path.of(rs.getString(1));
            Files.writeString(hba, """
                    # Written by Candor: loopback only, SCRAM passwords (see docs/operations.md)
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            s.execute("SELECT pg_reload_conf()");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    /** A postmaster whose JVM was killed keeps running; stop it so this start owns the cluster. */
    private static void stopOrphanedServer(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
            if (orphan.isPresent()) {
                log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier Candor process", pid);
                orphan.get().destroy();
                orphan.get().onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("Could not check {} for a left-over server: {}", pidFile, e.getMessage());
        }
    }

    private static void requireWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new CandorStartupException(
                    "The data directory " + dataDir + " is not writable (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ").",
                    "Fix its permissions, or start Candor with --data-dir pointing to a writable directory "
                            + "(or set CANDOR_DB_URL to use an external PostgreSQL).", e);
        }
    }

    private static CandorStartupException failedToStart(Path dataDir, Exception e) {
        return new CandorStartupException(
                "The embedded PostgreSQL in " + dataDir + " did not start: " + e.getMessage(),
                "See " + dataDir.resolve("postgres.log") + " for PostgreSQL's own messages; "
                        + "check free disk space and that the directory belongs to this user.", e);
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // already failing; the original error is reported
        }
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new CandorStartupException("candor.db.app-user '" + name + "' is not a valid role name.",
                    "Use lower-case letters, digits and underscores, starting with a letter (default: candor_app).");
        }
        return name;
    }

    /** Passwords generated on first start, kept readable by the owner only. */
    record Secrets(String superuserPassword, String appPassword) {

        static Secrets loadOrCreate(Path file) {
            Properties p = SecretFile.loadOrCreate(file, "Embedded PostgreSQL passwords generated by Candor; keep private",
                    () -> {
                        Properties initial = new Properties();
                        initial.setProperty("superuser.password", randomSecret());
                        initial.setProperty("app.password", randomSecret());
                        return initial;
                    });
            return new Secrets(p.getProperty("superuser.password"), p.getProperty("app.password"));
        }

        private static String randomSecret() {
            byte[] b = new byte[24];
            new SecureRandom().nextBytes(b);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        }
    }
}
