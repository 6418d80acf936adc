package io.liqaudit.ledger;

import io.liqaudit.platform.LiqauditConfig;
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

    /** Checked before anything else starts (users are bootstrapped later), so a missing key changes nothing. */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        keys();
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
