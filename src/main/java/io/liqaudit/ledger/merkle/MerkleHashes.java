package io.liqaudit.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 §2.1 hashing: {@code leaf = SHA-256(0x00 ‖ data)}, {@code node = SHA-256(0x01 ‖ left ‖ right)}. */
public final class MerkleHashes {

    private MerkleHashes() {
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(data);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
