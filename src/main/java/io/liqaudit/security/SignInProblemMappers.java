package io.liqaudit.security;

import io.liqaudit.platform.Problem;
import io.liqaudit.platform.ProblemResponses;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers for requests that are not signed in: a browser on a portal page is sent to the
 * sign-in form; everything else gets 401 with a Basic challenge, or 429 while locked.
 */
public class SignInProblemMappers {

    @ServerExceptionMapper(priority = 0)
    public Response locked(SignInLockedException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ProblemResponses.builder(Problem.of(429, "Too Many Requests",
                        "Too many failed sign-ins for this user name; try again in " + seconds + " s."))
                .header("Retry-After", seconds).build();
    }

    @ServerExceptionMapper(priority = 0)
    public Response notSignedIn(UnauthorizedException e, HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (request.path().startsWith("/portal") && accept != null && accept.contains("text/html")) {
            return Response.seeOther(URI.create("/portal/login")).build();
        }
        return ProblemResponses.unauthorized();
    }
}
