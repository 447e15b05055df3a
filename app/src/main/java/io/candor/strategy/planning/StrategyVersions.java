package io.candor.strategy.planning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.RulePacks;
import io.candor.platform.Timestamps;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.InvalidInputException;
import io.candor.platform.web.NotFoundException;
import io.candor.strategy.Strategy;
import io.candor.strategy.StrategyCheck;
import io.candor.strategy.StrategyFile;
import io.candor.strategy.StrategyProblem;
import io.candor.template.Templates;
import io.candor.verify.Merkle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored strategy versions: append-only, effective-dated, and only ever valid — a file with any error is refused
 * with every problem, so the strategy in effect is never replaced by an invalid one.
 */
@Service
public class StrategyVersions {

    /** A stored version. */
    public record Version(String name, int version, LocalDate effectiveFrom, String reason, String sha256,
                          List<StrategyProblem> warnings, String createdBy, Instant createdAt) {
    }

    /** The version in effect, parsed. */
    public record Active(String name, int version, Strategy strategy) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Templates templates;
    private final StrategyCheck check;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Strategy> parsed = new ConcurrentHashMap<>();

    StrategyVersions(JdbcClient jdbc, Templates templates, RulePacks packs, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.check = new StrategyCheck(packs);
        this.audit = audit;
        this.clock = clock;
    }

    /** Every problem of a strategy file, checked against the tenant's templates. */
    public List<StrategyProblem> validate(String text) {
        StrategyFile.Parsed p = StrategyFile.parse(text);
        List<StrategyProblem> problems = new ArrayList<>(p.problems());
        if (p.strategy() != null) {
            problems.addAll(check.problems(p.strategy(), templates.channels()));
        }
        return problems;
    }

    /** Stores a new version of the file's strategy; any error refuses it and nothing changes. */
    @Transactional
    public Version publish(String text, String by) {
        List<StrategyProblem> problems = validate(text);
        List<StrategyProblem> errors = problems.stream().filter(p -> p.severity() == StrategyProblem.Severity.ERROR)
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The strategy has " + errors.size() + " error" + (errors.size() > 1 ? "s" : "")
                    + "; nothing was activated. First: " + errors.getFirst() + ".", problems);
        }
        Strategy s = Objects.requireNonNull(StrategyFile.parse(text).strategy(), "a strategy without errors");
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM strategy_version WHERE name = :name")
                .param("name", s.name()).query(Integer.class).single();
        byte[] sha = Merkle.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            INSERT INTO strategy_version (tenant_id, name, version, effective_from, reason, definition, sha256,
                                                          warnings, created_by, created_at)
                            VALUES (:tenant, :name, :version, :from, :reason, :definition, :sha, CAST(:warnings AS jsonb),
                                    :by, :at)""")
                    .param("tenant", TenantContext.require()).param("name", s.name()).param("version", version)
                    .param("from", s.effectiveFrom()).param("reason", s.reason()).param("definition", text)
                    .param("sha", sha).param("warnings", JSON.writeValueAsString(problems)).param("by", by)
                    .param("at", Timestamps.utc(now)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Strategy '" + s.name() + "' was published at the same moment: try again.");
        }
        audit.record(AuditEntry.of(AuditAction.STRATEGY_PUBLISHED, "strategy", s.name()).withDetail(Map.of("version", version,
                "effectiveFrom", s.effectiveFrom().toString(), "reason", s.reason(), "warnings", problems.size(),
                "sha256", HexFormat.of().formatHex(sha))));
        return new Version(s.name(), version, s.effectiveFrom(), s.reason(), HexFormat.of().formatHex(sha), problems, by,
                now);
    }

    /** The strategy in effect on {@code date}: the latest published version whose effective date has come. */
    public Optional<Active> inEffect(LocalDate date) {
        UUID tenant = TenantContext.require();
        return jdbc.sql("""
                        SELECT name, version, definition FROM strategy_version WHERE effective_from <= :date
                        ORDER BY effective_from DESC, created_at DESC LIMIT 1""")
                .param("date", date)
                .query((rs, n) -> {
                    String name = rs.getString("name");
                    int version = rs.getInt("version");
                    String definition = rs.getString("definition");
                    Strategy s = parsed.computeIfAbsent(tenant + "/" + name + "/" + version,
                            k -> Objects.requireNonNull(StrategyFile.parse(definition).strategy()));
                    return new Active(name, version, s);
                })
                .optional();
    }

    /** The latest version of {@code name}, whatever its effective date. */
    public Optional<Active> latest(String name) {
        return jdbc.sql("SELECT version FROM strategy_version WHERE name = :name ORDER BY version DESC LIMIT 1")
                .param("name", name).query(Integer.class).optional()
                .map(v -> new Active(name, v, load(name, v)));
    }

    /** The stored text of a version. */
    public String definition(String name, int version) {
        return jdbc.sql("SELECT definition FROM strategy_version WHERE name = :name AND version = :v")
                .param("name", name).param("v", version).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("strategy version", name + " v" + version));
    }

    /** One stored version, parsed (a planning run keeps the version it started with). */
    public Strategy load(String name, int version) {
        UUID tenant = TenantContext.require();
        return parsed.computeIfAbsent(tenant + "/" + name + "/" + version, k -> Objects.requireNonNull(
                StrategyFile.parse(definition(name, version)).strategy()));
    }

    public List<Version> all() {
        return jdbc.sql("""
                        SELECT name, version, effective_from, reason, sha256, warnings::text, created_by, created_at
                        FROM strategy_version ORDER BY effective_from DESC, created_at DESC""")
                .query((rs, n) -> new Version(rs.getString("name"), rs.getInt("version"),
                        rs.getObject("effective_from", LocalDate.class), rs.getString("reason"),
                        HexFormat.of().formatHex(rs.getBytes("sha256")),
                        List.of(JSON.readValue(rs.getString("warnings"), StrategyProblem[].class)),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
