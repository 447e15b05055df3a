package io.candor.platform;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 from the JDK, for link tags, webhook signatures and search hashes. */
public final class Hmac {

    private Hmac() {
    }

    /** A MAC keyed with {@code key}, ready to use (not thread-safe: one per thread). */
    public static Mac sha256(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** The HMAC-SHA256 of the parts, in order, under {@code key}. */
    public static byte[] sha256(byte[] key, byte[]... parts) {
        Mac mac = sha256(key);
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }
}
