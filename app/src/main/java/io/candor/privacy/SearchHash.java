package io.candor.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA-256) of identifiers, for exact-match search over encrypted fields. Each tenant has
 * its own derived key, so equal identifiers in two tenants hash differently and cannot be joined.
 */
public final class SearchHash {

    private final SecretKey indexKey;

    public SearchHash(SecretKey indexKey) {
        this.indexKey = indexKey;
    }

    /** The hash of {@code value} for a field kind (e.g. {@code national_id}) in a tenant. */
    public byte[] of(UUID tenant, String kind, String value) {
        byte[] tenantKey = hmac(indexKey.getEncoded(), "candor-search/" + tenant + "/" + kind);
        return hmac(tenantKey, normalise(value));
    }

    /** Case, spaces and dashes do not matter for identifiers. */
    static String normalise(String value) {
        return value.strip().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
