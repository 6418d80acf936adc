package io.liqaudit.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Production refuses to start with a missing or weak CSRF key, before anything else happens. (The
 * checkpoint key is checked by LedgerKeys; portal sessions are server-side random tokens, so no
 * session key exists to be weak, missing or printed to the log.)
 */
@ApplicationScoped
public class ProductionSecrets {

    static final int MIN_BYTES = 32;

    private final Optional<String> csrfKey;

    ProductionSecrets(@ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> csrfKey) {
        this.csrfKey = csrfKey;
    }

    void onStart(@Observes @Priority(11) StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            String weakness = weakness(csrfKey.orElse(""));
            if (weakness != null) {
                throw new IllegalStateException("LIQAUDIT_CSRF_KEY " + weakness + ": set it to " + MIN_BYTES
                        + " or more random characters (e.g. head -c 32 /dev/urandom | base64); scripts/run.sh generates one.");
            }
        }
    }

    static String weakness(String key) {
        if (key.isBlank()) {
            return "is missing";
        }
        if (key.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return "is shorter than " + MIN_BYTES + " bytes";
        }
        if (key.chars().distinct().count() < 8) {
            return "is repetitive, not random";
        }
        return null;
    }
}
