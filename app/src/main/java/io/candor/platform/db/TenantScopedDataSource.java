package io.candor.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.candor.platform.tenant.TenantContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections stamped with the current tenant. Spring binds one connection to each
 * transaction, so the tenant is set per transaction; a connection checked out without a tenant gets an
 * empty setting and sees no tenant rows at all.
 */
final class TenantScopedDataSource extends DelegatingDataSource {

    static final String SET_TENANT = "SELECT set_config('candor.tenant_id', ?, false)";

    TenantScopedDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return stamp(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return stamp(super.getConnection(username, password));
    }

    private static Connection stamp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SET_TENANT)) {
            ps.setString(1, TenantContext.current().map(Object::toString).orElse(""));
            ps.execute();
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
