package io.candor.portfolio;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Timestamps;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.FieldProblem;
import io.candor.platform.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creditors whose accounts the tenant collects, and the portfolios they place, by code. Codes are kept
 * upper-case. Two imports creating the same creditor or portfolio at once both end up with the one row.
 */
@Service
public class Creditors {

    /**
     * A creditor as its administrator set it up: a name, the jurisdictions whose law governs its accounts, whether
     * its debtors may listen to their own calls in the portal, and how many years it keeps call recordings when that
     * is longer than the law requires (null: the law's minimum).
     */
    public record Creditor(String code, String name, List<String> jurisdictions, boolean debtorsHearCalls,
                           @Nullable Integer keepRecordingsYears, Instant updatedAt) {
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Creditors(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The tenant's creditors by code. */
    public List<Creditor> all() {
        return jdbc.sql("""
                        SELECT code, name, jurisdictions, debtors_hear_calls, keep_recordings_years, updated_at
                        FROM creditor ORDER BY code""")
                .query(Creditors::creditor).list();
    }

    /** One creditor by its code. */
    public Optional<Creditor> one(String code) {
        return jdbc.sql("""
                        SELECT code, name, jurisdictions, debtors_hear_calls, keep_recordings_years, updated_at
                        FROM creditor WHERE code = :code""")
                .param("code", code.strip().toUpperCase(Locale.ROOT)).query(Creditors::creditor).optional();
    }

    /**
     * Creates or renames a creditor and sets its jurisdictions; every problem is named at once and nothing is
     * written when there is one. Audited.
     */
    @Transactional
    public Creditor put(String code, @Nullable String name, @Nullable List<String> jurisdictions) {
        return put(code, name, jurisdictions, null, null);
    }

    /**
     * As {@link #put(String, String, List)}, and whether debtors hear their calls (null: as it was, else off) and how
     * many years its call recordings are kept, 0 to 30 (null: as it was; 0: the law's minimum).
     */
    @Transactional
    public Creditor put(String code, @Nullable String name, @Nullable List<String> jurisdictions,
            @Nullable Boolean debtorsHearCalls, @Nullable Integer keepRecordingsYears) {
        List<FieldProblem> problems = new ArrayList<>();
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9_-]{0,31}")) {
            problems.add(new FieldProblem("code", "1 to 32 letters, digits, '_' or '-', e.g. BANK1"));
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            problems.add(new FieldProblem("name", "the creditor's name, 1 to 200 characters"));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String j : jurisdictions == null ? List.<String>of() : jurisdictions) {
            String u = j == null ? "" : j.strip().toUpperCase(Locale.ROOT);
            if (!jurisdiction(u)) {
                problems.add(new FieldProblem("jurisdictions", "'" + j + "' is not a jurisdiction: an ISO 3166 country "
                        + "(CN, US, BR), a subdivision (BR-SP, US-CA) or EU"));
            }
            codes.add(u);
        }
        if (codes.isEmpty() || codes.size() > 20) {
            problems.add(new FieldProblem("jurisdictions", "1 to 20 jurisdictions whose law governs the accounts, e.g. "
                    + "[\"CN\"]"));
        }
        if (keepRecordingsYears != null && (keepRecordingsYears < 0 || keepRecordingsYears > 30)) {
            problems.add(new FieldProblem("keepRecordingsYears", "0 to 30 years to keep call recordings, when longer "
                    + "than the law requires (0: the law's minimum)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The creditor was not saved: " + problems.size() + " problem"
                    + (problems.size() > 1 ? "s" : "") + " to fix.", problems);
        }
        String first = codes.iterator().next();
        String country = first.substring(0, 2);
        jdbc.sql("""
                        INSERT INTO creditor (tenant_id, id, code, name, country, jurisdictions, updated_at,
                                              debtors_hear_calls, keep_recordings_years)
                        VALUES (:t, :id, :code, :name, :country, :jurisdictions, :now, coalesce(:hear, false), :keep)
                        ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name,
                            country = excluded.country, jurisdictions = excluded.jurisdictions,
                            updated_at = excluded.updated_at,
                            debtors_hear_calls = coalesce(:hear, creditor.debtors_hear_calls),
                            keep_recordings_years = coalesce(:keep, creditor.keep_recordings_years)""")
                .param("hear", debtorsHearCalls).param("keep", keepRecordingsYears)
                .param("t", TenantContext.require()).param("id", Ids.newId()).param("code", c).param("name", n)
                .param("country", country).param("jurisdictions", codes.toArray(String[]::new))
                .param("now", Timestamps.utc(clock.instant())).update();
        audit.record(AuditEntry.of(AuditAction.CREDITOR_SET, "creditor", c)
                .withDetail(Map.of("name", n, "jurisdictions", String.join(",", codes), "debtorsHearCalls",
                        String.valueOf(debtorsHearCalls), "keepRecordingsYears", String.valueOf(keepRecordingsYears))));
        return one(c).orElseThrow();
    }

    /** Whether the code names a jurisdiction: an ISO 3166 country, a subdivision of one, or the EU. */
    static boolean jurisdiction(String code) {
        if (code.equals("EU")) {
            return true;
        }
        String country = code.length() >= 2 ? code.substring(0, 2) : code;
        return COUNTRIES.contains(country) && code.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    }

    private static Creditor creditor(ResultSet rs, int n) throws SQLException {
        Array a = rs.getArray("jurisdictions");
        return new Creditor(rs.getString("code"), rs.getString("name"), List.of((String[]) a.getArray()),
                rs.getBoolean("debtors_hear_calls"), rs.getObject("keep_recordings_years", Integer.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
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
                            INSERT INTO creditor (tenant_id, id, code, name, country, jurisdictions)
                            VALUES (:t, :id, :code, :code, :country, ARRAY[:country])
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
