package io.candor.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Point-in-time features of a fixed sample of accounts (the same accounts every day: a panel), written by the daily
 * run, so that models can be trained on what the platform knew at the time and what followed. The sample share is
 * {@code candor.scoring.snapshot-percent} (default 10 %; 100 keeps every account).
 */
@Service
public class FeatureSnapshots {

    /** One account's features on a business date. */
    public record Snapshot(UUID account, Map<String, Object> features) {
    }

    private final JdbcTemplate batch;
    private final int percent;

    FeatureSnapshots(JdbcTemplate batch, @Value("${candor.scoring.snapshot-percent:10}") int percent) {
        this.batch = batch;
        this.percent = Math.max(0, Math.min(100, percent));
    }

    /** Whether the account is in the panel. */
    public boolean sampled(UUID account) {
        return Math.floorMod(account.getLeastSignificantBits() ^ account.getMostSignificantBits() >>> 7, 100L) < percent;
    }

    /** Keeps the day's snapshots (in the caller's transaction; a repeated day keeps the first). */
    public void record(LocalDate date, List<Snapshot> snapshots) {
        UUID tenant = TenantContext.require();
        batch.batchUpdate("""
                        INSERT INTO account_feature_snapshot (tenant_id, business_date, account_id, features)
                        VALUES (?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING""",
                snapshots.stream().map(s -> new Object[] {tenant, date, s.account(),
                        ModelRegistry.JSON.writeValueAsString(s.features())}).toList());
    }
}
