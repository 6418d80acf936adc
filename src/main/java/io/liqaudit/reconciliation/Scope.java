package io.liqaudit.reconciliation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Which events a reconciliation answer covers, besides its checkpoint: each filter optional; times on occurredAt, [from, to). */
record Scope(String venue, String symbol, String fundId, OffsetDateTime from, OffsetDateTime to) {

    /**
     * The given filters as SQL over {@code e} (liquidation_event), their values appended to
     * {@code params} (numbered after those already there). Only the filters given are in the
     * statement: a "$n is null or …" for each lets a prepared statement's generic plan ignore the
     * indexes (one venue's month took 12.8 s over a million events instead of about 2).
     */
    String where(List<Object> params) {
        List<String> predicates = new ArrayList<>();
        add(predicates, params, "e.venue = ", venue);
        add(predicates, params, "e.symbol = ", symbol);
        add(predicates, params, "e.fund_id = ", fundId);
        add(predicates, params, "e.occurred_at >= ", from);
        add(predicates, params, "e.occurred_at < ", to);
        return predicates.isEmpty() ? "true" : String.join(" and ", predicates);
    }

    /** Whether the time filters (if any) fall on UTC midnights, so whole days of the fold answer them. */
    boolean wholeDays() {
        return midnight(from) && midnight(to);
    }

    /** The given filters over a row {@code d} of the fold (days; call only when {@link #wholeDays()}), like {@link #where}. */
    String whereFolded(List<Object> params) {
        List<String> predicates = new ArrayList<>();
        add(predicates, params, "d.venue = ", venue);
        add(predicates, params, "d.symbol = ", symbol);
        add(predicates, params, "d.fund_id = ", fundId);
        add(predicates, params, "d.day >= ", from == null ? null : day(from));
        add(predicates, params, "d.day < ", to == null ? null : day(to));
        return predicates.isEmpty() ? "true" : String.join(" and ", predicates);
    }

    private static boolean midnight(OffsetDateTime t) {
        return t == null || t.atZoneSameInstant(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static void add(List<String> predicates, List<Object> params, String test, Object value) {
        if (value != null) {
            params.add(value);
            predicates.add(test + "$" + params.size());
        }
    }
}
