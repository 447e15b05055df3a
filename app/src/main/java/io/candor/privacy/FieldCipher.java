package io.candor.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals one field value with AES-256-GCM. The sealed form names its key, so old values stay readable after
 * the active key is rotated. The associated data binds a value to its tenant and field: a ciphertext copied
 * to another row's field or another tenant does not open.
 * <pre>0x01 | key id length (1 byte) | key id (UTF-8) | 12-byte nonce | ciphertext and 16-byte tag</pre>
 */
public final class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(Map<String, SecretKey> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key '" + activeKeyId + "' is not among the keys " + keys.keySet());
        }
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /** Seals {@code plaintext} for a field; {@code context} is e.g. {@code <tenant-id>/debtor.national_id}. */
    public byte[] seal(String plaintext, String context) {
        byte[] id = activeKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(2 + id.length + NONCE + ct.length)
                    .put(VERSION).put((byte) id.length).put(id).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed value; fails if it was altered, or sealed for another context or with an unknown key. */
    public String open(byte[] sealed, String context) {
        ByteBuffer b = ByteBuffer.wrap(sealed);
        if (sealed.length < 2 + NONCE + 16 || b.get() != VERSION) {
            throw new SealedValueException("not a sealed value of a known version");
        }
        String keyId = keyId(b);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new SealedValueException("sealed with key '" + keyId + "', which is not configured");
        }
        byte[] nonce = new byte[NONCE];
        b.get(nonce);
        byte[] ct = new byte[b.remaining()];
        b.get(ct);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(ct), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("the value was altered or belongs to another field or tenant");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** True when a value was sealed with an older key and should be re-sealed. */
    public boolean needsRotation(byte[] sealed) {
        ByteBuffer b = ByteBuffer.wrap(sealed);
        b.get();
        return !keyId(b).equals(activeKeyId);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private static String keyId(ByteBuffer b) {
        int len = b.get() & 0xff;
        if (len > b.remaining()) {
            throw new SealedValueException("truncated sealed value");
        }
        byte[] id = new byte[len];
        b.get(id);
        return new String(id, StandardCharsets.UTF_8);
    }

    /** A sealed value that cannot be opened. */
    public static final class SealedValueException extends RuntimeException {
        SealedValueException(String message) {
            super(message);
        }
    }
}
