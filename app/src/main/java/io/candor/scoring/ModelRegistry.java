package io.candor.scoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Codes;
import io.candor.platform.Failures;
import io.candor.platform.Timestamps;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.scoring.model.Binning;
import io.candor.scoring.model.CrossValidation;
import io.candor.scoring.model.DataException;
import io.candor.scoring.model.Dataset;
import io.candor.scoring.model.Metrics;
import io.candor.scoring.model.Scorecard;
import io.candor.verify.Merkle;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry. A version is trained from a CSV, cross-validated next to its gradient-boosted challenger,
 * stored whole with the training data's fingerprint, features and metrics — and used by the strategy only once a
 * compliance officer has approved it (model-risk control). Versions never change; approval and retirement are
 * records of their own.
 */
@Service
public class ModelRegistry {

    /** A stored version and where it stands. */
    public record Version(UUID id, String name, int version, String kind, String target, String badValue,
                          List<String> features, String dataSha256, int rows, int bads, Map<String, Object> metrics,
                          String status, @Nullable String approvedBy, @Nullable Instant approvedAt,
                          @Nullable String note, String createdBy, Instant createdAt) {
    }

    /** The approved model the strategy uses. */
    public record InUse(UUID id, String name, int version, Scorecard scorecard) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Training scores kept for drift checks. */
    static final int TRAINING_SAMPLE = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<UUID, Scorecard> parsed = new ConcurrentHashMap<>();

    ModelRegistry(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Trains a scorecard on the file, cross-validates it and the challenger on five folds, and stores a new version
     * of {@code name}. Bad data is refused with what to fix; nothing is stored unless everything worked. The
     * training runs before the transaction that stores it, so no connection waits on it.
     */
    public Version train(String name, byte[] csv, String target, String badValue, String by) {
        if (!Codes.valid(name)) {
            throw new BadRequestException("A model name is " + Codes.RULE + ", e.g. c-card.");
        }
        Dataset data;
        Map<String, Object> metrics = new LinkedHashMap<>();
        Scorecard card;
        double[] training;
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            data = Dataset.fromCsv(in, target, badValue);
            metrics.put("crossValidated", CrossValidation.evaluate(data, 5, CrossValidation.SEED));
            card = Scorecard.train(data, Scorecard.Scaling.DEFAULT);
            training = card.probabilities(data);
            metrics.put("inSample", Metrics.report(training, data.bad()));
        } catch (DataException e) {
            throw new BadRequestException(Failures.messageOf(e));
        } catch (IOException e) {
            throw new BadRequestException("The file could not be read: " + Failures.messageOf(e));
        }
        List<String> features = card.features().stream().map(Binning::feature).toList();
        return Objects.requireNonNull(tx.execute(s -> store(name, csv, target, badValue, by, data, metrics,
                card, training, features)));
    }

    private Version store(String name, byte[] csv, String target, String badValue, String by, Dataset data,
            Map<String, Object> metrics, Scorecard card, double[] training, List<String> features) {
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM model_version WHERE name = :name")
                .param("name", name).query(Integer.class).single();
        UUID id = Ids.newId();
        byte[] sha = Merkle.sha256().digest(csv);
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            INSERT INTO model_version (tenant_id, id, name, version, kind, target, bad_value, features,
                                                       definition, data_sha256, data_rows, data_bads, metrics,
                                                       training_scores, created_by, created_at)
                            VALUES (:tenant, :id, :name, :version, 'SCORECARD', :target, :bad, :features,
                                    CAST(:definition AS jsonb), :sha, :rows, :bads, CAST(:metrics AS jsonb), :scores,
                                    :by, :now)""")
                    .param("tenant", TenantContext.require()).param("id", id).param("name", name)
                    .param("version", version).param("target", target).param("bad", badValue)
                    .param("features", features.toArray(String[]::new))
                    .param("definition", JSON.writeValueAsString(card)).param("sha", sha).param("rows", data.rows())
                    .param("bads", data.bads()).param("metrics", JSON.writeValueAsString(metrics))
                    .param("scores", sample(training)).param("by", by).param("now", Timestamps.utc(now)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Model '" + name + "' got a new version at the same moment: try again.");
        }
        audit.record(AuditEntry.of(AuditAction.MODEL_TRAINED, "model", id).withDetail(Map.of("name", name, "version", version,
                "rows", data.rows(), "sha256", HexFormat.of().formatHex(sha))));
        return find(id).orElseThrow();
    }

    /** A compliance officer's approval: the strategy uses the latest approved, unretired version. */
    @Transactional
    public Version approve(UUID id, String note, String by) {
        Version v = find(id).orElseThrow(() -> new NotFoundException("model", id));
        List<String> unknown = v.features().stream().filter(f -> !PlatformFeatures.known(f)).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("The model uses " + unknown + ", which the platform does not know of its "
                    + "accounts, so the strategy could not score with it. Train on a file whose columns are "
                    + PlatformFeatures.all() + " (docs/scoring.md).");
        }
        decide(v, "APPROVED", note, by);
        return find(id).orElseThrow();
    }

    /** Takes a version out of use. */
    @Transactional
    public Version retire(UUID id, String note, String by) {
        decide(find(id).orElseThrow(() -> new NotFoundException("model", id)), "RETIRED", note, by);
        return find(id).orElseThrow();
    }

    private void decide(Version v, String decision, String note, String by) {
        if (note.isBlank()) {
            throw new BadRequestException("Say why (note): it is kept with the decision.");
        }
        try {
            jdbc.sql("""
                            INSERT INTO model_approval (tenant_id, model_id, decision, note, decided_by, decided_at)
                            VALUES (:tenant, :id, :decision, :note, :by, :now)""")
                    .param("tenant", TenantContext.require()).param("id", v.id()).param("decision", decision)
                    .param("note", note.strip()).param("by", by).param("now", Timestamps.utc(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Model " + v.name() + " v" + v.version() + " is already "
                    + decision.toLowerCase(Locale.ROOT) + ".");
        }
        audit.record(AuditEntry.of(decision.equals("APPROVED") ? AuditAction.MODEL_APPROVED : AuditAction.MODEL_RETIRED,
                "model", v.id()).withDetail(Map.of("name", v.name(),
                "version", v.version(), "note", note.strip())));
    }

    public Optional<InUse> inUse() {
        return jdbc.sql("""
                        SELECT m.id, m.name, m.version FROM model_version m
                        JOIN model_approval a ON a.tenant_id = m.tenant_id AND a.model_id = m.id AND a.decision = 'APPROVED'
                        WHERE NOT EXISTS (SELECT 1 FROM model_approval r WHERE r.tenant_id = m.tenant_id
                                          AND r.model_id = m.id AND r.decision = 'RETIRED')
                        ORDER BY a.decided_at DESC LIMIT 1""")
                .query((rs, n) -> rs.getObject(1, UUID.class)).optional()
                .map(this::load);
    }

    /** One version, parsed (a planning run keeps the model it started with). */
    public InUse load(UUID id) {
        record Row(String name, int version, String definition) {
        }
        Row row = jdbc.sql("SELECT name, version, definition::text FROM model_version WHERE id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3))).optional()
                .orElseThrow(() -> new NotFoundException("model", id));
        Scorecard card = parsed.computeIfAbsent(id, k -> JSON.readValue(row.definition(), Scorecard.class));
        return new InUse(id, row.name(), row.version(), card);
    }

    /** The training scores of a version (a sample), for drift checks. */
    double[] trainingScores(UUID id) {
        Float[] scores = jdbc.sql("SELECT training_scores FROM model_version WHERE id = :id").param("id", id)
                .query((rs, n) -> (Float[]) rs.getArray(1).getArray()).single();
        return Arrays.stream(scores).mapToDouble(Float::doubleValue).toArray();
    }

    public List<Version> all() {
        return jdbc.sql(SELECT + " ORDER BY m.name, m.version DESC").query((rs, n) -> version(rs)).list();
    }

    public Optional<Version> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query((rs, n) -> version(rs)).optional();
    }

    /** The stored definition: bins, weights of evidence, points. */
    public Map<String, Object> definition(UUID id) {
        String text = jdbc.sql("SELECT definition::text FROM model_version WHERE id = :id").param("id", id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("model", id));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(text, Map.class);
        return map;
    }

    private static final String SELECT = """
            SELECT m.id, m.name, m.version, m.kind, m.target, m.bad_value, m.features, m.data_sha256, m.data_rows,
                   m.data_bads, m.metrics::text, m.created_by, m.created_at,
                   a.decided_by AS approved_by, a.decided_at AS approved_at, a.note AS approval_note,
                   r.decided_at AS retired_at, r.note AS retire_note
            FROM model_version m
            LEFT JOIN model_approval a ON a.tenant_id = m.tenant_id AND a.model_id = m.id AND a.decision = 'APPROVED'
            LEFT JOIN model_approval r ON r.tenant_id = m.tenant_id AND r.model_id = m.id AND r.decision = 'RETIRED'""";

    private static Version version(ResultSet rs) throws SQLException {
        OffsetDateTime approved = rs.getObject("approved_at", OffsetDateTime.class);
        boolean retired = rs.getObject("retired_at") != null;
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = JSON.readValue(rs.getString("metrics"), Map.class);
        return new Version(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("version"),
                rs.getString("kind"), rs.getString("target"), rs.getString("bad_value"),
                List.of((String[]) rs.getArray("features").getArray()),
                HexFormat.of().formatHex(rs.getBytes("data_sha256")), rs.getInt("data_rows"), rs.getInt("data_bads"),
                metrics, retired ? "RETIRED" : approved != null ? "APPROVED" : "DRAFT", rs.getString("approved_by"),
                approved == null ? null : approved.toInstant(),
                retired ? rs.getString("retire_note") : rs.getString("approval_note"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Float[] sample(double[] scores) {
        int n = Math.min(TRAINING_SAMPLE, scores.length);
        Float[] out = new Float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) scores[(int) ((long) i * scores.length / n)];
        }
        return out;
    }
}
