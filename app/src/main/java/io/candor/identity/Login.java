package io.candor.identity;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Actor;
import io.candor.platform.CandorProperties;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password login for the UI and the token endpoint. After {@code max-failed-logins} consecutive failures an
 * account is locked for {@code lockout}; every attempt is audited. Unknown tenants and users cost the same
 * password check as known ones, so timing does not tell them apart.
 */
@Service
class Login {

    /** The result of a login attempt. */
    sealed interface Outcome {
        record Success(CandorPrincipal principal) implements Outcome {
        }

        record Failure() implements Outcome {
        }

        /** The right credentials, but the organisation is suspended by the platform operator. */
        record Suspended(String organisation, String reason) implements Outcome {
        }
    }

    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CandorProperties.Security policy;
    private final String unknownUserHash;

    Login(Tenants tenants, JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, TransactionTemplate tx,
            Clock clock, CandorProperties properties) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.policy = properties.security();
        this.unknownUserHash = passwords.encode("candor-unknown-user-timing-equaliser");
    }

    Outcome attempt(String tenantSlug, String username, String password) {
        Optional<UUID> tenant = tenants.idOf(tenantSlug);
        if (tenant.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            return new Outcome.Failure();
        }
        return TenantContext.call(tenant.get(), () -> tx.execute(s -> check(tenantSlug, username, password)));
    }

    /**
     * A sign-in vouched for by an identity provider (OIDC): the user must exist in the tenant, be enabled and
     * not locked; no password is checked.
     */
    Outcome federated(String tenantSlug, String username, String provider) {
        Optional<UUID> tenant = tenants.idOf(tenantSlug);
        if (tenant.isEmpty()) {
            return new Outcome.Failure();
        }
        return TenantContext.call(tenant.get(), () -> tx.execute(s -> {
            Optional<StoredUser> found = stored(username);
            Instant now = clock.instant();
            if (found.isEmpty() || !found.get().enabled()
                    || (found.get().lockedUntil() != null && found.get().lockedUntil().isAfter(now))) {
                return new Outcome.Failure();
            }
            StoredUser user = found.get();
            audit.recordAs(Actor.of(user.id(), user.username()), AuditEntry.of(AuditAction.LOGIN_SUCCEEDED, "user", user.id())
                    .withDetail(Map.of("method", "OIDC", "provider", provider)));
            return new Outcome.Success(principal(tenantSlug, user));
        }));
    }

    private Optional<StoredUser> stored(String username) {
        return jdbc.sql("""
                        SELECT id, username, display_name, password_hash, roles, locale, enabled, failed_logins,
                               locked_until, must_change_password
                        FROM app_user WHERE username = :username FOR UPDATE""")
                .param("username", username)
                .query((rs, n) -> new StoredUser(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"), Users.roles(rs),
                        rs.getString("locale"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                        Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null), rs.getBoolean("must_change_password")))
                .optional();
    }

    private CandorPrincipal principal(String tenantSlug, StoredUser user) {
        return new CandorPrincipal(TenantContext.require(), tenantSlug, user.id(), user.username(), user.displayName(),
                user.roles(), user.locale(), user.mustChangePassword());
    }

    private Outcome check(String tenantSlug, String username, String password) {
        Optional<StoredUser> found = stored(username);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            return new Outcome.Failure();
        }
        StoredUser user = found.get();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            failed(user, "LOCKED");
            return new Outcome.Failure();
        }
        if (!passwords.matches(password, user.passwordHash()) || !user.enabled()) {
            int failures = user.failedLogins() + 1;
            boolean lock = failures >= policy.maxFailedLogins();
            jdbc.sql("UPDATE app_user SET failed_logins = :f, locked_until = :until WHERE id = :id")
                    .param("f", lock ? 0 : failures)
                    .param("until", lock ? utc(now.plus(policy.lockout())) : null)
                    .param("id", user.id()).update();
            failed(user, !user.enabled() ? "DISABLED" : lock ? "LOCKED_NOW" : "BAD_PASSWORD");
            return new Outcome.Failure();
        }
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                .param("id", user.id()).update();
        Optional<Tenants.Suspension> suspended = tenants.suspension(TenantContext.require());
        if (suspended.isPresent()) {
            failed(user, "SUSPENDED");
            return new Outcome.Suspended(tenantSlug, suspended.get().reason());
        }
        audit.recordAs(Actor.of(user.id(), user.username()), AuditEntry.of(AuditAction.LOGIN_SUCCEEDED, "user", user.id()));
        return new Outcome.Success(principal(tenantSlug, user));
    }

    private void failed(StoredUser user, String reason) {
        audit.recordAs(Actor.of(user.id(), user.username()), AuditEntry.of(AuditAction.LOGIN_FAILED, "user", user.id())
                .withDetail(Map.of("reason", reason)));
    }

    private record StoredUser(UUID id, String username, String displayName, String passwordHash,
                              Set<Role> roles, String locale, boolean enabled, int failedLogins,
                              @Nullable Instant lockedUntil, boolean mustChangePassword) {
    }
}
