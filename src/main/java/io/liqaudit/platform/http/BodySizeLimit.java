package io.liqaudit.platform.http;

import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemJson;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body over its limit up front, with a problem document (Vert.x would refuse it with an
 * empty 413 no client can explain). Every request body is limited to
 * {@code liqaudit.http.max-body-size}, except a statement sent for matching
 * ({@code POST /api/v1/reconciliation/matches}, up to 100,000 lines), limited to
 * {@code quarkus.http.limits.max-body-size}, which Vert.x enforces for every body as it arrives.
 * A body without a length (chunked) is taken only for matching: elsewhere it is a 411, so that no
 * request but a statement can grow past the small limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The one path whose bodies may be large. */
    public static final String STATEMENTS = "/api/v1/reconciliation/matches";

    private final long maxBytes;
    private final long maxStatementBytes;

    BodySizeLimit(LiqauditConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxStatementSize) {
        this.maxBytes = config.http().maxBodySize().asLongValue();
        this.maxStatementBytes = maxStatementSize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::refuseOversizedBodies);
    }

    void refuseOversizedBodies(RoutingContext rc) {
        boolean statement = rc.request().method() == HttpMethod.POST && STATEMENTS.equals(rc.request().path());
        long limit = statement ? maxStatementBytes : maxBytes;
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length, limit)) {
            refuse(rc, 413, "Payload Too Large", "The request body is larger than " + limit + " bytes.");
            return;
        }
        if (length == null && !statement && rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            refuse(rc, 411, "Length Required", "Send the body with a Content-Length (at most " + maxBytes + " bytes).");
            return;
        }
        rc.next();
    }

    private static void refuse(RoutingContext rc, int status, String title, String detail) {
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(ProblemJson.text(Problem.of(status, title, detail)));
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // a malformed length is Vert.x's to refuse
        }
    }
}
