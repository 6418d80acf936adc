package io.liqaudit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** {@code Authorization: Bearer lqa_…}: machine clients sign in with an API key, never a password. */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    /** An API key presented by a request. */
    public static final class ApiKeyRequest extends BaseAuthenticationRequest {
        final String key;

        ApiKeyRequest(String key) {
            this.key = key;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        ApiKeyRequest request = new ApiKeyRequest(header.substring(7).trim());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"liquidation-audit\""));
    }

    @Override
    public Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    /** Checks the key; a wrong one is logged and counted against its source address (it locks nobody). */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<ApiKeyRequest> {

        private final ApiKeys keys;
        private final SecurityLog log;
        private final SignInThrottle throttle;

        Provider(ApiKeys keys, SecurityLog log, SignInThrottle throttle) {
            this.keys = keys;
            this.log = log;
            this.throttle = throttle;
        }

        @Override
        public Class<ApiKeyRequest> getRequestType() {
            return ApiKeyRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
            String from = Identities.remoteAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
            SignInThrottle.Verdict verdict = throttle.before("", from);
            if (verdict.locked()) {
                return Uni.createFrom().failure(new SignInLockedException(verdict.retryAfter()));
            }
            return keys.verify(request.key).chain(holder -> {
                if (holder.isPresent()) {
                    return Uni.createFrom().item(Identities.of(holder.get()));
                }
                throttle.failedFrom(from);
                String shown = request.key.length() > 20 ? request.key.substring(0, 20) + "…" : request.key;
                return log.append(null, SecurityLog.Action.API_KEY_REFUSED, shown.replaceAll("[^A-Za-z0-9_…-]", "?"), from,
                                "unknown, revoked or expired API key")
                        .chain(() -> Uni.createFrom().<SecurityIdentity>failure(new AuthenticationFailedException("bad key")));
            });
        }
    }
}
