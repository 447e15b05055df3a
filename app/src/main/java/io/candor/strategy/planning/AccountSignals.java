package io.candor.strategy.planning;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.platform.Timestamps;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.Accounts;
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

    private final Accounts accounts;

    AccountSignals(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Raises a signal (again: its count grows); a broken arrangement ends the active one. */
    @Transactional
    public void raise(UUID account, Signal signal, String source) {
        accounts.requireExists(account);
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
        events.publishEvent(EvidenceEvent.of(EvidenceType.ACCOUNT_SIGNAL, EvidenceEvent.Subject.account(account), clock.instant(),
                Map.of("signal", signal.name(), "change", "RAISED", "source", source)));
    }

    /** The signals raised on an account now, by name. */
    public List<Signal> of(UUID account) {
        return jdbc.sql("SELECT signal FROM account_signal WHERE account_id = :a ORDER BY signal").param("a", account)
                .query((rs, n) -> Signal.valueOf(rs.getString(1))).list();
    }

    /** Clears a signal (a plan completed, a vulnerability reviewed). */
    @Transactional
    public void clear(UUID account, Signal signal, String source) {
        int n = jdbc.sql("DELETE FROM account_signal WHERE account_id = :a AND signal = :s")
                .param("a", account).param("s", signal.name()).update();
        if (n > 0) {
            events.publishEvent(EvidenceEvent.of(EvidenceType.ACCOUNT_SIGNAL, EvidenceEvent.Subject.account(account),
                    clock.instant(), Map.of("signal", signal.name(), "change", "CLEARED", "source", source)));
        }
    }
}
