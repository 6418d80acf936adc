package io.liqaudit.reconciliation;

import java.math.BigDecimal;

/**
 * One reported figure of one event that our recomputation disagrees with: both values as text
 * (exact; an outcome is a name), and recomputed − reported when both are numbers. {@code position}
 * is its place among the event's differences (1, 2, …): with the sequence, where a page resumes.
 */
public record Break(long sequence, int position, String venue, String eventId, String occurredAt, String symbol, String fundId,
        String field, String reported, String recomputed, BigDecimal difference) {

    /** Breaks of one field: how many, and their differences summed (where both values were numbers). */
    public record FieldTotal(String field, long breaks, BigDecimal difference) {
    }
}
