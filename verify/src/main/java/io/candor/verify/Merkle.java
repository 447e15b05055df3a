package io.candor.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hashing of RFC 9162 (Certificate Transparency 2.0, section 2.1) with SHA-256: leaf hash
 * {@code H(0x00 ‖ entry)}, node hash {@code H(0x01 ‖ left ‖ right)}, and the verification of inclusion and
 * consistency proofs (sections 2.1.3.2 and 2.1.4.2).
 */
public final class Merkle {

    /** Bytes in a hash. */
    public static final int HASH = 32;

    private Merkle() {
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        return d.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        return d.digest(right);
    }

    /** The root that an inclusion proof of {@code leaf} at {@code index} in a tree of {@code size} leads to. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leaf, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new VerificationException("index " + index + " is outside a tree of size " + size);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new VerificationException("the inclusion proof is too long for index " + index + " in size " + size);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("the inclusion proof is too short for index " + index + " in size " + size);
        }
        return r;
    }

    /** Checks that the tree of {@code size1} with {@code root1} is a prefix of the tree of {@code size2}. */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size1 > size2) {
            throw new VerificationException("a tree of size " + size1 + " cannot be a prefix of one of size " + size2);
        }
        if (size1 == size2) {
            if (!proof.isEmpty() || !Arrays.equals(root1, root2)) {
                throw new VerificationException("two trees of size " + size1 + " with different roots: a fork");
            }
            return;
        }
        if (size1 == 0) {
            if (!proof.isEmpty()) {
                throw new VerificationException("the consistency proof from an empty tree must be empty");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new VerificationException("the consistency proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new VerificationException("the consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("the consistency proof is too short");
        }
        if (!Arrays.equals(fr, root1)) {
            throw new VerificationException("the consistency proof does not lead to the older root (size " + size1 + ")");
        }
        if (!Arrays.equals(sr, root2)) {
            throw new VerificationException("the consistency proof does not lead to the newer root (size " + size2 + ")");
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
