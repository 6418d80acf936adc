package io.liqaudit.reconciliation;

import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Identities;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.QueryParam;
import java.util.regex.Pattern;

/**
 * The parameters every reconciliation query takes: the checkpoint to answer as of and the
 * events' scope. A caller whose key is scoped to one venue reads that venue only.
 */
public class ReconciliationParams {

    /** A reported field as the engine names it: {@code totalFee}, {@code steps[2].fee}, {@code steps[*].fee}. */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z]{1,40}(\\[([0-9]{1,3}|\\*)\\]\\.[A-Za-z]{1,40})?");

    @QueryParam("asOf")
    String asOf;
    @QueryParam("venue")
    String venue;
    @QueryParam("symbol")
    String symbol;
    @QueryParam("fundId")
    String fundId;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;

    /** The checkpoint's tree size asked for; null for the latest. */
    Long asOf(QueryParams params) {
        return params.integer("asOf", asOf, 0, Long.MAX_VALUE);
    }

    Scope scope(QueryParams params, SecurityIdentity identity) {
        String scoped = Identities.venueScope(identity).orElse(null);
        if (scoped != null && venue != null && !venue.equals(scoped)) {
            params.problem("venue", "this API key reads venue " + scoped + " only");
        }
        return new Scope(scoped != null ? scoped : params.identifier("venue", venue), params.identifier("symbol", symbol),
                params.identifier("fundId", fundId), params.time("from", from), params.time("to", to));
    }

    /** A required period (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD, UTC); null, and a problem named {@code period}, when absent or bad. */
    static io.liqaudit.disclosure.Period period(QueryParams params, String text) {
        if (text == null) {
            params.problem("period", "is required: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD (UTC)");
            return null;
        }
        try {
            return io.liqaudit.disclosure.Period.parse(text);
        } catch (IllegalArgumentException e) {
            params.problem("period", e.getMessage());
            return null;
        }
    }

    /** A field filter, checked; null when absent. */
    static String field(QueryParams params, String raw) {
        if (raw == null) {
            return null;
        }
        if (!FIELD.matcher(raw).matches()) {
            params.problem("field", "must name a reported field, e.g. totalFee, steps[2].fee or steps[*].fee");
            return null;
        }
        return raw;
    }
}
