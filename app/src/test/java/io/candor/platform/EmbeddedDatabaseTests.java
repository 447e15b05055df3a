package io.candor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import io.candor.platform.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL on its own data directory, outside any Spring context. */
class EmbeddedDatabaseTests {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        EmbeddedDatabase first = EmbeddedDatabase.acquire(dir, "candor_app");
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", first.superuserPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        } finally {
            first.release();
        }
        EmbeddedDatabase second = EmbeddedDatabase.acquire(dir, "candor_app");
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", second.superuserPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            second.release();
        }
    }

    @Test
    void everyConnectionNeedsThePassword() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.acquire(dir, "candor_app");
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "wrong").close())
                    .hasMessageContaining("password authentication failed");
            assertThat(Files.getPosixFilePermissions(dir.resolve("secrets/postgres.properties")))
                    .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        } finally {
            db.release();
        }
    }

    @Test
    void anUnusableDataDirectoryIsExplained() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> EmbeddedDatabase.acquire(file.resolve("data"), "candor_app"))
                .isInstanceOf(CandorStartupException.class)
                .hasMessageContaining("is not writable")
                .satisfies(e -> assertThat(((CandorStartupException) e).action()).contains("--data-dir"));
    }
}
