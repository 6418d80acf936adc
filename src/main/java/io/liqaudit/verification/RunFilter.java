package io.liqaudit.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.engine.Verdict;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.json.JsonFields;
import io.liqaudit.platform.problem.Problem.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Which events a verification run re-replays; every field optional ("all events"). */
public record RunFilter(String venue, String symbol, String fundId, String verdict, OffsetDateTime from,
        OffsetDateTime to) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null, null, null);
    private static final Set<String> FIELDS = Set.of("venue", "symbol", "fundId", "verdict", "from", "to");

    /** The filter, or the problems that make the body malformed (then {@code filter} is null). */
    public record Read(RunFilter filter, List<FieldError> problems) {
    }

    /** Reads a filter body by the rules of every body: known fields only, no coercion ({"venue": 5} is refused). */
    public static Read read(JsonNode body) {
        JsonFields f = new JsonFields(InputRules.END);
        if (body == null || !body.isObject()) {
            f.problem("$", "must be a JSON object (send {} for all events)");
            return new Read(null, f.problems());
        }
        f.onlyKnown(new JsonFields.At(body, "$"), FIELDS);
        String venue = f.identifier(body, "$", "venue", false);
        String symbol = f.identifier(body, "$", "symbol", false);
        String fundId = f.identifier(body, "$", "fundId", false);
        Verdict verdict = f.enumValue(body, "$", "verdict", Verdict.class, false);
        Instant from = f.timestamp(body, "$", "from", false);
        Instant to = f.timestamp(body, "$", "to", false);
        return f.ok() ? new Read(new RunFilter(venue, symbol, fundId, verdict == null ? null : verdict.name(), utc(from),
                utc(to)), List.of()) : new Read(null, f.problems());
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    /** SQL conditions on {@code e} (the view current_event), parameters from {@code $first}. */
    static String where(int first) {
        return "($" + first + "::text is null or e.venue = $" + first + ")"
                + " and ($" + (first + 1) + "::text is null or e.symbol = $" + (first + 1) + ")"
                + " and ($" + (first + 2) + "::text is null or e.fund_id = $" + (first + 2) + ")"
                + " and ($" + (first + 3) + "::text is null or e.verdict = $" + (first + 3) + ")"
                + " and ($" + (first + 4) + "::timestamptz is null or e.occurred_at >= $" + (first + 4) + ")"
                + " and ($" + (first + 5) + "::timestamptz is null or e.occurred_at < $" + (first + 5) + ")";
    }

    io.vertx.mutiny.sqlclient.Tuple addTo(io.vertx.mutiny.sqlclient.Tuple t) {
        return t.addValue(venue).addValue(symbol).addValue(fundId).addValue(verdict).addValue(from).addValue(to);
    }
}
