package io.candor.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Candor's own settings ({@code candor.*}); each can also be given as an environment variable
 * ({@code CANDOR_DB_URL} for {@code candor.db.url}). See docs/configuration.md.
 */
@ConfigurationProperties("candor")
public record CandorProperties(
        Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Crypto crypto,
        @DefaultValue Security security,
        @DefaultValue Demo demo,
        @DefaultValue Evidence evidence,
        @DefaultValue Portal portal,
        @Nullable String publicBaseUrl) {

    /** The database. With no {@code url} Candor runs its own embedded PostgreSQL under {@code data-dir}. */
    public record Db(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @DefaultValue("candor_app") String appUser,
            @Nullable String appPassword,
            @DefaultValue("10") int poolSize) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * Field-level encryption keys: {@code keys} maps a key id to a base64 256-bit key; {@code active-key}
     * names the key new values are sealed with; {@code index-key} (base64, 256-bit) keys the exact-match
     * search hashes. With the embedded database and no keys configured, a development key is generated.
     */
    public record Crypto(
            @DefaultValue Map<String, String> keys,
            @Nullable String activeKey,
            @Nullable String indexKey) {
    }

    /**
     * Login and API token policy. {@code tokenCache}: how long a verified bearer token is trusted without asking
     * the database again (a revocation on another node, a disabled user or changed roles take effect within it;
     * {@code 0} turns the cache off).
     */
    public record Security(
            @DefaultValue("8h") Duration tokenTtl,
            @DefaultValue("10s") Duration tokenCache,
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("1MB") DataSize maxJsonBody,
            @Nullable String oidcTenant) {
    }

    /**
     * The evidence log. {@code signingKeyFile} holds an Ed25519 signer key in the C2SP signed-note format
     * ({@code PRIVATE+KEY+name+id+key}); without one, a key named {@code keyName} is generated under the data
     * directory. A tenant's log origin is {@code originPrefix} followed by the tenant id. {@code contentDir} holds
     * content-addressed blobs (default: under the data directory).
     */
    public record Evidence(
            @Nullable Path signingKeyFile,
            @DefaultValue("candor-evidence") String keyName,
            @DefaultValue("candor/") String originPrefix,
            @Nullable Path contentDir,
            @DefaultValue("2s") Duration checkpointInterval,
            @DefaultValue("10m") Duration auditInterval) {
    }

    /**
     * The debtor portal. {@code linkKey}: base64 HMAC key signing portal links (default: generated under the data
     * directory); {@code linkTtl}: how long a link works; {@code maxAttempts} wrong verifications within
     * {@code lockout} lock the account's links for {@code lockout}; {@code sessionTimeout}: idle time before a
     * verified debtor must verify again; {@code staffNetworks}: the organisation's own networks (CIDR), from which a
     * debtor's verification is recorded as made from a staff network.
     */
    public record Portal(
            @Nullable String linkKey,
            @DefaultValue("7d") Duration linkTtl,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("30m") Duration lockout,
            @DefaultValue("15m") Duration sessionTimeout,
            @Nullable List<String> staffNetworks) {

        public List<String> staffNetworksOrNone() {
            return staffNetworks == null ? List.of() : staffNetworks;
        }
    }

    /** {@code enabled} seeds the demo tenants and portfolio once at start-up. */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }
}
