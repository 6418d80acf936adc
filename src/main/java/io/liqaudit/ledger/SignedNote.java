package io.liqaudit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * C2SP signed notes (c2sp.org/signed-note) for checkpoints (c2sp.org/tlog-checkpoint): a body of
 * lines {@code origin}, decimal tree size, base64 root hash, each ending in a newline; a blank
 * line; and the signature line {@code — <key name> <base64(key id ‖ Ed25519 signature)>}. The key
 * id is the first four bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key). No
 * framework imports: the offline verifier uses this class as it is.
 */
public final class SignedNote {

    /** U+2014 EM DASH, then a space: how a signature line starts. */
    static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final byte[] ED25519_X509_PREFIX = Base64.getDecoder().decode("MCowBQYDK2VwAyEA");

    /** A checkpoint's body fields. */
    public record Checkpoint(String origin, long treeSize, byte[] rootHash) {
        public String body() {
            return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
        }
    }

    private SignedNote() {
    }

    public static byte[] keyId(String keyName, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x0A);
            sha.update((byte) 0x01); // signature type: Ed25519
            sha.update(publicKey);
            return Arrays.copyOf(sha.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(Checkpoint checkpoint, String keyName, PrivateKey key, byte[] publicKey) {
        return signBody(checkpoint.body(), keyName, key, publicKey);
    }

    /** A signed note of any body (lines, each ending in a newline): checkpoints, report manifests. */
    public static String signBody(String body, String keyName, PrivateKey key, byte[] publicKey) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] sig = ed.sign();
            byte[] keyIdAndSig = new byte[4 + sig.length];
            System.arraycopy(keyId(keyName, publicKey), 0, keyIdAndSig, 0, 4);
            System.arraycopy(sig, 0, keyIdAndSig, 4, sig.length);
            return body + "\n" + SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(keyIdAndSig) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a note", e);
        }
    }

    /**
     * Parses and verifies a note against a key: the body must be a checkpoint, and a signature
     * line by {@code keyName} with the right key id must verify over the body.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Checkpoint verify(String note, String keyName, byte[] publicKey) {
        String body = verifyBody(note, keyName, publicKey);
        String[] lines = body.split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("the note's body is not a checkpoint (origin, size, root)");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the note's body is not a checkpoint: " + e.getMessage());
        }
    }

    /**
     * Verifies a note of any body against a key and answers the body.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String verifyBody(String note, String keyName, byte[] publicKey) {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a signed note: no blank line before the signatures");
        }
        String body = note.substring(0, split + 1);
        byte[] expectedId = keyId(keyName, publicKey);
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX + keyName + " ")) {
                continue;
            }
            byte[] idAndSig = Base64.getDecoder().decode(line.substring((SIGNATURE_PREFIX + keyName + " ").length()));
            if (idAndSig.length != 68 || !Arrays.equals(Arrays.copyOf(idAndSig, 4), expectedId)) {
                continue;
            }
            if (verifySignature(publicKey, body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(idAndSig, 4, 68))) {
                return body;
            }
            throw new IllegalArgumentException("the signature of " + keyName + " does not verify");
        }
        throw new IllegalArgumentException("no signature by key " + keyName + " with this public key");
    }

    public static PublicKey publicKey(byte[] raw) {
        try {
            byte[] x509 = new byte[ED25519_X509_PREFIX.length + raw.length];
            System.arraycopy(ED25519_X509_PREFIX, 0, x509, 0, ED25519_X509_PREFIX.length);
            System.arraycopy(raw, 0, x509, ED25519_X509_PREFIX.length, raw.length);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static boolean verifySignature(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(publicKey(publicKey));
            ed.update(message);
            return ed.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
