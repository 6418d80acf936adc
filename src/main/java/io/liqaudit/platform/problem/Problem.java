package io.liqaudit.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer. {@code errors} names each bad
 * field by its JSON path, for validation failures only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: its JSON path (e.g. {@code $.fills[1].price}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(typeFor(400), "Invalid request", 400, detail, List.copyOf(errors));
    }

    private static String typeFor(int status) {
        return "https://liqaudit.io/problems/" + status;
    }
}
