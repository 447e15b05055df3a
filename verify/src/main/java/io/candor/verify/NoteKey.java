package io.candor.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys in the C2SP signed-note text formats: a verifier key {@code <name>+<hex key id>+<base64(0x01 ‖ public
 * key)>} and a signer key {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ seed)>}. The key id is the first four
 * bytes of {@code SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)}.
 */
public final class NoteKey {

    private static final byte ED25519 = 0x01;
    /** DER prefixes that wrap a raw Ed25519 public key and seed for the JDK's key factories (RFC 8410). */
    private static final byte[] SPKI = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8 = HexFormat.of().parseHex("302e020100300506032b657004220420");

    /** A key that verifies signatures of one name. */
    public record Verifier(String name, byte[] id, byte[] publicKey) {

        public boolean verifies(byte[] message, byte[] signature) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(publicKeyOf(publicKey));
                s.update(message);
                return s.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        /** The verifier key text. */
        public String text() {
            return name + "+" + HexFormat.of().formatHex(id) + "+" + typed(publicKey);
        }
    }

    /** A key that signs as one name. */
    public record Signer(String name, byte[] id, byte[] seed, byte[] publicKey) {

        public byte[] sign(byte[] message) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8, seed))));
                s.update(message);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
            }
        }

        public Verifier verifier() {
            return new Verifier(name, id, publicKey);
        }

        /** The signer key text (secret). */
        public String text() {
            return "PRIVATE+KEY+" + name + "+" + HexFormat.of().formatHex(id) + "+" + typed(seed);
        }
    }

    private NoteKey() {
    }

    /** A new random key named {@code name} (a log's origin-like name, e.g. {@code candor.example.com/evidence}). */
    public static Signer generate(String name) {
        checkName(name);
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] seed = tail(pair.getPrivate().getEncoded());
            byte[] pub = tail(pair.getPublic().getEncoded());
            return new Signer(name, keyId(name, pub), seed, pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys: " + e.getMessage(), e);
        }
    }

    public static Verifier verifier(String text) {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new VerificationException("not a verifier key (name+hexid+base64): " + text.strip());
        }
        checkName(parts[0]);
        byte[] typed = decode(parts[2], "verifier key");
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new VerificationException("the verifier key is not an Ed25519 key (type 0x01, 32 bytes)");
        }
        byte[] pub = Arrays.copyOfRange(typed, 1, 33);
        byte[] id = parseId(parts[1]);
        if (!Arrays.equals(id, keyId(parts[0], pub))) {
            throw new VerificationException("the verifier key's id " + parts[1] + " does not match its name and key");
        }
        return new Verifier(parts[0], id, pub);
    }

    public static Signer signer(String text) {
        String t = text.strip();
        if (!t.startsWith("PRIVATE+KEY+")) {
            throw new VerificationException("not a signer key (PRIVATE+KEY+name+hexid+base64)");
        }
        String[] parts = t.substring("PRIVATE+KEY+".length()).split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new VerificationException("not a signer key (PRIVATE+KEY+name+hexid+base64)");
        }
        byte[] typed = decode(parts[2], "signer key");
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new VerificationException("the signer key is not an Ed25519 key (type 0x01, 32 bytes)");
        }
        byte[] seed = Arrays.copyOfRange(typed, 1, 33);
        try {
            PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8, seed)));
            byte[] pub = publicOf(priv);
            byte[] id = parseId(parts[1]);
            if (!Arrays.equals(id, keyId(parts[0], pub))) {
                throw new VerificationException("the signer key's id " + parts[1] + " does not match its name and key");
            }
            return new Signer(parts[0], id, seed, pub);
        } catch (GeneralSecurityException e) {
            throw new VerificationException("the signer key cannot be read: " + e.getMessage());
        }
    }

    /** The key id: the first four bytes of SHA-256(name ‖ '\n' ‖ 0x01 ‖ public key). */
    public static byte[] keyId(String name, byte[] publicKey) {
        MessageDigest d = Merkle.sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(ED25519);
        return Arrays.copyOf(d.digest(publicKey), 4);
    }

    static PublicKey publicKeyOf(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI, raw)));
    }

    /** The public key that belongs to an Ed25519 private key. */
    private static byte[] publicOf(PrivateKey priv) throws GeneralSecurityException {
        // The JDK has no public API that derives the public key from a private one; derive it from the seed by
        // generating a key pair with a fixed "random" source that returns the seed.
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        byte[] seed = tail(priv.getEncoded());
        g.initialize(255, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return tail(g.generateKeyPair().getPublic().getEncoded());
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new VerificationException("a key name must be non-empty, without spaces or '+': '" + name + "'");
        }
    }

    private static String typed(byte[] key) {
        return Base64.getEncoder().encodeToString(concat(new byte[] {ED25519}, key));
    }

    private static byte[] parseId(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the key id '" + hex + "' is not 8 hex digits");
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the " + what + " is not valid base64");
        }
    }

    private static byte[] tail(byte[] encoded) {
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
