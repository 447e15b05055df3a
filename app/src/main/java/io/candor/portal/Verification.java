package io.candor.portal;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Actor;
import io.candor.platform.CandorProperties;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.AccountReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proving who opened a portal link: the last four characters of the debtor's ID number and the date of birth,
 * both right. Wrong answers are counted per account across its links; {@code maxAttempts} within the lockout
 * window lock every link of the account until the window has passed. Every attempt is recorded and audited.
 */
@Service
class Verification {

    /** The outcome of one attempt. */
    sealed interface Result {
    }

    record Verified() implements Result {
    }

    record Wrong(int attemptsLeft) implements Result {
    }

    record Locked(Instant until) implements Result {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CandorProperties.Portal settings;
    private final Clock clock;

    private final AccountReadModel accounts;

    Verification(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, CandorProperties properties,
            Clock clock, AccountReadModel accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.settings = properties.portal();
        this.clock = clock;
    }

    /** How the records name the debtor acting in the portal. */
    static final String DEBTOR = "debtor (portal)";

    /** The debtor behind a portal link, as the audit trail names them. */
    static Actor debtor(UUID link) {
        return Actor.of(link, DEBTOR);
    }

    /** Wrong answers on the account within the lockout window and since its last right one, newest first. */
    private List<OffsetDateTime> recentFailures(UUID account) {
        return jdbc.sql("""
                        SELECT at FROM portal_verification WHERE account_id = :a AND NOT success AND at > :since
                          AND at > coalesce((SELECT max(at) FROM portal_verification WHERE account_id = :a AND success),
                                            '-infinity')
                        ORDER BY at DESC""")
                .param("a", account).param("since", utc(clock.instant().minus(settings.lockout())))
                .query(OffsetDateTime.class).list();
    }

    /** Until when those failures lock the account's links, or null when they do not. */
    private @Nullable Instant lockedUntil(List<OffsetDateTime> failures) {
        return failures.size() >= settings.maxAttempts()
                ? failures.getFirst().toInstant().plus(settings.lockout()) : null;
    }

    @Transactional
    public Result attempt(UUID link, UUID account, String idLast4, @Nullable LocalDate birthDate, String client,
            @Nullable String staffOrigin) {
        Instant locked = lockedUntil(recentFailures(account));
        if (locked != null) {
            audit.recordAs(debtor(link), AuditEntry.of(AuditAction.PORTAL_VERIFICATION_LOCKED, "account", account)
                    .withDetail(Map.of("until", locked.toString(), "client", client)));
            return new Locked(locked);
        }
        AccountReadModel.IdentityProof k = accounts.identityProof(account);
        String last4 = k.idLast4();
        boolean right = last4 != null && k.birthDate() != null && birthDate != null
                && last4.equalsIgnoreCase(idLast4.strip()) && k.birthDate().equals(birthDate);
        jdbc.sql("""
                        INSERT INTO portal_verification (tenant_id, id, link_id, account_id, at, success, client,
                                                         staff_origin)
                        VALUES (:t, :id, :link, :a, :now, :ok, :client, :staff)""")
                .param("t", TenantContext.require()).param("id", Ids.newId()).param("link", link).param("a", account)
                .param("now", utc(clock.instant())).param("ok", right).param("client", client)
                .param("staff", staffOrigin).update();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("link", link.toString());
        detail.put("client", client);
        if (staffOrigin != null) {
            // a verification from a staff member's browser or network: recorded as such, for compliance to review
            detail.put("staffOrigin", staffOrigin);
        }
        audit.recordAs(debtor(link), AuditEntry.of(right ? AuditAction.PORTAL_VERIFIED : AuditAction.PORTAL_VERIFICATION_FAILED, "account",
                account).withDetail(Map.copyOf(detail)));
        if (right) {
            detail.remove("client");
            events.publishEvent(new EvidenceEvent(EvidenceType.PORTAL_VERIFIED, EvidenceEvent.Subject.account(account),
                    debtor(link).username(), clock.instant(), Map.copyOf(detail), List.of()));
            return new Verified();
        }
        List<OffsetDateTime> failures = recentFailures(account);
        Instant now = lockedUntil(failures);
        if (now != null) {
            return new Locked(now);
        }
        return new Wrong(Math.max(0, settings.maxAttempts() - failures.size()));
    }
}
