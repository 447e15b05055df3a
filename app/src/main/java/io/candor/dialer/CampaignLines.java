package io.candor.dialer;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The lines each campaign rang, one per account a day: when, paced how, and how each went. The abandoned-call limits
 * are counted from them, so a restarted server paces from what was dialled before it stopped.
 */
@Service
class CampaignLines {

    /** How a campaign's line stands, as kept. */
    enum Outcome {
        RINGING, NOT_ANSWERED, MACHINE, BRIDGED, ABANDONED, REFUSED, RESTING;

        /** A person answered it (an answering machine is counted apart). */
        boolean live() {
            return this == BRIDGED || this == ABANDONED;
        }
    }

    /** A line a person — or, judged so, a machine — answered, for the limits' windows. */
    record Answered(Instant at, Outcome outcome) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignLines(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The accounts a campaign has rung (or tried to) on a date. */
    Set<UUID> tried(UUID campaign, LocalDate date) {
        return new HashSet<>(jdbc.sql("SELECT account_id FROM campaign_call WHERE campaign_id = :c AND business_date = :d")
                .param("c", campaign).param("d", date).query(UUID.class).list());
    }

    /** Of {@code accounts}, those a dialer abandoned a call to (any campaign) since {@code since}. */
    Set<UUID> abandonedSince(List<UUID> accounts, Instant since) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT account_id FROM campaign_call
                        WHERE outcome = 'ABANDONED' AND answered_at > :since AND account_id = ANY(:accounts)""")
                .param("since", utc(since)).param("accounts", accounts.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** A line not rung: the gate refused it, or the number rests after an abandoned call. */
    void skipped(UUID campaign, LocalDate date, UUID account, DialingMode pacedAs, Outcome why, String detail) {
        insert(campaign, date, account, pacedAs, why, null, detail);
    }

    void ringing(UUID campaign, LocalDate date, UUID account, DialingMode pacedAs, UUID call) {
        insert(campaign, date, account, pacedAs, Outcome.RINGING, call, "");
    }

    private void insert(UUID campaign, LocalDate date, UUID account, DialingMode pacedAs, Outcome outcome,
            @Nullable UUID call, String detail) {
        jdbc.sql("""
                        INSERT INTO campaign_call (tenant_id, campaign_id, business_date, account_id, call_id, dialled_at,
                                                   paced_as, outcome, detail)
                        VALUES (:t, :c, :d, :a, :call, :now, :paced, :outcome, :detail)
                        ON CONFLICT DO NOTHING""")
                .param("t", TenantContext.require()).param("c", campaign).param("d", date).param("a", account)
                .param("call", call).param("now", utc(clock.instant())).param("paced", pacedAs.name())
                .param("outcome", outcome.name()).param("detail", detail).update();
    }

    /** How a rung line ended. */
    void ended(UUID campaign, LocalDate date, UUID account, Outcome outcome, @Nullable Instant answeredAt,
            @Nullable String collector, Duration rang, Duration talked, String detail) {
        jdbc.sql("""
                        UPDATE campaign_call SET outcome = :outcome, answered_at = :answered, collector = :collector,
                               rang_ms = :rang, talk_ms = :talk, detail = :detail
                        WHERE campaign_id = :c AND business_date = :d AND account_id = :a""")
                .param("outcome", outcome.name()).param("answered", answeredAt == null ? null : utc(answeredAt))
                .param("collector", collector).param("rang", rang.toMillis()).param("talk", talked.toMillis())
                .param("detail", detail).param("c", campaign).param("d", date).param("a", account).update();
    }

    /** Lines left ringing by a server that stopped: they rang no longer, and nobody answered them here. */
    int closeStale(UUID campaign) {
        return jdbc.sql("""
                        UPDATE campaign_call SET outcome = 'NOT_ANSWERED',
                               detail = 'The server stopped while the line rang.'
                        WHERE campaign_id = :c AND outcome = 'RINGING'""").param("c", campaign).update();
    }

    /** The answered lines since {@code since}, oldest first: what the limits' windows hold. */
    List<Answered> answeredSince(UUID campaign, Instant since) {
        return jdbc.sql("""
                        SELECT answered_at, outcome FROM campaign_call
                        WHERE campaign_id = :c AND answered_at > :since AND outcome IN ('BRIDGED', 'ABANDONED', 'MACHINE')
                        ORDER BY answered_at""")
                .param("c", campaign).param("since", utc(since))
                .query((rs, n) -> new Answered(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        Outcome.valueOf(rs.getString(2))))
                .list();
    }

    /** How many of a campaign's lines of a date went each way. */
    Map<Outcome, Long> counts(UUID campaign, LocalDate date) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        jdbc.sql("""
                        SELECT outcome, count(*) FROM campaign_call WHERE campaign_id = :c AND business_date = :d
                        GROUP BY outcome""")
                .param("c", campaign).param("d", date)
                .query((rs, n) -> counts.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }
}
