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
 * Slows down, then refuses for a while, sign-ins that keep failing, so a password cannot be
 * guessed at network speed. Failures count per user name <em>and source address</em>, and per
 * source address over all names: whoever guesses locks out only themselves, never the right
 * credential used from elsewhere (five wrong passwords from a stranger used to stop a venue's
 * ingest for 15 minutes). Kept per instance in memory: an attacker spread over several instances
 * gets at most that many times the attempts, still far too few.
 */
@ApplicationScoped
public class SignInThrottle {

    /** What to do with the next attempt. */
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

    public Verdict before(String username, String address) {
        Instant now = clock.instant();
        Failures byAddress = failures.get(addressKey(address));
        if (byAddress != null && byAddress.lockedUntil() != null && now.isBefore(byAddress.lockedUntil())) {
            return new Verdict(true, Duration.ZERO, Duration.between(now, byAddress.lockedUntil()));
        }
        Failures f = failures.get(key(username, address));
        if (f == null) {
            return new Verdict(false, Duration.ZERO, Duration.ZERO);
        }
        if (f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            return new Verdict(true, Duration.ZERO, Duration.between(now, f.lockedUntil()));
        }
        Duration delay = f.count() >= config.slowdownAfter() ? config.slowdown() : Duration.ZERO;
        return new Verdict(false, delay, Duration.ZERO);
    }

    public void failed(String username, String address) {
        count(key(username, address), config.maxFailedSignIns());
        count(addressKey(address), config.maxFailedSignInsPerAddress());
    }

    /** A failure that names no user (a wrong API key): it counts against the address only. */
    public void failedFrom(String address) {
        count(addressKey(address), config.maxFailedSignInsPerAddress());
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private void count(String key, int max) {
        Instant now = clock.instant();
        if (failures.size() > 100_000) {
            failures.clear(); // bounded: a flood of addresses or names cannot grow it without limit
        }
        failures.compute(key, (k, f) -> {
            // A lock that has run out, or failures older than the lockout, start the count again.
            boolean stale = f == null || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil()))
                    || f.lastFailure().plus(config.lockout()).isBefore(now);
            int count = stale ? 1 : f.count() + 1;
            Instant lockedUntil = count >= max ? now.plus(config.lockout()) : null;
            return new Failures(count, now, lockedUntil);
        });
    }

    private static String key(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + '\u0000' + address;
    }

    private static String addressKey(String address) {
        return "\u0000address\u0000" + address;
    }
}
