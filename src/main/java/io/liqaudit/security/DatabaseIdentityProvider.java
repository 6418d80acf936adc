package io.liqaudit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Signs users in against {@code app_user} (bcrypt), for HTTP Basic and the portal's form alike.
 * Every failure is written to the security log; repeated failures are throttled.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserStore users;
    private final SecurityLog log;
    private final SignInThrottle throttle;
    private final VerifiedCredentials verified;

    DatabaseIdentityProvider(UserStore users, SecurityLog log, SignInThrottle throttle, VerifiedCredentials verified) {
        this.users = users;
        this.log = log;
        this.throttle = throttle;
        this.verified = verified;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String from = remoteAddress(request);
        SignInThrottle.Verdict verdict = throttle.before(username);
        if (verdict.locked()) {
            return log.append(username, SecurityLog.Action.SIGN_IN_LOCKED, username, from, "refused while locked")
                    .chain(() -> Uni.createFrom().failure(new SignInLockedException(verdict.retryAfter())));
        }
        Optional<UserAccount> cached = verified.get(username, password);
        if (cached.isPresent()) {
            return Uni.createFrom().item(identity(cached.get()));
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
                throttle.succeeded(username);
                verified.put(username, password, account.get());
                return Uni.createFrom().item(identity(account.get()));
            }
            throttle.failed(username);
            return log.append(username, SecurityLog.Action.SIGN_IN_FAILED, username, from, "wrong name, password or disabled")
                    .chain(() -> Uni.createFrom().<SecurityIdentity>failure(new AuthenticationFailedException("sign-in failed")));
        });
    }

    private static SecurityIdentity identity(UserAccount account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .build();
    }

    private static String remoteAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        return rc == null || rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
    }
}
