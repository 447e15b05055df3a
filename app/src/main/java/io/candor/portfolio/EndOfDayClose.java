package io.candor.portfolio;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end-of-day close for the current tenant: recomputes days past due and the bucket of every open account
 * for the business date, and records every bucket change in the history (never rewritten). It works in
 * chunks, each committed with a checkpoint, so a crash resumes where it stopped; a date closed once is not
 * closed again.
 */
@Service
class EndOfDayClose {

    static final int CHUNK = 5_000;

    /** The outcome of a close. */
    public record Summary(LocalDate businessDate, String status, long accounts, long transitions, boolean repeat) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final Clock clock;

    EndOfDayClose(JdbcClient jdbc, TransactionTemplate tx, Tenants tenants, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Refuses a business date Candor cannot move to: one before a date already closed (a closed day is not
     * reopened), or further than {@link Bounds#BUSINESS_DATE_DAYS} days from today's calendar date.
     */
    public void requireOpen(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today.minusDays(Bounds.BUSINESS_DATE_DAYS)) || date.isAfter(today.plusDays(
                Bounds.BUSINESS_DATE_DAYS))) {
            throw new BadRequestException("The business date " + date + " is out of range: "
                    + "choose a date within " + Bounds.BUSINESS_DATE_DAYS + " days of today (" + today + ").");
        }
        jdbc.sql("SELECT max(business_date) FROM eod_close WHERE status = 'DONE'").query(LocalDate.class).optional()
                .filter(last -> last.isAfter(date)).ifPresent(last -> {
                    throw new ConflictException("The business date " + last + " is already closed; the business date "
                            + "cannot go back to " + date + ". Choose " + last + " or later.");
                });
    }

    /** Closes the tenant's current business date. */
    public Summary close() {
        return close(tenants.businessDate(TenantContext.require()));
    }

    public Summary close(LocalDate date) {
        UUID tenant = TenantContext.require();
        Optional<Summary> done = find(date).filter(s -> s.status().equals("DONE"));
        if (done.isPresent()) {
            return new Summary(date, "DONE", done.get().accounts(), done.get().transitions(), true);
        }
        requireNotBehindClosed(date);
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO eod_close (tenant_id, business_date, status, started_at)
                        VALUES (:tenant, :date, 'RUNNING', :now) ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).param("date", date).param("now", now()).update());
        while (Boolean.TRUE.equals(tx.execute(s -> chunk(tenant, date)))) {
            // each chunk commits its accounts, history and checkpoint together
        }
        Summary summary = tx.execute(s -> {
            jdbc.sql("UPDATE eod_close SET status = 'DONE', finished_at = :now WHERE business_date = :date")
                    .param("now", now()).param("date", date).update();
            Summary sum = find(date).orElseThrow();
            audit.record(AuditEntry.of(AuditAction.EOD_CLOSED, "business_date", date).withDetail(Map.of(
                    "accounts", sum.accounts(), "transitions", sum.transitions())));
            return sum;
        });
        return summary;
    }

    /** Refuses to close a date before one already closed. */
    void requireNotBehindClosed(LocalDate date) {
        jdbc.sql("SELECT max(business_date) FROM eod_close WHERE status = 'DONE'").query(LocalDate.class).optional()
                .filter(last -> last.isAfter(date)).ifPresent(last -> {
                    throw new ConflictException("The business date " + last + " is already closed; a close cannot go back "
                            + "to " + date + ".");
                });
    }

    /** One chunk after the checkpoint; false when there was nothing left. */
    private boolean chunk(UUID tenant, LocalDate date) {
        UUID checkpoint = jdbc.sql("SELECT checkpoint FROM eod_close WHERE business_date = :date FOR UPDATE")
                .param("date", date).query(UUID.class).single();
        Optional<UUID> last = jdbc.sql("""
                        SELECT id FROM (SELECT id FROM account WHERE status = 'OPEN' AND id > :after
                                        ORDER BY id LIMIT :chunk) c ORDER BY id DESC LIMIT 1""")
                .param("after", checkpoint).param("chunk", CHUNK).query(UUID.class).optional();
        if (last.isEmpty()) {
            return false;
        }
        long transitions = jdbc.sql("""
                        WITH aged AS (
                            SELECT a.id, a.bucket AS old_bucket,
                                   CASE WHEN a.principal_minor + a.interest_minor + a.fees_minor + a.penalty_minor = 0
                                        THEN 0 ELSE greatest(0, :date - a.due_date) END AS dpd,
                                   coalesce(b.boundaries, candor_default_buckets()) AS boundaries
                            FROM account a LEFT JOIN bucket_scheme b ON b.tenant_id = a.tenant_id AND b.product = a.product
                            WHERE a.status = 'OPEN' AND a.id > :after AND a.id <= :last),
                        bucketed AS (SELECT g.*, candor_bucket(g.dpd, g.boundaries) AS bucket FROM aged g),
                        changed AS (
                            UPDATE account a SET dpd = g.dpd, bucket = g.bucket
                            FROM bucketed g WHERE a.id = g.id AND (a.dpd <> g.dpd OR a.bucket <> g.bucket)
                            RETURNING a.id, g.old_bucket, a.bucket, a.dpd)
                        INSERT INTO account_bucket_history (tenant_id, account_id, business_date, from_bucket, to_bucket,
                                                            dpd, source)
                        SELECT :tenant, id, :date, old_bucket, bucket, dpd, 'EOD' FROM changed
                        WHERE old_bucket <> bucket
                        ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).param("date", date).param("after", checkpoint).param("last", last.get())
                .update();
        long accounts = jdbc.sql("SELECT count(*) FROM account WHERE status = 'OPEN' AND id > :after AND id <= :last")
                .param("after", checkpoint).param("last", last.get()).query(Long.class).single();
        jdbc.sql("""
                        UPDATE eod_close SET checkpoint = :last, accounts = accounts + :accounts,
                               transitions = transitions + :transitions WHERE business_date = :date""")
                .param("last", last.get()).param("accounts", accounts).param("transitions", transitions)
                .param("date", date).update();
        return true;
    }

    /** A close as the business-day page lists it: when it ran and how long it took. */
    record Past(LocalDate businessDate, String status, long accounts, long transitions, Instant startedAt,
                @Nullable Instant finishedAt) {
    }

    /** The latest closes, newest first. */
    List<Past> recent(int limit) {
        return jdbc.sql("""
                        SELECT business_date, status, accounts, transitions, started_at, finished_at FROM eod_close
                        ORDER BY business_date DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> {
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    return new Past(rs.getObject("business_date", LocalDate.class), rs.getString("status"),
                            rs.getLong("accounts"), rs.getLong("transitions"),
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant());
                }).list();
    }

    /**
     * How far the close of a date has come: the open accounts aged so far out of those open now (a close that
     * has not started reports none done).
     */
    public record Progress(LocalDate businessDate, String status, long done, long total, long transitions) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    Progress progress(LocalDate date) {
        Optional<Summary> s = find(date);
        long done = s.map(Summary::accounts).orElse(0L);
        long total = s.filter(x -> x.status().equals("DONE")).map(Summary::accounts).orElseGet(() ->
                jdbc.sql("SELECT count(*) FROM account WHERE status = 'OPEN'").query(Long.class).single());
        return new Progress(date, s.map(Summary::status).orElse("NONE"), done, Math.max(done, total),
                s.map(Summary::transitions).orElse(0L));
    }

    public Optional<Summary> find(LocalDate date) {
        return jdbc.sql("SELECT business_date, status, accounts, transitions FROM eod_close WHERE business_date = :date")
                .param("date", date)
                .query((rs, n) -> new Summary(rs.getObject("business_date", LocalDate.class), rs.getString("status"),
                        rs.getLong("accounts"), rs.getLong("transitions"), false))
                .optional();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
