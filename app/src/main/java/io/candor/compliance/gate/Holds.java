package io.candor.compliance.gate;

import static io.candor.platform.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Hold;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Accounts;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Holds on accounts: who set each one, why, until when; lifting one is recorded too. */
@Service
public class Holds {

    /** A hold as the API shows it. */
    public record AccountHold(UUID id, UUID accountId, Hold hold, String reason, String setBy, OffsetDateTime setAt,
                              @Nullable LocalDate until, @Nullable String liftedBy, @Nullable OffsetDateTime liftedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Tenants tenants;
    private final Accounts accounts;

    Holds(JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events, Tenants tenants,
            Accounts accounts) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AccountHold set(UUID account, Hold hold, String reason, @Nullable LocalDate until, String actor) {
        accounts.requireExists(account);
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO account_hold (tenant_id, id, account_id, hold, reason, set_by, set_at, until)
                        VALUES (:tenant, :id, :account, :hold, :reason, :by, :now, :until)""")
                .param("tenant", TenantContext.require()).param("id", id).param("account", account)
                .param("hold", hold.name()).param("reason", reason).param("by", actor).param("now", now())
                .param("until", until).update();
        audit.record(AuditEntry.of(AuditAction.HOLD_SET, "account", account).withDetail(Map.of("hold", hold.name(), "reason", reason)));
        // the reason is free text a person wrote: the log gets its hash, the content store the text
        events.publishEvent(new EvidenceEvent(EvidenceType.HOLD_SET, EvidenceEvent.Subject.account(account), actor, clock.instant(),
                until == null ? Map.of("hold", hold.name(), "holdId", id.toString())
                        : Map.of("hold", hold.name(), "holdId", id.toString(), "until", until.toString()),
                List.of(reason.getBytes(StandardCharsets.UTF_8))));
        return find(id);
    }

    @Transactional
    public AccountHold lift(UUID holdId, String actor) {
        AccountHold h = find(holdId);
        jdbc.sql("UPDATE account_hold SET lifted_by = :by, lifted_at = :now WHERE id = :id AND lifted_at IS NULL")
                .param("by", actor).param("now", now()).param("id", holdId).update();
        audit.record(AuditEntry.of(AuditAction.HOLD_LIFTED, "account", h.accountId()).withDetail(Map.of("hold", h.hold().name())));
        events.publishEvent(new EvidenceEvent(EvidenceType.HOLD_LIFTED, EvidenceEvent.Subject.account(h.accountId()), actor,
                clock.instant(), Map.of("hold", h.hold().name(), "holdId", holdId.toString()), List.of()));
        return find(holdId);
    }

    /**
     * The holds that stop contact on the account now: not lifted and not past their end date. "Now" is the tenant's
     * business date — the calendar an end date was set on (a 30-day hardship pause ends 30 business days on) — so a
     * hold of a tenant west of UTC does not end hours early at UTC midnight.
     */
    public List<AccountHold> inForce(UUID account) {
        return inForce(account, tenants.businessDate(TenantContext.require()));
    }

    /** The holds in force on {@code today}, a business date. */
    public List<AccountHold> inForce(UUID account, LocalDate today) {
        return jdbc.sql("""
                        SELECT * FROM account_hold WHERE account_id = :account AND lifted_at IS NULL
                          AND (until IS NULL OR until >= :today) ORDER BY set_at""")
                .param("account", account).param("today", today).query(Holds::hold).list();
    }

    /** The holds in force on these accounts on the business date {@code today}, per account (none: absent). */
    public Map<UUID, Set<Hold>> inForce(Collection<UUID> accounts, LocalDate today) {
        Map<UUID, Set<Hold>> holds = new HashMap<>();
        if (accounts.isEmpty()) {
            return holds;
        }
        jdbc.sql("""
                        SELECT account_id, hold FROM account_hold WHERE account_id = ANY(:ids) AND lifted_at IS NULL
                          AND (until IS NULL OR until >= :today)""")
                .param("ids", accounts.toArray(UUID[]::new)).param("today", today)
                .query((rs, n) -> holds.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Hold.class))
                        .add(Hold.valueOf(rs.getString(2))))
                .list();
        return holds;
    }

    public List<AccountHold> of(UUID account) {
        return jdbc.sql("SELECT * FROM account_hold WHERE account_id = :account ORDER BY set_at").param("account", account)
                .query(Holds::hold).list();
    }

    private AccountHold find(UUID id) {
        return jdbc.sql("SELECT * FROM account_hold WHERE id = :id").param("id", id).query(Holds::hold).optional()
                .orElseThrow(() -> new NotFoundException("hold", id));
    }

    private static AccountHold hold(ResultSet rs, int n) throws SQLException {
        return new AccountHold(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                Hold.valueOf(rs.getString("hold")), rs.getString("reason"), rs.getString("set_by"),
                rs.getObject("set_at", OffsetDateTime.class), rs.getObject("until", LocalDate.class),
                rs.getString("lifted_by"), rs.getObject("lifted_at", OffsetDateTime.class));
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
