package io.liqaudit.liquidation;

import io.liqaudit.engine.MarginMode;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.PolicyMode;
import io.liqaudit.engine.Verdict;
import java.time.OffsetDateTime;

/**
 * What an auditor searches events by; null means "any". {@code from} is inclusive, {@code to}
 * exclusive (occurredAt). {@code finding} is an engine finding code or the fund chain's own;
 * {@code differingField} a reported field the recomputation disagrees with ("totalFee",
 * "steps[2].fee", or "steps[*].fee" for any step).
 */
public record EventSearch(String venue, String symbol, String accountRef, String fundId, Verdict verdict, String finding,
        String differingField, PolicyMode policy, MarginMode marginMode, Outcome outcome, String eventId,
        OffsetDateTime from, OffsetDateTime to, EventSort sort) {

    public EventSearch {
        sort = sort == null ? EventSort.RECORDED : sort;
    }

    /** Everything, in log order. */
    public static EventSearch all() {
        return new EventSearch(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
