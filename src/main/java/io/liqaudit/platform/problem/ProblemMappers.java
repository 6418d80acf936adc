package io.liqaudit.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.liqaudit.platform.json.JsonPaths;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Nothing internal (stack trace,
 * SQL, class names) reaches a client: a 500 carries only an incident id that is in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemResponses.of(Problem.invalid("The request has invalid fields.", errors));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "$";
        String message;
        if (e instanceof JsonMappingException) {
            message = "has the wrong type or format";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            // The parser stands on the repeated field: name it, e.g. $.events.
            path = JsonPaths.of(e.getProcessor());
            message = "appears twice in one object; each field may appear once";
        } else if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            path = JsonPaths.of(e.getProcessor());
            message = "is longer than this service reads (a number of at most 1000 characters)";
        } else {
            message = "is not well-formed JSON";
        }
        return ProblemResponses.of(Problem.invalid("The request body could not be read.",
                List.of(new Problem.FieldError(path, message))));
    }

    // Quarkus ships mappers for these Jackson subtypes, and JAX-RS prefers the closest type over
    // priority, so each is mapped here too to keep the problem shape.
    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response tooLong(com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response overloaded(Overloaded e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ProblemResponses.builder(Problem.of(503, "Service Unavailable", e.getMessage()))
                .header("Retry-After", seconds).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return ProblemResponses.unauthorized();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ProblemResponses.unauthorized();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Problem.of(403, "Forbidden", "Your roles do not allow this request."));
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json); // the JSON reader wraps parse failures in a plain 400
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error " + status : type.getReasonPhrase();
        // A message given by our code says why; JAX-RS' own ("HTTP 409 Conflict") says nothing more than the title.
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : detailFor(status);
        Response.ResponseBuilder answer = ProblemResponses.builder(Problem.of(status, title, detail));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper(priority = 2)
    public Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s", incident);
        return ProblemResponses.of(Problem.of(500, "Internal Server Error",
                "Something went wrong on our side. Incident " + incident + " is in the service log."));
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 409 -> "The request conflicts with what is recorded.";
            case 413 -> "The request body is too large.";
            case 415 -> "This media type is not supported here; send application/json.";
            default -> Response.Status.fromStatusCode(status) == null ? "Request failed."
                    : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
        };
    }

    /** A bean-validation path ({@code create.arg0.name}) as a JSON path ({@code $.name}). */
    private static String jsonPath(ConstraintViolation<?> v) {
        StringBuilder path = new StringBuilder("$");
        int depth = 0;
        for (var node : v.getPropertyPath()) {
            // Skip the method name and the parameter: the client knows only the body's fields.
            if (depth++ < 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                continue;
            }
            if (node.isInIterable()) {
                // An element of a list (by index), map (by key) or set (no position: [*]).
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                path.append('[').append(at == null ? "*" : at).append(']');
            }
            if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                path.append('.').append(node.getName());
            }
        }
        return path.toString();
    }
}
