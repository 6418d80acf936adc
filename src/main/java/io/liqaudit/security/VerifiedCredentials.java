package io.liqaudit.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A short-lived memory of credentials that bcrypt already accepted, so an API client sending
 * HTTP Basic on every request does not pay a bcrypt check each time. Holds a SHA-256 of
 * name and password, never the password. Cleared on any change to users; another instance
 * sees a change within {@link #TTL}.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(UserAccount account, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<UserAccount> get(String username, String password) {
        Entry e = entries.get(digest(username, password));
        if (e == null || System.nanoTime() - e.expiresAtNanos() > 0) {
            return Optional.empty();
        }
        return Optional.of(e.account());
    }

    void put(String username, String password, UserAccount account) {
        if (entries.size() > 10_000) {
            entries.clear(); // bounded: a flood of distinct credentials cannot grow it without limit
        }
        entries.put(digest(username, password), new Entry(account, System.nanoTime() + TTL.toNanos()));
    }

    public void clear() {
        entries.clear();
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
