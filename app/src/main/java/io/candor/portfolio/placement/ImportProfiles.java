package io.candor.portfolio.placement;

import static io.candor.platform.Timestamps.utc;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.FieldProblem;
import io.candor.platform.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's mapping profiles, stored as JSON. */
@Component
class ImportProfiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditTrail audit;

    ImportProfiles(JdbcClient jdbc, JsonMapper json, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    Optional<ImportProfile> find(String name) {
        return jdbc.sql("SELECT definition::text FROM import_profile WHERE name = :name").param("name", name)
                .query(String.class).optional().map(d -> json.readValue(d, ImportProfile.class));
    }

    List<String> names() {
        return jdbc.sql("SELECT name FROM import_profile ORDER BY name").query(String.class).list();
    }

    /** Stores the profile under its name, or refuses it with every problem by field and nothing stored. */
    @Transactional
    void save(String name, ImportProfile profile) {
        List<FieldProblem> problems = problems(name, profile);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The import profile was not saved: "
                    + problems.stream().map(FieldProblem::fix).collect(Collectors.joining("; ")), problems);
        }
        jdbc.sql("""
                        INSERT INTO import_profile (tenant_id, name, definition, updated_at)
                        VALUES (:tenant, :name, CAST(:definition AS jsonb), :now)
                        ON CONFLICT (tenant_id, name) DO UPDATE SET definition = EXCLUDED.definition,
                                                                    updated_at = EXCLUDED.updated_at""")
                .param("tenant", TenantContext.require()).param("name", name)
                .param("definition", json.writeValueAsString(profile))
                .param("now", utc(clock.instant())).update();
        audit.record(AuditEntry.of(AuditAction.IMPORT_PROFILE_SET, "import_profile", name).withDetail(Map.of(
                "columns", profile.columns().size(), "creditor", profile.creditor() == null ? "" : profile.creditor())));
    }

    /** What is wrong with a profile, by field: its name, unknown canonical columns, date patterns, the encoding. */
    static List<FieldProblem> problems(String name, ImportProfile profile) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            problems.add(new FieldProblem("name", "A profile name is 1 to 64 letters, digits, '.', '_' or '-'."));
        }
        profile.columns().values().stream().filter(c -> CanonicalColumn.byHeader(c).isEmpty()).distinct()
                .forEach(c -> problems.add(new FieldProblem("columns", notCanonical(c))));
        profile.values().keySet().stream().filter(c -> CanonicalColumn.byHeader(c).isEmpty())
                .forEach(c -> problems.add(new FieldProblem("values", notCanonical(c))));
        profile.defaults().keySet().stream().filter(c -> CanonicalColumn.byHeader(c).isEmpty())
                .forEach(c -> problems.add(new FieldProblem("defaults", notCanonical(c))));
        for (String pattern : profile.dateFormats()) {
            try {
                requireValidPattern(pattern);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("dateFormats", "Date format '" + pattern + "' is not valid: "
                        + e.getMessage()));
            }
        }
        String encoding = profile.encoding();
        if (encoding != null && !encoding.isBlank() && !readable(encoding.strip())) {
            problems.add(new FieldProblem("encoding", "Unknown encoding '" + encoding + "': use UTF-8 or GB18030."));
        }
        Character delimiter = profile.delimiter();
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
            problems.add(new FieldProblem("delimiter", "A field separator is one character other than a quote or a "
                    + "line break, e.g. , ; | or a tab."));
        }
        return problems;
    }

    private static boolean readable(String encoding) {
        try {
            return Charset.isSupported(encoding);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String notCanonical(String column) {
        return "'" + column + "' is not a canonical column; use one of "
                + Arrays.stream(CanonicalColumn.values()).map(CanonicalColumn::header).toList();
    }

    /** Parses a date pattern only to find out whether it is valid; the formatter is made again where it is used. */
    @SuppressWarnings("ReturnValueIgnored")
    private static void requireValidPattern(String pattern) {
        DateTimeFormatter.ofPattern(pattern);
    }
}
