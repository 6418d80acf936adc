package io.liqaudit.platform.http;

import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An endpoint that reads a body reads it as the media type it declares; a request that says
 * nothing of its body's type is a 415, not a guess (JAX-RS alone would treat it as JSON).
 */
public class ContentTypeRequired {

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
            return null;
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        if (consumes == null) {
            return null;
        }
        return ProblemResponses.of(Problem.of(415, "Unsupported Media Type",
                "The request has no Content-Type; send " + String.join(", ", consumes.value()) + "."));
    }
}
