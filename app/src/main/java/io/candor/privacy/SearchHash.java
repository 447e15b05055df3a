package io.candor.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

import io.candor.platform.Hmac;

/**
 * Keyed hashes (HMAC-SHA-256) of identifiers, for exact-match search over encrypted fields. Each tenant has
 * its own derived key, so equal identifiers in two tenants hash differently and cannot be joined.
 */
public final class SearchHash {

    private final SecretKey indexKey;
    /** Per tenant and field kind: the derived key's ready MAC, one per thread (bulk imports hash every row). */
    private final Map<String, ThreadLocal<Mac>> macs = new ConcurrentHashMap<>();

    public SearchHash(SecretKey indexKey) {
        this.indexKey = indexKey;
    }

    /** The hash of {@code value} for a field kind (e.g. {@code national_id}) in a tenant. */
    public byte[] of(UUID tenant, String kind, String value) {
        String scope = "candor-search/" + tenant + "/" + kind;
        Mac mac = macs.computeIfAbsent(scope, k -> ThreadLocal.withInitial(
                () -> Hmac.sha256(hmac(indexKey.getEncoded(), k)))).get();
        return mac.doFinal(normalise(value).getBytes(StandardCharsets.UTF_8));
    }

    /** Case, spaces and dashes do not matter for identifiers. */
    static String normalise(String value) {
        return value.strip().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] hmac(byte[] key, String message) {
        return Hmac.sha256(key, message.getBytes(StandardCharsets.UTF_8));
    }
}
