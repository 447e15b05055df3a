package io.candor.compliance.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.PolicyLayer;
import io.candor.compliance.RulePacks;
import io.candor.platform.Failures;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.verify.Merkle;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy layers of the current tenant. Publishing a layer adds a version (versions are never rewritten) and is
 * audited; the gate applies, for a contact's date, the newest tenant version and the newest version of the
 * account's creditor that are in effect.
 */
@Service
public class PolicyLayers {

    /** One stored version, with who made it and when. */
    public record Version(PolicyLayer layer, String sha256, String createdBy, Instant createdAt, JsonNode definition) {
    }

    private record Key(UUID tenant, PolicyLayer.Scope scope, String creditor, int version) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RulePacks packs;
    private final AuditTrail audit;
    /** How long {@link #inEffectRecently} trusts what it read. */
    static final Duration RECENT = Duration.ofSeconds(5);

    private record Recent(UUID tenant, String creditor, LocalDate date) {
    }

    private record Remembered(List<PolicyLayer> layers, long at) {
    }

    private final Map<Recent, Remembered> recent = new ConcurrentHashMap<>();
    /** Parsed versions; a version never changes, so the cache needs no invalidation. */
    private final Map<Key, PolicyLayer> parsed = new ConcurrentHashMap<>();

    private final Clock clock;

    PolicyLayers(JdbcClient jdbc, RulePacks packs, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.packs = packs;
        this.audit = audit;
    }

    /** The layers in effect on {@code date} for an account of {@code creditor} (null: the tenant layer only). */
    @Transactional(readOnly = true)
    public List<PolicyLayer> inEffect(@Nullable String creditor, LocalDate date) {
        UUID tenant = TenantContext.require();
        String code = creditor == null ? "" : normalise(creditor);
        return jdbc.sql("""
                        SELECT DISTINCT ON (scope, creditor_code) scope, creditor_code, version FROM compliance_policy
                        WHERE (scope = 'TENANT' OR (scope = 'CREDITOR' AND creditor_code = :creditor))
                          AND effective_from <= :date
                        ORDER BY scope, creditor_code, version DESC""")
                .param("creditor", code).param("date", date)
                .query((rs, n) -> new Key(tenant, PolicyLayer.Scope.valueOf(rs.getString("scope")),
                        rs.getString("creditor_code"), rs.getInt("version")))
                .list().stream()
                .map(k -> parsed.computeIfAbsent(k, this::load))
                .toList();
    }

    /**
     * {@link #inEffect} remembered for a few seconds, for what-if evaluation under load (not for the gate, which
     * always reads the database): a version published on another node is seen within {@link #RECENT}.
     */
    public List<PolicyLayer> inEffectRecently(@Nullable String creditor, LocalDate date) {
        Recent key = new Recent(TenantContext.require(), creditor == null ? "" : normalise(creditor), date);
        long now = System.nanoTime();
        Remembered r = recent.get(key);
        if (r != null && now - r.at() < RECENT.toNanos()) {
            return r.layers();
        }
        List<PolicyLayer> layers = inEffect(creditor, date);
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(key, new Remembered(layers, now));
        return layers;
    }

    /** Every version of every layer, newest first within a layer. */
    @Transactional(readOnly = true)
    public List<Version> all() {
        UUID tenant = TenantContext.require();
        return jdbc.sql("""
                        SELECT scope, creditor_code, version, definition::text AS definition, sha256, created_by, created_at
                        FROM compliance_policy ORDER BY scope DESC, creditor_code, version DESC""")
                .query((rs, n) -> {
                    Key k = new Key(tenant, PolicyLayer.Scope.valueOf(rs.getString("scope")),
                            rs.getString("creditor_code"), rs.getInt("version"));
                    JsonNode definition = JSON.readTree(rs.getString("definition"));
                    return new Version(parsed.computeIfAbsent(k, key -> parse(key, definition)),
                            HexFormat.of().formatHex(rs.getBytes("sha256")), rs.getString("created_by"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), definition);
                })
                .list();
    }

    /**
     * Validates and stores a new version of a layer (the tenant's when {@code creditor} is null). A definition that
     * does not parse is refused with what to fix; two changes at the same moment → one of them gets a conflict.
     */
    @Transactional
    public Version publish(@Nullable String creditor, JsonNode definition, String by) {
        UUID tenant = TenantContext.require();
        PolicyLayer.Scope scope = creditor == null ? PolicyLayer.Scope.TENANT : PolicyLayer.Scope.CREDITOR;
        String code = creditor == null ? "" : normalise(creditor);
        int version = jdbc.sql("""
                        SELECT coalesce(max(version), 0) + 1 FROM compliance_policy
                        WHERE scope = :scope AND creditor_code = :creditor""")
                .param("scope", scope.name()).param("creditor", code).query(Integer.class).single();
        PolicyLayer layer;
        try {
            layer = PolicyLayer.parse(scope, code, version, definition.deepCopy(), packs.ruleIds());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Failures.messageOf(e));
        }
        String canonical = JSON.writeValueAsString(definition);
        byte[] sha = Merkle.sha256().digest(canonical.getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            INSERT INTO compliance_policy (tenant_id, scope, creditor_code, version, effective_from,
                                                           definition, sha256, reason, created_by)
                            VALUES (:tenant, :scope, :creditor, :version, :from, :definition::jsonb, :sha, :reason, :by)""")
                    .param("tenant", tenant).param("scope", scope.name()).param("creditor", code)
                    .param("version", version).param("from", layer.effectiveFrom()).param("definition", canonical)
                    .param("sha", sha).param("reason", layer.reason()).param("by", by).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The layer was changed at the same moment by someone else: reload and try again.");
        }
        audit.record(AuditEntry.of(AuditAction.COMPLIANCE_POLICY_PUBLISHED, "compliance_policy",
                scope == PolicyLayer.Scope.TENANT ? "TENANT" : "CREDITOR:" + code).withDetail(Map.of(
                "version", version, "effectiveFrom", layer.effectiveFrom().toString(), "reason", layer.reason(),
                "rules", layer.rules().size(), "sha256", HexFormat.of().formatHex(sha))));
        parsed.put(new Key(tenant, scope, code, version), layer);
        recent.keySet().removeIf(k -> k.tenant().equals(tenant));
        return new Version(layer, HexFormat.of().formatHex(sha), by, now, definition);
    }

    private PolicyLayer load(Key k) {
        String definition = jdbc.sql("""
                        SELECT definition::text FROM compliance_policy
                        WHERE scope = :scope AND creditor_code = :creditor AND version = :version""")
                .param("scope", k.scope().name()).param("creditor", k.creditor()).param("version", k.version())
                .query(String.class).single();
        return parse(k, JSON.readTree(definition));
    }

    /** A stored version; ids reserved since it was published do not make it unreadable. */
    private static PolicyLayer parse(Key k, JsonNode definition) {
        return PolicyLayer.parse(k.scope(), k.creditor(), k.version(), definition, Set.of());
    }

    private static String normalise(String creditor) {
        String code = creditor.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.length() > 64) {
            throw new BadRequestException("A creditor code is 1 to 64 characters, e.g. ACME.");
        }
        return code;
    }
}
