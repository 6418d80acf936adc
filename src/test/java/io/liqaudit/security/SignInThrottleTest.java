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
        };
    }

    final MovableClock clock = new MovableClock();
    final SignInThrottle throttle = new SignInThrottle(config(4, 2, Duration.ofSeconds(1), Duration.ofMinutes(15)), clock);

    @Test
    void slowsDownThenLocksThenForgives() {
        assertThat(throttle.before("Mallory").delay()).isZero();
        throttle.failed("mallory");
        assertThat(throttle.before("mallory").delay()).isZero();
        throttle.failed("MALLORY"); // names are compared without case
        assertThat(throttle.before("mallory").delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.before("mallory").locked()).isFalse();
        throttle.failed("mallory");
        throttle.failed("mallory");
        SignInThrottle.Verdict locked = throttle.before("mallory");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.before("alice").locked()).as("other names are untouched").isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.before("mallory").locked()).isFalse();
        throttle.failed("mallory");
        assertThat(throttle.before("mallory").delay()).as("the count starts again after a lock").isZero();
    }

    @Test
    void successClearsTheCount() {
        throttle.failed("bob");
        throttle.failed("bob");
        throttle.succeeded("bob");
        assertThat(throttle.before("bob").delay()).isZero();
    }
}
