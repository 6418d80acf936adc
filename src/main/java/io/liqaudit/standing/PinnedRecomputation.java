package io.liqaudit.standing;

/**
 * The one rule for "an event as of a signed checkpoint": its latest recomputation computed by the
 * checkpoint's signing time (later re-verification runs do not move it). Reports, reconciliation
 * and fund statements all read events this way; the SQL is written here once.
 */
public final class PinnedRecomputation {

    private PinnedRecomputation() {
    }

    /**
     * SQL joining to each event {@code e} its pinned recomputation as {@code r}, the signing time
     * being the statement's parameter {@code at} (e.g. {@code "$1"}).
     */
    public static String lateral(String at) {
        return "cross join lateral (select * from recomputation x where x.event_sequence = e.sequence and x.computed_at <= " + at
                + "\n                    order by x.id desc limit 1) r";
    }
}
