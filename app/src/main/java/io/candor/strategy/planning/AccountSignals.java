package io.candor.strategy.planning;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.Timestamps;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules tell the strategy about an account — a promise or plan made or broken, a debtor upset or
 * vulnerable, an escalation — each counted, dated and evidence-logged, since it changes how the account is treated.
 */
@Service
public class AccountSignals {

    /** The signals segments and hand-offs read. */
    public enum Signal {
        ARRANGEMENT_ACTIVE, ARRANGEMENT_BROKEN, NEGATIVE_EMOTION, VULNERABLE, ESCALATED
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSignals(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Raises a signal (again: its count grows); a broken arrangement ends the active one. */
    @Transactional
    public void raise(UUID account, Signal signal, String source) {
        if (jdbc.sql("SELECT count(*) FROM account WHERE id = :id").param("id", account).query(Long.class).single() == 0) {
            throw new NotFoundException("account", account);
        }
        if (signal == Signal.ARRANGEMENT_BROKEN) {
            jdbc.sql("DELETE FROM account_signal WHERE account_id = :a AND signal = 'ARRANGEMENT_ACTIVE'")
                    .param("a", account).update();
        }
        jdbc.sql("""
                        INSERT INTO account_signal (tenant_id, account_id, signal, source, since)
                        VALUES (:tenant, :account, :signal, :source, :now)
                        ON CONFLICT (tenant_id, account_id, signal) DO UPDATE
                        SET count = account_signal.count + 1, source = excluded.source, since = excluded.since""")
                .param("tenant", TenantContext.require()).param("account", account).param("signal", signal.name())
                .param("source", source).param("now", Timestamps.utc(clock.instant())).update();
        events.publishEvent(EvidenceEvent.of("ACCOUNT_SIGNAL", EvidenceEvent.Subject.account(account), clock.instant(),
                Map.of("signal", signal.name(), "change", "RAISED", "source", source)));
    }

    /** Clears a signal (a plan completed, a vulnerability reviewed). */
    @Transactional
    public void clear(UUID account, Signal signal, String source) {
        int n = jdbc.sql("DELETE FROM account_signal WHERE account_id = :a AND signal = :s")
                .param("a", account).param("s", signal.name()).update();
        if (n > 0) {
            events.publishEvent(EvidenceEvent.of("ACCOUNT_SIGNAL", EvidenceEvent.Subject.account(account),
                    clock.instant(), Map.of("signal", signal.name(), "change", "CLEARED", "source", source)));
        }
    }
}
