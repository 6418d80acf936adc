package io.liqaudit.ledger;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An Ed25519 key pair from its 32-byte secret seed (RFC 8032). The JDK has no call that derives
 * the public key from a private one, but its generator takes the seed from the SecureRandom it
 * is given; handing it the seed yields the pair, checked against RFC 8032's test vector.
 */
public record Ed25519Keys(KeyPair pair, byte[] publicKey) {

    public static Ed25519Keys fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 secret key is 32 bytes, not " + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            return new Ed25519Keys(pair, Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }
}
