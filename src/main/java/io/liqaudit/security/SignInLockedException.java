package io.liqaudit.security;

import io.quarkus.security.AuthenticationException;
import java.time.Duration;

/** Too many failed sign-ins for this user name: refused until {@link #retryAfter()} passes. */
public class SignInLockedException extends RuntimeException implements AuthenticationException {

    private final Duration retryAfter;

    public SignInLockedException(Duration retryAfter) {
        super("too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
