package io.liqaudit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds the identity behind a portal session cookie on each request, from the user table:
 * a user disabled or given other roles since signing in is treated as such at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserStore users;

    SessionIdentityProvider(UserStore users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return users.find(request.getPrincipal()).map(found -> found.filter(UserAccount::enabled)
                .<SecurityIdentity>map(account -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(account.username()))
                        .addRoles(account.roles())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("session user no longer enabled")));
    }
}
