package io.liqaudit.platform.http;

import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.problem.Problem.FieldError;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads query and path parameters by the {@link InputRules}, naming each bad one. Resources take
 * parameters as text and read them here, because JAX-RS answers a query parameter it cannot
 * convert (say {@code limit=abc}) with a bare 404 that names nothing.
 */
public final class QueryParams {

    private final List<FieldError> problems = new ArrayList<>();

    public boolean ok() {
        return problems.isEmpty();
    }

    public void problem(String name, String message) {
        problems.add(new FieldError(name, message));
    }

    /** The problems in words, for a page that shows them instead of answering problem+json. */
    public String inWords() {
        return String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList());
    }

    /** The 400 naming every bad parameter. */
    public Response invalid() {
        return ProblemResponses.of(Problem.invalid("Invalid parameters.", problems));
    }


    /** A page size from 1 to {@code max}; {@code fallback} when absent. */
    public int limit(String raw, int fallback, int max) {
        Long value = integer("limit", raw, 1, max);
        return value == null ? fallback : value.intValue();
    }

    /**
     * A keyset cursor holding one number (a sequence or an id) from a previous page; null when
     * absent, a problem naming {@code cursor} when it is not one of ours.
     */
    public Long numberCursor(String raw) {
        if (raw == null) {
            return null;
        }
        Long value = Cursor.decode(raw, 1).map(parts -> new QueryParams().integer("cursor", parts.get(0), 0, Long.MAX_VALUE))
                .orElse(null);
        if (value == null) {
            problem("cursor", Cursor.PROBLEM);
        }
        return value;
    }

    public Long integer(String name, String raw, long min, long max) {
        if (raw == null) {
            return null;
        }
        if (raw.isEmpty() || raw.length() > 19 || !raw.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
            problem(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem
        }
        problem(name, "must be a whole number from " + min + " to " + max);
        return null;
    }

    /** A required whole number within [min, max]. */
    public Long requiredInteger(String name, String raw, long min, long max) {
        if (raw == null) {
            problem(name, "is required");
            return null;
        }
        return integer(name, raw, min, max);
    }

    /** An identifier filter or path segment (venue, symbol, fundId…); null when absent. */
    public String identifier(String name, String raw) {
        if (raw == null) {
            return null;
        }
        if (!InputRules.isIdentifier(raw)) {
            problem(name, InputRules.IDENTIFIER_RULE);
            return null;
        }
        return raw;
    }

    /** A time filter by the one timestamp rule (RFC 3339 UTC with Z); null when absent. */
    public OffsetDateTime time(String name, String raw) {
        if (raw == null) {
            return null;
        }
        Instant t = InputRules.timestamp(raw);
        if (t == null) {
            problem(name, InputRules.TIMESTAMP_RULE);
            return null;
        }
        return t.atOffset(ZoneOffset.UTC);
    }

    /**
     * The start (UTC) of a day a person picked in a date field ({@code YYYY-MM-DD}), {@code plusDays}
     * later — 1 makes an inclusive "to" day an exclusive bound; null when absent or empty.
     */
    public OffsetDateTime dayStart(String name, String raw, int plusDays) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(raw).plusDays(plusDays).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            problem(name, "must be a day, YYYY-MM-DD");
            return null;
        }
    }

    /** One of the constants of {@code type}, by name; null when absent. */
    public <E extends Enum<E>> E constant(String name, String raw, Class<E> type) {
        if (raw == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(raw)) {
                return e;
            }
        }
        problem(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }
}
