package io.candor.telephony;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.evidence.ContentStore;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.tenancy.EachTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases call recordings at the end of their retention: the audio leaves the content store, the call notes when,
 * and a {@code RECORDING_ERASED} tombstone is logged with the recording's hash and the rule that kept it — so the
 * hash in the evidence log stays provable and everyone can see the recording was erased on time, not lost.
 */
@Component
class CallRetention {

    private static final Logger log = LoggerFactory.getLogger(CallRetention.class);

    private record Expired(UUID id, UUID account, String sha256, LocalDate keptUntil, String rule) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ContentStore content;
    private final ApplicationEventPublisher events;
    private final EachTenant each;
    private final Clock clock;

    CallRetention(JdbcClient jdbc, TransactionTemplate tx, ContentStore content, ApplicationEventPublisher events,
            EachTenant each, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.content = content;
        this.events = events;
        this.each = each;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.telephony.retention-interval:6h}",
            initialDelayString = "${candor.telephony.retention-interval:6h}")
    void tick() {
        each.runActive("Erasing call recordings past their retention", this::eraseExpired);
    }

    /** In a tenant's context: erases every recording kept until before today; returns how many. */
    int eraseExpired() {
        List<Expired> expired = jdbc.sql("""
                        SELECT id, account_id, recording_sha256, keep_until, coalesce(retention_rule, '') FROM call
                        WHERE keep_until < :today AND recording_erased_at IS NULL AND recording_sha256 IS NOT NULL
                        ORDER BY keep_until LIMIT 1000""")
                .param("today", LocalDate.now(clock))
                .query((rs, n) -> new Expired(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
        for (Expired e : expired) {
            // the audio first: a crash before the tombstone leaves the call to be tombstoned on the next round
            content.erase(e.sha256());
            tx.executeWithoutResult(s -> {
                jdbc.sql("UPDATE call SET recording_erased_at = :now WHERE id = :id")
                        .param("now", utc(clock.instant())).param("id", e.id()).update();
                events.publishEvent(new EvidenceEvent(EvidenceType.RECORDING_ERASED,
                        EvidenceEvent.Subject.account(e.account()), "retention", clock.instant(), Map.of("call",
                                e.id().toString(), "sha256", e.sha256(), "keptUntil", e.keptUntil().toString(), "rule",
                                e.rule().isEmpty() ? "-" : e.rule()), List.of()));
            });
        }
        if (!expired.isEmpty()) {
            log.info("{} call recording(s) erased at the end of their retention", expired.size());
        }
        return expired.size();
    }
}
