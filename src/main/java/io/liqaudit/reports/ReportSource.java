package io.liqaudit.reports;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a report's rows come from, pinned, a page at a time. A report of events has rows that
 * start with the event's log sequence and leaf hash (ascending by sequence): the package proves
 * a sample of them leaves of the pinned tree, and the offline verifier reads those two columns.
 */
interface ReportSource {

    /** Rows, and the key after which the next page starts (null: this was the last). */
    record Page(List<List<Object>> rows, Long next) {
    }

    /** Whether rows start with (sequence, leafHash), so that a sample of them is proven in the package. */
    default boolean eventRows() {
        return true;
    }

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

    /** The rows after {@code after} (-1: from the first), about {@code limit} at a time. */
    Uni<Page> next(Pin pin, Scope scope, long after, int limit);

    /** The sequence after which the next page of an events report starts; null when this page held fewer events than asked. */
    static Long lastEvent(List<List<Object>> rows, int limit) {
        if (rows.isEmpty()) {
            return null;
        }
        long events = rows.stream().map(r -> r.get(0)).distinct().count();
        return events < limit ? null : (Long) rows.get(rows.size() - 1).get(0);
    }
}
