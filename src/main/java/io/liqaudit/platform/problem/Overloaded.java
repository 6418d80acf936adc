package io.liqaudit.platform.problem;

import java.time.Duration;

/**
 * The service is at capacity and sheds this request rather than queue it without bound: a 503
 * with {@code Retry-After}, nothing done, safe to send again as it was.
 */
public class Overloaded extends RuntimeException {

    private final Duration retryAfter;

    public Overloaded(String detail, Duration retryAfter) {
        super(detail, null, false, false); // expected under load: no stack trace
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
