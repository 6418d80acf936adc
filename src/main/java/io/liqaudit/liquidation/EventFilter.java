package io.liqaudit.liquidation;

import java.time.OffsetDateTime;

/** Filters of the event listing; null means "any". {@code from} is inclusive, {@code to} exclusive (occurredAt). */
public record EventFilter(String venue, String symbol, String accountRef, String fundId, String verdict, String finding,
        OffsetDateTime from, OffsetDateTime to) {
}
