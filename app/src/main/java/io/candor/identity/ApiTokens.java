package io.candor.identity;

import static io.candor.platform.Timestamps.utc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.CandorProperties;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.candor.tenancy.TenantSuspended;
import org.springframework.context.event.EventListener;

/**
 * API bearer tokens: {@code cnd_<tenant>_<secret>}. Only the SHA-256 of a token is stored; the tenant part
 * selects the tenant whose row-level security scope the lookup runs in, so a forged tenant finds nothing.
 */
@Service
class ApiTokens {

    /** A token as handed to the client, once. */
    record Issued(String token, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CandorProperties.Security policy;
    private static final int MAX_CACHED = 100_000;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private final Tenants tenants;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx, Clock clock, CandorProperties properties,
            Tenants tenants) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.policy = properties.security();
    }

    Issued issue(CandorPrincipal user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "cnd_" + HEX.formatHex(uuidBytes(user.tenantId())) + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(policy.tokenTtl());
        UUID id = Ids.newId();
        TenantContext.run(user.tenantId(), () -> tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO api_token (tenant_id, id, user_id, token_hash, issued_at, expires_at)
                            VALUES (:tenant, :id, :user, :hash, :now, :expires)""")
                    .param("tenant", user.tenantId()).param("id", id).param("user", user.userId())
                    .param("hash", sha256(token)).param("now", utc(now)).param("expires", utc(expires))
                    .update();
            audit.recordAs(user, AuditEntry.of(AuditAction.TOKEN_ISSUED, "api_token", id)
                    .withDetail(Map.of("expiresAt", expires.toString())));
        }));
        return new Issued(token, expires);
    }

    /**
     * The user behind a valid, unexpired, unrevoked token of an enabled user. A verified token is remembered for
     * {@code candor.security.token-cache} (never past its expiry), so a busy client does not cost a query a request.
     */
    Optional<CandorPrincipal> authenticate(String token) {
        Optional<UUID> tenant = tenantOf(token);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        String hash = HEX.formatHex(sha256(token));
        Instant now = clock.instant();
        Verified cached = verified.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.principal());
        }
        Optional<Found> found = lookup(tenant.get(), hash);
        if (found.isPresent() && !policy.tokenCache().isZero()) {
            if (verified.size() >= MAX_CACHED) {
                verified.values().removeIf(v -> !v.until().isAfter(now));
                if (verified.size() >= MAX_CACHED) {
                    verified.clear();
                }
            }
            verified.put(hash, new Verified(found.get().principal(), earliest(now.plus(policy.tokenCache()),
                    found.get().expiresAt())));
        }
        return found.map(Found::principal);
    }

    /** The organisation's suspension, when the token is one of a suspended organisation's (however valid). */
    Optional<Tenants.Suspension> suspension(String token) {
        return tenantOf(token).flatMap(t -> TenantContext.call(t, () -> tenants.suspension(t)));
    }

    /** Forgets what was remembered of a user's tokens: after a password change, the next request reads afresh. */
    void forget(UUID user) {
        verified.values().removeIf(v -> v.principal().userId().equals(user));
    }

    /** A suspended organisation's tokens are refused at once: none stays remembered. */
    @EventListener
    void on(TenantSuspended suspended) {
        verified.values().removeIf(v -> v.principal().tenantId().equals(suspended.tenant()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Optional<Found> lookup(UUID tenant, String hash) {
        if (TenantContext.call(tenant, () -> tenants.suspension(tenant)).isPresent()) {
            return Optional.empty();
        }
        return TenantContext.call(tenant, () -> jdbc.sql("""
                        SELECT t.id AS token_id, t.last_used_at, t.expires_at, u.id, u.username, u.display_name, u.roles,
                               u.locale, u.must_change_password
                        FROM api_token t
                        JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.user_id
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled""")
                .param("hash", HEX.parseHex(hash)).param("now", utc(clock.instant()))
                .query((rs, n) -> new Found(rs.getObject("token_id", UUID.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        new CandorPrincipal(tenant, tenants.find(tenant).orElseThrow().slug(), rs.getObject("id", UUID.class),
                                rs.getString("username"), rs.getString("display_name"), Users.roles(rs),
                                rs.getString("locale"), rs.getBoolean("must_change_password"))))
                .optional()
                .map(found -> {
                    touch(found.tokenId(), found.lastUsed());
                    return found;
                }));
    }

    private record Found(UUID tokenId, @Nullable OffsetDateTime lastUsed, Instant expiresAt, CandorPrincipal principal) {
    }

    private record Verified(CandorPrincipal principal, Instant until) {
    }

    /** Revokes the presented token; revoking twice is harmless. */
    void revoke(String token) {
        verified.remove(HEX.formatHex(sha256(token)));
        tenantOf(token).ifPresent(tenant -> TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> {
            int n = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                    .param("now", utc(clock.instant())).param("hash", sha256(token)).update();
            if (n > 0) {
                audit.record(AuditEntry.of(AuditAction.TOKEN_REVOKED, "api_token", null));
            }
        })));
    }

    /** Records use at most once a minute, so a busy client does not write on every request. */
    private void touch(UUID tokenId, @Nullable OffsetDateTime lastUsed) {
        Instant now = clock.instant();
        if (lastUsed == null || lastUsed.toInstant().isBefore(now.minusSeconds(60))) {
            jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id")
                    .param("now", utc(now)).param("id", tokenId).update();
        }
    }

    static Optional<UUID> tenantOf(String token) {
        if (!token.startsWith("cnd_") || token.length() != 4 + 32 + 1 + 43 || token.charAt(36) != '_') {
            return Optional.empty();
        }
        try {
            byte[] b = HEX.parseHex(token, 4, 36);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (b[i] & 0xff);
                lsb = (lsb << 8) | (b[i + 8] & 0xff);
            }
            return Optional.of(new UUID(msb, lsb));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
