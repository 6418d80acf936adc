package io.liqaudit.security;

import io.liqaudit.platform.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * CSRF protection for the portal's sign-in form, which Quarkus' form authentication reads
 * before any of our code could check a token: a sign-in POST must come from our own origin
 * (OWASP "verifying origin with standard headers"). Every other portal form carries a
 * CSRF token checked by quarkus-rest-csrf.
 */
@ApplicationScoped
public class LoginOriginCheck {

    static final String SIGN_IN_ACTION = "/j_security_check";

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, SIGN_IN_ACTION).order(-1500).handler(this::check);
    }

    void check(RoutingContext rc) {
        String source = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (source == null || source.equals("null")) {
            source = rc.request().getHeader(HttpHeaders.REFERER);
        }
        if (source == null || !sameOrigin(source, rc)) {
            rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end("{\"type\":\"https://liqaudit.io/problems/403\",\"title\":\"Forbidden\",\"status\":403,"
                            + "\"detail\":\"A sign-in must come from this site's own sign-in page.\"}");
            return;
        }
        rc.next();
    }

    private static boolean sameOrigin(String source, RoutingContext rc) {
        try {
            URI uri = URI.create(source);
            String host = rc.request().getHeader(HttpHeaders.HOST);
            return host != null && host.equalsIgnoreCase(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
