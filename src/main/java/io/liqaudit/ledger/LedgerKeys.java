package io.liqaudit.ledger;

import io.liqaudit.platform.LiqauditConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Base64;

/** The checkpoint signing key, from configuration. Without one the service does not start. */
@ApplicationScoped
public class LedgerKeys {

    static final String MISSING = "No checkpoint signing key: set LIQAUDIT_LEDGER_SIGNING_KEY to the base64 of a 32-byte "
            + "Ed25519 secret (e.g. head -c 32 /dev/urandom | base64) and keep it secret; scripts/run.sh generates one.";

    private final LiqauditConfig.Ledger config;
    private volatile Ed25519Keys keys;

    LedgerKeys(LiqauditConfig config) {
        this.config = config.ledger();
    }

    /** The RFC 8032 test key that development and tests sign with: public, so never a production key. */
    static final String PUBLIC_TEST_KEY = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

    /** Checked before anything else starts (users are bootstrapped later), so a missing or weak key changes nothing. */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        keys();
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            String weakness = weakness(Base64.getDecoder().decode(config.signingKey().orElseThrow().trim()));
            if (weakness != null) {
                throw new IllegalStateException("LIQAUDIT_LEDGER_SIGNING_KEY " + weakness + ". " + MISSING);
            }
        }
    }

    /** Why a seed must not sign production checkpoints, or null. */
    static String weakness(byte[] seed) {
        if (java.util.Arrays.equals(seed, Base64.getDecoder().decode(PUBLIC_TEST_KEY))) {
            return "is the published RFC 8032 test key that development and tests use";
        }
        if (seed.length < 32 || java.util.stream.IntStream.range(0, seed.length).map(i -> seed[i]).distinct().count() < 8) {
            return "is not a random 32-byte secret (too short, all zero or repetitive)";
        }
        return null;
    }

    public Ed25519Keys keys() {
        if (keys == null) {
            String seed = config.signingKey().orElseThrow(() -> new IllegalStateException(MISSING));
            try {
                keys = Ed25519Keys.fromSeed(Base64.getDecoder().decode(seed.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("LIQAUDIT_LEDGER_SIGNING_KEY is not the base64 of 32 bytes. " + MISSING, e);
            }
        }
        return keys;
    }

    public String keyName() {
        return config.keyName();
    }

    public String origin() {
        return config.origin();
    }
}
