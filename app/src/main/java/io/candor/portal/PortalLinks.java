package io.candor.portal;

import static io.candor.platform.Timestamps.utc;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.CandorProperties;
import io.candor.platform.Hmac;
import io.candor.platform.SecretFile;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.Accounts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal links: {@code /p/<token>}, the token naming the tenant, the link and its expiry, with a 128-bit HMAC-SHA256
 * tag. A token cannot be guessed or altered; the link row it names says which account, and can be revoked. A link is
 * for the self-service portal only (its purpose), and works until it expires or is revoked; an account has one live
 * link per purpose (a new one replaces the old), and a portal session ends with its link.
 */
@Service
public class PortalLinks {

    private static final byte VERSION = 1;
    private static final int TAG = 16;

    /** A link as created: its URL and when it stops working. */
    public record Created(UUID id, String url, Instant expiresAt) {
    }

    /** What a token turned out to be. */
    public sealed interface Opened {
    }

    /** A good link: the tenant and account it opens. */
    public record Valid(UUID tenant, UUID link, UUID account) implements Opened {
    }

    /** A link as staff see it in the account's list. */
    public record Link(UUID id, String purpose, @Nullable String channel, String createdBy, Instant createdAt,
                       Instant expiresAt, @Nullable Instant revokedAt, @Nullable String revokedBy, String status) {
    }

    /** A genuine link past its expiry or revoked. */
    public record Expired(UUID tenant, UUID link) implements Opened {
    }

    /** Not a token Candor made (altered, truncated, guessed). */
    public record Invalid() implements Opened {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CandorProperties properties;
    private final Clock clock;
    private final byte[] key;
    private final Accounts accounts;

    PortalLinks(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, CandorProperties properties,
            Clock clock, Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.key = key(properties);
    }

    private static byte[] key(CandorProperties p) {
        if (p.portal().linkKey() != null && !p.portal().linkKey().isBlank()) {
            return Base64.getDecoder().decode(p.portal().linkKey().strip());
        }
        Path file = (p.dataDir() == null ? Path.of("data") : p.dataDir()).resolve("secrets").resolve("portal-link.key");
        Properties secrets = SecretFile.loadOrCreate(file, "Candor portal link signing key", () -> {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Properties x = new Properties();
            x.setProperty("key", Base64.getEncoder().encodeToString(k));
            return x;
        });
        return Base64.getDecoder().decode(secrets.getProperty("key"));
    }

    /**
     * Makes a link to the account's portal in the current tenant.
     *
     * @param base the server's address as the caller reached it, used when {@code candor.public-base-url} is unset
     */
    /** The account a link (live or not) was made for. */
    Optional<UUID> accountOf(UUID link) {
        return jdbc.sql("SELECT account_id FROM portal_link WHERE id = :l").param("l", link).query(UUID.class)
                .optional();
    }

    @Transactional
    public Created create(UUID account, @Nullable String channel, String by, URI base) {
        accounts.requireExists(account);
        // one live link per account and purpose: the new one replaces the old
        jdbc.sql("""
                        SELECT id FROM portal_link WHERE account_id = :a AND purpose = 'SELF_SERVICE'
                          AND revoked_at IS NULL AND expires_at > :now FOR UPDATE""")
                .param("a", account).param("now", utc(clock.instant())).query(UUID.class).list()
                .forEach(old -> revoke(old, by, "REPLACED"));
        UUID id = Ids.newId();
        Instant expires = clock.instant().plus(properties.portal().linkTtl()).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                        INSERT INTO portal_link (tenant_id, id, account_id, purpose, channel, created_by, created_at,
                                                 expires_at)
                        VALUES (:t, :id, :a, 'SELF_SERVICE', :channel, :by, :now, :expires)""")
                .param("t", TenantContext.require()).param("id", id).param("a", account).param("channel", channel)
                .param("by", by).param("now", utc(clock.instant())).param("expires", utc(expires)).update();
        audit.record(AuditEntry.of(AuditAction.PORTAL_LINK_CREATED, "account", account).withDetail(Map.of("link", id.toString(),
                "expiresAt", expires.toString())));
        events.publishEvent(new EvidenceEvent(EvidenceType.PORTAL_LINK_CREATED, EvidenceEvent.Subject.account(account), by,
                clock.instant(), Map.of("link", id.toString(), "expiresAt", expires.toString()), List.of()));
        String root = properties.publicBaseUrl() == null || properties.publicBaseUrl().isBlank()
                ? base.toString() : properties.publicBaseUrl();
        return new Created(id, root.replaceAll("/+$", "") + "/p/" + token(TenantContext.require(), id, expires), expires);
    }

    /**
     * Revokes a link at once (and so every portal session opened through it); {@code why} is REVOKED by a person or
     * REPLACED by a newer link. Revoking a revoked link changes nothing; another tenant's or an unknown one is not found.
     */
    @Transactional
    public Link revoke(UUID link, String by, String why) {
        Link found = find(link).orElseThrow(() -> new NotFoundException("portal link", link));
        int n = jdbc.sql("""
                        UPDATE portal_link SET revoked_at = :now, revoked_by = :by
                        WHERE id = :id AND revoked_at IS NULL""")
                .param("now", utc(clock.instant())).param("by", by).param("id", link).update();
        if (n == 1) {
            UUID account = jdbc.sql("SELECT account_id FROM portal_link WHERE id = :id").param("id", link)
                    .query(UUID.class).single();
            audit.record(AuditEntry.of(AuditAction.PORTAL_LINK_REVOKED, "account", account).withDetail(Map.of("link",
                    link.toString(), "why", why)));
            events.publishEvent(new EvidenceEvent(EvidenceType.PORTAL_LINK_REVOKED, EvidenceEvent.Subject.account(account), by,
                    clock.instant(), Map.of("link", link.toString(), "why", why), List.of()));
        }
        return find(link).orElse(found);
    }

    /** The account's links, newest first, each LIVE, EXPIRED or REVOKED. */
    public List<Link> ofAccount(UUID account) {
        return jdbc.sql("SELECT * FROM portal_link WHERE account_id = :a ORDER BY created_at DESC, id DESC")
                .param("a", account).query((rs, n) -> link(rs)).list();
    }

    private Optional<Link> find(UUID link) {
        return jdbc.sql("SELECT * FROM portal_link WHERE id = :id").param("id", link).query((rs, n) -> link(rs))
                .optional();
    }

    private Link link(ResultSet rs) throws SQLException {
        Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        String status = revoked != null ? "REVOKED" : clock.instant().isBefore(expires) ? "LIVE" : "EXPIRED";
        return new Link(rs.getObject("id", UUID.class), rs.getString("purpose"), rs.getString("channel"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), expires,
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"), status);
    }

    /** Is the link a session was opened through still live (unrevoked, unexpired)? In its tenant's context. */
    public boolean live(UUID link) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM portal_link WHERE id = :id AND revoked_at IS NULL
                                       AND expires_at > :now)""")
                .param("id", link).param("now", utc(clock.instant())).query(Boolean.class).single();
    }

    /** Opens a token: checks its tag first, then (in its tenant) that the link exists, is live and unrevoked. */
    public Opened open(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new Invalid();
        }
        if (raw.length != 1 + 16 + 16 + 8 + TAG || raw[0] != VERSION) {
            return new Invalid();
        }
        byte[] body = Arrays.copyOf(raw, raw.length - TAG);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, raw.length - TAG, raw.length), tag(body))) {
            return new Invalid();
        }
        ByteBuffer b = ByteBuffer.wrap(body, 1, body.length - 1);
        UUID tenant = new UUID(b.getLong(), b.getLong());
        UUID link = new UUID(b.getLong(), b.getLong());
        Instant expires = Instant.ofEpochSecond(b.getLong());
        if (!clock.instant().isBefore(expires)) {
            return new Expired(tenant, link);
        }
        record Row(UUID account, @Nullable OffsetDateTime revoked, OffsetDateTime expires) {
        }
        Optional<Row> row = TenantContext.call(tenant, () -> jdbc.sql(
                        "SELECT account_id, revoked_at, expires_at FROM portal_link WHERE id = :id AND purpose = 'SELF_SERVICE'")
                .param("id", link)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class)))
                .optional());
        if (row.isEmpty()) {
            return new Invalid();
        }
        if (row.get().revoked() != null || !clock.instant().isBefore(row.get().expires().toInstant())) {
            return new Expired(tenant, link);
        }
        return new Valid(tenant, link, row.get().account());
    }

    private String token(UUID tenant, UUID link, Instant expires) {
        ByteBuffer b = ByteBuffer.allocate(1 + 16 + 16 + 8);
        b.put(VERSION).putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits())
                .putLong(link.getMostSignificantBits()).putLong(link.getLeastSignificantBits())
                .putLong(expires.getEpochSecond());
        byte[] body = b.array();
        byte[] raw = Arrays.copyOf(body, body.length + TAG);
        System.arraycopy(tag(body), 0, raw, body.length, TAG);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private byte[] tag(byte[] body) {
        return Arrays.copyOf(Hmac.sha256(key, body), TAG);
    }
}
