package io.candor.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.candor.platform.CandorProperties;
import io.candor.platform.CandorStartupException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two connection pools on one database: the owner (runs Flyway migrations, owns the tables) and the
 * application role (owns nothing, subject to row-level security, used for all requests).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseEndpoint databaseEndpoint(CandorProperties properties) {
        return DatabaseEndpoint.from(properties);
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(DatabaseEndpoint endpoint) {
        return pool("candor-owner", endpoint.url(), endpoint.ownerUser(), endpoint.ownerPassword(), 2);
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseEndpoint endpoint, CandorProperties properties) {
        return new TenantScopedDataSource(pool("candor-app", endpoint.url(), endpoint.appUser(),
                endpoint.appPassword(), properties.db().poolSize()));
    }

    @Bean
    FlywayConfigurationCustomizer candorFlyway(DatabaseEndpoint endpoint) {
        return configuration -> configuration.placeholders(Map.of("appRole", endpoint.appUser()));
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(Math.min(2, size));
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        c.addDataSourceProperty("ApplicationName", name);
        return new HikariDataSource(c);
    }

    /** Where the database is and who connects; owns the embedded server when there is one. */
    record DatabaseEndpoint(String url, String ownerUser, String ownerPassword, String appUser, String appPassword,
                            @Nullable EmbeddedDatabase embedded) implements DisposableBean {

        static DatabaseEndpoint from(CandorProperties p) {
            CandorProperties.Db db = p.db();
            if (db.embedded()) {
                Path dir = p.dataDir();
                EmbeddedDatabase e = EmbeddedDatabase.acquire(dir, db.appUser());
                return new DatabaseEndpoint(e.jdbcUrl(), EmbeddedDatabase.SUPERUSER, e.superuserPassword(),
                        db.appUser(), e.appPassword(), e);
            }
            String url = db.url();
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new CandorStartupException("CANDOR_DB_URL must be a PostgreSQL JDBC URL, got '" + url + "'.",
                        "Set CANDOR_DB_URL like jdbc:postgresql://db.example.com:5432/candor, or unset it to use the embedded database.");
            }
            String user = require(db.user(), "CANDOR_DB_USER", "the owner role that runs migrations");
            String password = require(db.password(), "CANDOR_DB_PASSWORD", "the password of CANDOR_DB_USER");
            String appPassword = require(db.appPassword(), "CANDOR_DB_APP_PASSWORD",
                    "the password of the application role " + db.appUser() + " (see docs/operations.md)");
            checkReachable(url, user, password);
            return new DatabaseEndpoint(url, user, password, db.appUser(), appPassword, null);
        }

        private static String require(@Nullable String value, String variable, String what) {
            if (value == null || value.isBlank()) {
                throw new CandorStartupException(variable + " is not set: it must hold " + what + ".",
                        "Set " + variable + ", or unset CANDOR_DB_URL to use the embedded database.");
            }
            return value;
        }

        private static void checkReachable(String url, String user, String password) {
            DriverManager.setLoginTimeout(10);
            try (Connection ignored = DriverManager.getConnection(url, user, password)) {
                // reachable
            } catch (SQLException e) {
                throw new CandorStartupException(
                        "Cannot connect to PostgreSQL at " + url + " as " + user + ": " + e.getMessage(),
                        "Check that the server is running and reachable, and check CANDOR_DB_URL, CANDOR_DB_USER "
                                + "and CANDOR_DB_PASSWORD.", e);
            }
        }

        /** The embedded server outlives the pools: Spring closes them first, as they depend on this bean. */
        @Override
        public void destroy() {
            if (embedded != null) {
                embedded.release();
            }
        }
    }
}
