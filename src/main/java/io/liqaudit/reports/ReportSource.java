package io.liqaudit.reports;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a report's rows come from, pinned. Every report's rows start with the event's log
 * sequence and leaf hash (in that order, ascending by sequence): the package proves a sample of
 * them leaves of the pinned tree, and the offline verifier reads those two columns.
 */
interface ReportSource {

    /**
     * The pin of a run: its checkpoint's tree size and signing time. A report covers the events
     * with sequence below the size, each with its latest recomputation computed by that time, and
     * cases as they stood then: all a function of the checkpoint, so the same parameters and
     * checkpoint give the same rows whenever they are generated.
     */
    record Pin(long treeSize, OffsetDateTime at) {
    }

    /** What a run covers: a period (from inclusive, to exclusive) and perhaps one venue. */
    record Scope(OffsetDateTime from, OffsetDateTime to, String venue) {
    }

    Uni<Long> count(Pin pin, Scope scope);

    /** The rows of events after {@code afterSequence} (-1: from the first), up to {@code limit} events, in log order. */
    Uni<List<List<Object>>> page(Pin pin, Scope scope, long afterSequence, int limit);
}
