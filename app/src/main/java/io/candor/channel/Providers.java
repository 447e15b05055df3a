package io.candor.channel;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Channel;
import io.candor.platform.Timestamps;
import io.candor.platform.tenant.TenantContext;
import io.candor.privacy.FieldCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each tenant's provider settings per channel (host, port, sender, endpoint …) and its secret (a password or a
 * signing key), sealed with the field cipher and never shown again.
 */
@Service
public class Providers {

    /** A channel's settings with its secret opened (for adapters only). */
    public record Provider(Channel channel, Map<String, String> settings, @Nullable String secret) {

        public String setting(String key) {
            String v = settings.get(key);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("The " + channel + " provider has no '" + key + "' setting: set it with "
                        + "PUT /api/v1/channels/" + channel + ".");
            }
            return v;
        }
    }

    /** What an administrator sees: the settings, and whether a secret is set. */
    public record View(Channel channel, Map<String, String> settings, boolean secretSet, String updatedBy) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    Providers(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets a channel's provider; a null secret keeps the one set before. */
    @Transactional
    public View put(Channel channel, Map<String, String> settings, @Nullable String secret, String by) {
        UUID tenant = TenantContext.require();
        byte[] sealed = secret == null ? null : cipher.seal(secret, context(tenant, channel));
        jdbc.sql("""
                        INSERT INTO channel_provider (tenant_id, channel, settings, secret_enc, updated_by, updated_at)
                        VALUES (:tenant, :channel, CAST(:settings AS jsonb), :secret, :by, :now)
                        ON CONFLICT (tenant_id, channel) DO UPDATE SET settings = excluded.settings,
                            secret_enc = coalesce(excluded.secret_enc, channel_provider.secret_enc),
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("tenant", tenant).param("channel", channel.name()).param("settings", JSON.writeValueAsString(settings))
                .param("secret", sealed).param("by", by).param("now", Timestamps.utc(clock.instant())).update();
        audit.record(AuditEntry.of(AuditAction.CHANNEL_PROVIDER_SET, "channel_provider", channel.name()).withDetail(Map.of(
                "settings", settings.keySet().toString(), "secretChanged", secret != null)));
        return views().stream().filter(v -> v.channel() == channel).findFirst().orElseThrow();
    }

    public Optional<Provider> find(Channel channel) {
        UUID tenant = TenantContext.require();
        return jdbc.sql("SELECT settings::text, secret_enc FROM channel_provider WHERE channel = :channel")
                .param("channel", channel.name())
                .query((rs, n) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> settings = JSON.readValue(rs.getString(1), Map.class);
                    byte[] sealed = rs.getBytes(2);
                    return new Provider(channel, settings, sealed == null ? null : cipher.open(sealed,
                            context(tenant, channel)));
                })
                .optional();
    }

    public List<View> views() {
        return jdbc.sql("SELECT channel, settings::text, secret_enc IS NOT NULL, updated_by FROM channel_provider ORDER BY channel")
                .query((rs, n) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> settings = JSON.readValue(rs.getString(2), Map.class);
                    return new View(Channel.valueOf(rs.getString(1)), settings, rs.getBoolean(3), rs.getString(4));
                })
                .list();
    }

    private static String context(UUID tenant, Channel channel) {
        return "channel-provider:" + tenant + ":" + channel;
    }
}
