package io.candor.portfolio;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgiving what is left of a balance (a kept settlement): each component is recorded as a balance adjustment, the
 * account closes, and the write-off is audited and evidence-logged. Once per reference.
 */
@Service
public class Waivers {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Waivers(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void waiveRemainder(UUID account, String reference, Map<String, String> why) {
        record Left(long fees, long penalty, long interest, long principal, String currency) {
        }
        Left left = jdbc.sql("""
                        SELECT fees_minor, penalty_minor, interest_minor, principal_minor, currency FROM account
                        WHERE id = :id FOR UPDATE""")
                .param("id", account)
                .query((rs, n) -> new Left(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5).strip()))
                .single();
        int inserted = jdbc.sql("""
                        INSERT INTO balance_adjustment (tenant_id, id, account_id, kind, fees_minor, penalty_minor,
                               interest_minor, principal_minor, reference, at)
                        VALUES (:t, :id, :a, 'SETTLEMENT_WAIVER', :f, :p, :i, :pr, :ref, :now)
                        ON CONFLICT (tenant_id, account_id, reference) DO NOTHING""")
                .param("t", TenantContext.require()).param("id", Ids.newId()).param("a", account)
                .param("f", left.fees()).param("p", left.penalty()).param("i", left.interest())
                .param("pr", left.principal()).param("ref", reference).param("now", utc(clock.instant())).update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("""
                        UPDATE account SET fees_minor = 0, penalty_minor = 0, interest_minor = 0, principal_minor = 0,
                               status = 'CLOSED' WHERE id = :id""")
                .param("id", account).update();
        long total = left.fees() + left.penalty() + left.interest() + left.principal();
        Map<String, String> facts = new LinkedHashMap<>(why);
        facts.put("waived", Money.ofMinor(total, left.currency()).toString());
        facts.put("reference", reference);
        audit.record(AuditEntry.of(AuditAction.BALANCE_WAIVED, "account", account).withDetail(new LinkedHashMap<>(facts)));
        events.publishEvent(new EvidenceEvent(EvidenceType.BALANCE_WAIVED, EvidenceEvent.Subject.account(account), "monitoring",
                clock.instant(), facts, List.of()));
    }
}
