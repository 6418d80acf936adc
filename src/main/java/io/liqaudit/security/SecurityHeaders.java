package io.liqaudit.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

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
        boolean tls = rc.request().isSSL();
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            headers.set("Content-Security-Policy", swagger ? SWAGGER_CSP : CSP)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "no-referrer");
            if (tls) {
                // Over TLS every cookie (session, CSRF) is Secure, whoever set it.
                List<String> cookies = withSecure(headers.getAll("Set-Cookie"));
                headers.remove("Set-Cookie");
                cookies.forEach(c -> headers.add("Set-Cookie", c));
            }
        });
        rc.next();
    }

    static List<String> withSecure(List<String> cookies) {
        return cookies.stream()
                .map(c -> c.toLowerCase(java.util.Locale.ROOT).matches(".*;\\s*secure(;.*|\\s*$)") ? c : c + "; Secure")
                .toList();
    }
}
