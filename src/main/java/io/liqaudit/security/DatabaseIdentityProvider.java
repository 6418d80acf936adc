package io.liqaudit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** HTTP Basic against {@code app_user}: one {@link SignIn} attempt per request. */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final SignIn signIn;

    DatabaseIdentityProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String from = Identities.remoteAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
        return signIn.attempt(request.getUsername(), new String(request.getPassword().getPassword()), from)
                .map(outcome -> {
                    if (outcome instanceof SignIn.SignedIn s) {
                        return Identities.of(s.account(), Identities.Credential.PASSWORD);
                    }
                    if (outcome instanceof SignIn.Locked l) {
                        throw new SignInLockedException(l.retryAfter());
                    }
                    throw new AuthenticationFailedException("sign-in failed");
                });
    }
}
