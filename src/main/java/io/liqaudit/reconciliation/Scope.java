package io.liqaudit.reconciliation;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;

/** Which events a reconciliation answer covers, besides its checkpoint: each filter optional; times on occurredAt, [from, to). */
record Scope(String venue, String symbol, String fundId, OffsetDateTime from, OffsetDateTime to) {

    /** The filters as SQL over {@code e} (liquidation_event), numbered from {@code first}. */
    static String where(int first) {
        return "($" + first + "::text is null or e.venue = $" + first + ")"
                + " and ($" + (first + 1) + "::text is null or e.symbol = $" + (first + 1) + ")"
                + " and ($" + (first + 2) + "::text is null or e.fund_id = $" + (first + 2) + ")"
                + " and ($" + (first + 3) + "::timestamptz is null or e.occurred_at >= $" + (first + 3) + ")"
                + " and ($" + (first + 4) + "::timestamptz is null or e.occurred_at < $" + (first + 4) + ")";
    }

    Tuple addTo(Tuple t) {
        return t.addValue(venue).addValue(symbol).addValue(fundId).addValue(from).addValue(to);
    }
}
