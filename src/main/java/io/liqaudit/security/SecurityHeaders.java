package io.liqaudit.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser hardening on every answer. Our pages need no inline script, so the policy forbids
 * it; Swagger UI, which Quarkus ships with an inline bootstrap script, is the one exception.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    void register(@Observes Router router) {
        router.route().order(-2000).handler(this::addHeaders);
    }

    void addHeaders(RoutingContext rc) {
        boolean swagger = rc.request().path().startsWith("/q/swagger-ui");
        rc.addHeadersEndHandler(v -> rc.response().headers()
                .set("Content-Security-Policy", swagger ? SWAGGER_CSP : CSP)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer"));
        rc.next();
    }
}
