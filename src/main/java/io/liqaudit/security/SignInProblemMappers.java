package io.liqaudit.security;

import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers for requests that are not signed in: a browser on a portal page is sent to the
 * sign-in form; everything else gets 401 with a Basic challenge, or 429 while locked.
 */
public class SignInProblemMappers {

    private final SecurityIdentity identity;

    SignInProblemMappers(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper(priority = 0)
    public Response locked(SignInLockedException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ProblemResponses.builder(Problem.of(429, "Too Many Requests",
                        "Too many failed sign-ins for this user name; try again in " + seconds + " s."))
                .header("Retry-After", seconds).build();
    }

    @ServerExceptionMapper(priority = 0)
    public Response notSignedIn(UnauthorizedException e, HttpServerRequest request) {
        if (wantsPage(request)) {
            return Response.seeOther(URI.create("/portal/login")).build();
        }
        return ProblemResponses.unauthorized();
    }

    /** A person signed in without the page's role reads a page saying so, not a JSON document. */
    @ServerExceptionMapper(priority = 0)
    public Response notYourRole(ForbiddenException e, HttpServerRequest request) {
        if (wantsPage(request) && !identity.isAnonymous()) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.forbidden(identity.getPrincipal().getName(), String.join(", ", UserStore.sorted(identity.getRoles()))))
                    .build();
        }
        return ProblemResponses.of(Problem.of(403, "Forbidden", "Your roles do not allow this request."));
    }

    private static boolean wantsPage(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return PortalSessionMechanism.isPageOfPeople(request.path()) && accept != null && accept.contains("text/html");
    }

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance forbidden(String username, String roles);
    }
}
