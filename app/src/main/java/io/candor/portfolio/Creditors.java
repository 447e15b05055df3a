package io.candor.portfolio;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The creditors whose accounts the tenant collects, and the portfolios they place, by code. Codes are kept
 * upper-case. Two imports creating the same creditor or portfolio at once both end up with the one row.
 */
@Service
public class Creditors {

    private final JdbcClient jdbc;

    Creditors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The creditor with this code, if the tenant has one. */
    public Optional<UUID> find(String code) {
        return jdbc.sql("SELECT id FROM creditor WHERE code = :code").param("code", code.toUpperCase(Locale.ROOT))
                .query(UUID.class).optional();
    }

    /** The creditor with this code, created (named by its code) when new. */
    public UUID ensure(String code, String country) {
        String c = code.toUpperCase(Locale.ROOT);
        return find(c).orElseGet(() -> {
            jdbc.sql("""
                            INSERT INTO creditor (tenant_id, id, code, name, country) VALUES (:t, :id, :code, :code, :country)
                            ON CONFLICT (tenant_id, code) DO NOTHING""")
                    .param("t", TenantContext.require()).param("id", Ids.newId()).param("code", c)
                    .param("country", country).update();
            return find(c).orElseThrow();
        });
    }

    /** The portfolio with this code, if the tenant has one. */
    public Optional<UUID> findPortfolio(String code) {
        return jdbc.sql("SELECT id FROM portfolio WHERE code = :code").param("code", code).query(UUID.class).optional();
    }

    /** The portfolio with this code, created for the creditor when new. */
    public UUID ensurePortfolio(UUID creditor, String code, String name, LocalDate placedOn) {
        return findPortfolio(code).orElseGet(() -> {
            jdbc.sql("""
                            INSERT INTO portfolio (tenant_id, id, creditor_id, code, name, placed_on)
                            VALUES (:t, :id, :creditor, :code, :name, :placed)
                            ON CONFLICT (tenant_id, code) DO NOTHING""")
                    .param("t", TenantContext.require()).param("id", Ids.newId()).param("creditor", creditor)
                    .param("code", code).param("name", name).param("placed", placedOn).update();
            return findPortfolio(code).orElseThrow();
        });
    }
}
