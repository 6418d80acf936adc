package io.liqaudit.security;

import io.liqaudit.platform.LiqauditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down, then refuses for a while, sign-ins for a user name that keeps failing, so a
 * password cannot be guessed at network speed. Kept per instance in memory: an attacker spread
 * over several instances gets at most that many times the attempts, still far too few.
 */
@ApplicationScoped
public class SignInThrottle {

    /** What to do with the next attempt for a user name. */
    public record Verdict(boolean locked, Duration delay, Duration retryAfter) {
    }

    private record Failures(int count, Instant lastFailure, Instant lockedUntil) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final LiqauditConfig.Security config;
    private final Clock clock;

    @Inject
    SignInThrottle(LiqauditConfig config) {
        this(config.security(), Clock.systemUTC());
    }

    SignInThrottle(LiqauditConfig.Security config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Verdict before(String username) {
        Failures f = failures.get(key(username));
        Instant now = clock.instant();
        if (f == null) {
            return new Verdict(false, Duration.ZERO, Duration.ZERO);
        }
        if (f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            return new Verdict(true, Duration.ZERO, Duration.between(now, f.lockedUntil()));
        }
        Duration delay = f.count() >= config.slowdownAfter() ? config.slowdown() : Duration.ZERO;
        return new Verdict(false, delay, Duration.ZERO);
    }

    public void failed(String username) {
        Instant now = clock.instant();
        failures.compute(key(username), (k, f) -> {
            // A lock that has run out starts the count again.
            int count = (f == null || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil()))) ? 1 : f.count() + 1;
            Instant lockedUntil = count >= config.maxFailedSignIns() ? now.plus(config.lockout()) : null;
            return new Failures(count, now, lockedUntil);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
