package io.liqaudit.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds the HTTP answers that carry a {@link Problem}. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    public static Response of(Problem problem) {
        return builder(problem).build();
    }

    public static Response unauthorized() {
        return builder(Problem.of(401, "Unauthorized", "Sign in to use this resource."))
                .header("WWW-Authenticate", "Basic realm=\"liquidation-audit\", charset=\"UTF-8\"")
                .build();
    }
}
