package io.candor.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Timestamps;
import io.candor.platform.tenant.TenantContext;
import io.candor.scoring.model.Metrics;
import io.candor.scoring.model.Scorecard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Accounts' latest scores with their reason codes (written by the daily run), and the drift check of the model in
 * use: the population stability index of the day's scores against the training scores, with an alert above 0.25.
 */
@Service
public class Scores {

    private static final Logger log = LoggerFactory.getLogger(Scores.class);
    /** PSI above which the scores have drifted enough that the model needs a look. */
    public static final double DRIFT_ALERT = 0.25;

    /** An account's score for a business date. */
    public record AccountScore(UUID account, UUID model, LocalDate businessDate, Scorecard.Score score) {
    }

    /** One drift check. */
    public record Drift(UUID model, LocalDate businessDate, int accounts, double psi, boolean alert) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ModelRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    Scores(JdbcClient jdbc, JdbcTemplate batch, ModelRegistry registry, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** The score the last planning run gave an account, with its reason codes as stored. */
    public record LastScore(LocalDate businessDate, BigDecimal points, double probability,
                            List<Map<String, Object>> reasons) {
    }

    /** The account's latest score, if a run has scored it. */
    public Optional<LastScore> last(UUID account) {
        return jdbc.sql("SELECT business_date, points, probability, reasons::text FROM account_score WHERE account_id = :a")
                .param("a", account)
                .query((rs, n) -> new LastScore(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getDouble(3),
                        reasons(rs.getString(4))))
                .optional();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reasons(String json) {
        Object parsed = ModelRegistry.JSON.readValue(json, Object.class);
        return parsed instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** Keeps each account's latest score (in the caller's transaction). */
    public void record(List<AccountScore> scores) {
        UUID tenant = TenantContext.require();
        batch.batchUpdate("""
                        INSERT INTO account_score (tenant_id, account_id, model_id, business_date, probability, points,
                                                   reasons)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                        ON CONFLICT (tenant_id, account_id) DO UPDATE SET model_id = excluded.model_id,
                            business_date = excluded.business_date, probability = excluded.probability,
                            points = excluded.points, reasons = excluded.reasons""",
                scores.stream().map(s -> new Object[] {tenant, s.account(), s.model(), s.businessDate(),
                        (float) s.score().probability(), Math.round(s.score().points() * 10) / 10.0,
                        ModelRegistry.JSON.writeValueAsString(s.score().reasons())}).toList());
    }

    /** Compares the day's scores by {@code model} with its training scores; records the check, alerts on drift. */
    public Drift checkDrift(UUID model, LocalDate date) {
        // the day's scores are counted into the training deciles where they are stored, not loaded (a run scores millions)
        double[] training = registry.trainingScores(model);
        double[] cuts = Metrics.psiCuts(training);
        long[] counts = new long[cuts.length + 1];
        jdbc.sql("""
                        SELECT (SELECT count(*) FROM unnest(CAST(:cuts AS float8[])) c WHERE c < s.probability) AS bucket,
                               count(*) FROM account_score s WHERE s.model_id = :m AND s.business_date = :d
                        GROUP BY 1""")
                .param("cuts", Arrays.stream(cuts).boxed().toArray(Double[]::new))
                .param("m", model).param("d", date)
                .query((rs, n) -> counts[rs.getInt(1)] += rs.getLong(2)).list();
        int scored = (int) Arrays.stream(counts).sum();
        double psi = scored == 0 ? 0 : Metrics.psi(training, counts);
        boolean alert = psi > DRIFT_ALERT;
        jdbc.sql("""
                        INSERT INTO model_drift (tenant_id, model_id, business_date, accounts, psi, alert, checked_at)
                        VALUES (:t, :m, :d, :n, :psi, :alert, :now)
                        ON CONFLICT (tenant_id, model_id, business_date) DO UPDATE SET accounts = excluded.accounts,
                            psi = excluded.psi, alert = excluded.alert, checked_at = excluded.checked_at""")
                .param("t", TenantContext.require()).param("m", model).param("d", date).param("n", scored)
                .param("psi", (float) psi).param("alert", alert).param("now", Timestamps.utc(clock.instant())).update();
        if (alert) {
            log.warn("Model {} has drifted on {}: PSI {} over {} accounts (alert above {})", model, date,
                    String.format(Locale.ROOT, "%.3f", psi), scored, DRIFT_ALERT);
            audit.record(AuditEntry.of(AuditAction.MODEL_DRIFT_ALERT, "model", model).withDetail(Map.of("businessDate",
                    date.toString(), "psi", psi, "accounts", scored)));
        }
        return new Drift(model, date, scored, psi, alert);
    }

    public List<Drift> drift(UUID model) {
        return jdbc.sql("""
                        SELECT model_id, business_date, accounts, psi, alert FROM model_drift WHERE model_id = :m
                        ORDER BY business_date DESC LIMIT 90""")
                .param("m", model)
                .query((rs, n) -> new Drift(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getDouble(4), rs.getBoolean(5)))
                .list();
    }
}
