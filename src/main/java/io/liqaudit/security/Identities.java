package io.liqaudit.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Builds the identities of the three ways in, and reads what they carry beyond roles. */
public final class Identities {

    /** How a caller proved who they are. */
    public enum Credential { PASSWORD, API_KEY, SESSION }

    static final String CREDENTIAL = "liqaudit.credential";
    static final String VENUE = "liqaudit.venue";

    private Identities() {
    }

    static SecurityIdentity of(UserAccount account, Credential credential) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(CREDENTIAL, credential)
                .build();
    }

    static SecurityIdentity of(ApiKeys.Holder key) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("key:" + key.id()))
                .addRole(key.role())
                .addAttribute(CREDENTIAL, Credential.API_KEY);
        if (key.venue() != null) {
            b.addAttribute(VENUE, key.venue());
        }
        return b.build();
    }

    /** The one venue this caller may act for, when its credential is scoped to one (a venue's API key). */
    public static Optional<String> venueScope(SecurityIdentity identity) {
        return Optional.ofNullable(identity.getAttribute(VENUE));
    }

    static String remoteAddress(RoutingContext rc) {
        return rc == null ? "unknown" : remoteAddress(rc.request());
    }

    /** Where a request came from, for the throttle and the security log. */
    public static String remoteAddress(io.vertx.core.http.HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
