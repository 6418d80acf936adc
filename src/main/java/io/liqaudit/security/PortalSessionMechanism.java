package io.liqaudit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The portal's session cookie, honoured on the pages of people only ({@code /portal},
 * {@code /reports}): a session can never call a JSON API, so a forged cross-site request to the
 * API carries nothing that signs it in. A session that ended or expired is simply not signed in.
 */
@ApplicationScoped
public class PortalSessionMechanism implements HttpAuthenticationMechanism {

    /** The token of a session cookie. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final String token;

        SessionRequest(String token) {
            this.token = token;
        }
    }

    static boolean isPageOfPeople(String path) {
        return path.equals("/portal") || path.startsWith("/portal/") || path.equals("/reports") || path.startsWith("/reports/");
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(PortalSessions.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > 64
                || !isPageOfPeople(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        // An ended or unknown session is no identity at all: the page then asks to sign in.
        return identityProviderManager.authenticate(new SessionRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/portal/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, PortalSessions.COOKIE));
    }

    /** Resumes the session from its row and the user's current roles; an ended session signs nobody in. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<SessionRequest> {

        private final PortalSessions sessions;

        Provider(PortalSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return sessions.resume(request.token).map(account -> account
                    .map(a -> Identities.of(a, Identities.Credential.SESSION))
                    .orElseThrow(() -> new AuthenticationFailedException("no such open session")));
        }
    }
}
