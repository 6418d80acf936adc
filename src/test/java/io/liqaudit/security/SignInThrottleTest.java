package io.liqaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.platform.LiqauditConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves: no waiting, no timing. */
class SignInThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static LiqauditConfig.Security config(int max, int slowAfter, Duration slowdown, Duration lockout) {
        return new LiqauditConfig.Security() {
            public int maxFailedSignIns() {
                return max;
            }

            public Duration lockout() {
                return lockout;
            }

            public int slowdownAfter() {
                return slowAfter;
            }

            public Duration slowdown() {
                return slowdown;
            }

            public int maxFailedSignInsPerAddress() {
                return 10;
            }

            public Duration sessionIdleTimeout() {
                return Duration.ofMinutes(30);
            }

            public Duration sessionLifetime() {
                return Duration.ofHours(12);
            }
        };
    }

    static final String HERE = "10.0.0.1";
    final MovableClock clock = new MovableClock();
    final SignInThrottle throttle = new SignInThrottle(config(4, 2, Duration.ofSeconds(1), Duration.ofMinutes(15)), clock);

    @Test
    void slowsDownThenLocksThenForgives() {
        assertThat(throttle.before("Mallory", HERE).delay()).isZero();
        throttle.failed("mallory", HERE);
        assertThat(throttle.before("mallory", HERE).delay()).isZero();
        throttle.failed("MALLORY", HERE); // names are compared without case
        assertThat(throttle.before("mallory", HERE).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.before("mallory", HERE).locked()).isFalse();
        throttle.failed("mallory", HERE);
        throttle.failed("mallory", HERE);
        SignInThrottle.Verdict locked = throttle.before("mallory", HERE);
        assertThat(locked.locked()).isTrue();
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.before("alice", HERE).locked()).as("other names are untouched").isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.before("mallory", HERE).locked()).isFalse();
        throttle.failed("mallory", HERE);
        assertThat(throttle.before("mallory", HERE).delay()).as("the count starts again after a lock").isZero();
    }

    @Test
    void successClearsTheCount() {
        throttle.failed("bob", HERE);
        throttle.failed("bob", HERE);
        throttle.succeeded("bob", HERE);
        assertThat(throttle.before("bob", HERE).delay()).isZero();
    }

    @Test
    void aGuesserLocksOnlyItselfNeverTheRightCredentialFromElsewhere() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ingestor", "203.0.113.9");
        }
        assertThat(throttle.before("ingestor", "203.0.113.9").locked()).isTrue();
        assertThat(throttle.before("ingestor", HERE).locked()).as("the venue's own address").isFalse();
        assertThat(throttle.before("ingestor", HERE).delay()).isZero();
    }

    @Test
    void anAddressSprayingManyNamesIsRefused() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "198.51.100.7");
        }
        assertThat(throttle.before("someone-else", "198.51.100.7").locked()).isTrue();
        assertThat(throttle.before("someone-else", HERE).locked()).isFalse();
        throttle.failedFrom("192.0.2.1");
        assertThat(throttle.before("x", "192.0.2.1").locked()).isFalse();
    }
}
