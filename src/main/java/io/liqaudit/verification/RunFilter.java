package io.liqaudit.verification;

import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;

/** Which events a verification run re-replays; every field optional ("all events"). */
public record RunFilter(String venue, String symbol, String fundId,
        @Pattern(regexp = "CONSISTENT|DISCREPANT|UNVERIFIABLE") String verdict,
        OffsetDateTime from, OffsetDateTime to) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null, null, null);

    /** SQL conditions on {@code e} (liquidation_event) and {@code s} (event_status), parameters from {@code $first}. */
    static String where(int first) {
        return "($" + first + "::text is null or e.venue = $" + first + ")"
                + " and ($" + (first + 1) + "::text is null or e.symbol = $" + (first + 1) + ")"
                + " and ($" + (first + 2) + "::text is null or e.fund_id = $" + (first + 2) + ")"
                + " and ($" + (first + 3) + "::text is null or s.verdict = $" + (first + 3) + ")"
                + " and ($" + (first + 4) + "::timestamptz is null or e.occurred_at >= $" + (first + 4) + ")"
                + " and ($" + (first + 5) + "::timestamptz is null or e.occurred_at < $" + (first + 5) + ")";
    }

    io.vertx.mutiny.sqlclient.Tuple addTo(io.vertx.mutiny.sqlclient.Tuple t) {
        return t.addValue(venue).addValue(symbol).addValue(fundId).addValue(verdict).addValue(from).addValue(to);
    }
}
