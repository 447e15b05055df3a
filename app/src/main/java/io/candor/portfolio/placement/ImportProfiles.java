package io.candor.portfolio.placement;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.candor.platform.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's mapping profiles, stored as JSON. */
@Component
class ImportProfiles {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ImportProfiles(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Optional<ImportProfile> find(String name) {
        return jdbc.sql("SELECT definition::text FROM import_profile WHERE name = :name").param("name", name)
                .query(String.class).optional().map(d -> json.readValue(d, ImportProfile.class));
    }

    List<String> names() {
        return jdbc.sql("SELECT name FROM import_profile ORDER BY name").query(String.class).list();
    }

    void save(String name, ImportProfile profile) {
        jdbc.sql("""
                        INSERT INTO import_profile (tenant_id, name, definition, updated_at)
                        VALUES (:tenant, :name, CAST(:definition AS jsonb), :now)
                        ON CONFLICT (tenant_id, name) DO UPDATE SET definition = EXCLUDED.definition,
                                                                    updated_at = EXCLUDED.updated_at""")
                .param("tenant", TenantContext.require()).param("name", name)
                .param("definition", json.writeValueAsString(profile))
                .param("now", utc(clock.instant())).update();
    }
}
