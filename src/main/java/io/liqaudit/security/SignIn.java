package io.liqaudit.security;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks a user name and password, for HTTP Basic and the portal's sign-in form alike: the
 * throttle may refuse or delay the attempt; a credential bcrypt accepted moments ago is answered
 * from memory; otherwise bcrypt runs on a worker thread. Every failure is logged.
 */
@ApplicationScoped
public class SignIn {

    /** The outcome of one attempt. */
    public sealed interface Outcome {
    }

    public record SignedIn(UserAccount account) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Locked(Duration retryAfter) implements Outcome {
    }

    private final UserStore users;
    private final SecurityLog log;
    private final SignInThrottle throttle;
    private final VerifiedCredentials verified;

    private final io.micrometer.core.instrument.MeterRegistry metrics;

    SignIn(UserStore users, SecurityLog log, SignInThrottle throttle, VerifiedCredentials verified,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this.metrics = metrics;
        this.users = users;
        this.log = log;
        this.throttle = throttle;
        this.verified = verified;
    }

    /** What a user name may be (as app_user's check says); anything else is refused before any query. */
    static final java.util.regex.Pattern USER_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** Failed sign-ins for Prometheus ({@code liqaudit_signin_failures_total}), by why: refused, locked, malformed. */
    private void failed(String reason) {
        metrics.counter("liqaudit.signin.failures", "reason", reason).increment();
    }

    public Uni<Outcome> attempt(String username, String password, String from) {
        if (username == null || !USER_NAME.matcher(username).matches()) {
            failed("malformed");
            throttle.failedFrom(from);
            return log.append(null, SecurityLog.Action.SIGN_IN_FAILED, "<not a user name>", from, "malformed user name")
                    .map(v -> new Refused());
        }
        // The lock comes first: a locked guesser must not test passwords against the memory either.
        SignInThrottle.Verdict verdict = throttle.before(username, from);
        if (verdict.locked()) {
            failed("locked");
            return log.append(username, SecurityLog.Action.SIGN_IN_LOCKED, username, from, "refused while locked")
                    .map(v -> new Locked(verdict.retryAfter()));
        }
        Optional<UserAccount> cached = verified.get(username, password);
        if (cached.isPresent()) {
            return Uni.createFrom().item(new SignedIn(cached.get()));
        }
        // bcrypt is slow by design: check it on a worker thread, never on the event loop.
        Uni<Optional<UserAccount>> checked = users.find(username)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(found -> found.filter(UserAccount::enabled)
                        .filter(account -> Passwords.matches(password, account.passwordHash())));
        Uni<Optional<UserAccount>> delayed = verdict.delay().isZero() ? checked
                : Uni.createFrom().voidItem().onItem().delayIt().by(verdict.delay()).chain(() -> checked);
        return delayed.chain(account -> {
            if (account.isPresent()) {
                throttle.succeeded(username, from);
                verified.put(username, password, account.get());
                return Uni.createFrom().item(new SignedIn(account.get()));
            }
            throttle.failed(username, from);
            failed("refused");
            return log.append(username, SecurityLog.Action.SIGN_IN_FAILED, username, from, "wrong name, password or disabled")
                    .map(v -> new Refused());
        });
    }
}
