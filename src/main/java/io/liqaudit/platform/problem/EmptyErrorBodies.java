package io.liqaudit.platform.problem;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a problem document to error answers that a filter produced without a body (the CSRF
 * filter's 400, for one), so that every error a client sees has the same shape.
 */
public class EmptyErrorBodies {

    @ServerResponseFilter
    public void fill(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            response.setEntity(problemFor(status));
            response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
        }
    }

    /** The problem an error answer without a body stands for. */
    static Problem problemFor(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error " + status : type.getReasonPhrase();
        String detail = status == 400 ? "The request was refused; a form must carry its CSRF token." : title + ".";
        return Problem.of(status, title, detail);
    }
}
