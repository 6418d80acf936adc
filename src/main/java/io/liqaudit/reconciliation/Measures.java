package io.liqaudit.reconciliation;

import io.liqaudit.standing.PinnedRecomputation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What totals add up, written once for both ways of answering: summed from the events (each with
 * its pinned recomputation) and folded into {@code reconciliation_daily}. Each measure is additive,
 * so a checkpoint's totals are the fold's rows plus the contributions of what came after it, and a
 * revised event moves by taking its old contribution out and putting its new one in. A figure
 * keeps its sum and how many events had it ({@code _n}), so "no event had it" stays null.
 */
final class Measures {

    /** The fold's key, in {@code reconciliation_daily}'s column names. */
    static final String KEY = "day, venue, symbol, fund_id, policy_mode, verdict";

    private Measures() {
    }

    /** The additive columns, in table order. */
    static List<String> columns() {
        List<String> out = new ArrayList<>(List.of("events", "notional", "fees_to_fund", "fees_to_venue"));
        for (Figure f : Figure.values()) {
            String c = f.name().toLowerCase();
            out.addAll(List.of(c + "_rec", c + "_rec_n", c + "_rep", c + "_rep_n", c + "_diff", c + "_diff_n"));
        }
        return out;
    }

    /**
     * The contributions of the events {@code source} binds as {@code e} that satisfy {@code where},
     * with their recomputations as of {@code at} (SQL), grouped by the fold's key, each measure
     * negated when {@code negated} (an event's old figures taken out).
     */
    static String contributions(boolean negated, String at, String source, String where) {
        String s = negated ? "-1 * " : "";
        StringBuilder m = new StringBuilder()
                .append(s).append("count(*) as events, ")
                .append(s).append("coalesce(sum(n.notional) filter (where r.verdict <> 'UNVERIFIABLE'), 0) as notional, ")
                .append(s).append("coalesce(sum(r.total_fee) filter (where j.i #>> '{policy,feeRecipient}' = 'INSURANCE_FUND'), 0)")
                .append(" as fees_to_fund, ")
                .append(s).append("coalesce(sum(r.total_fee) filter (where j.i #>> '{policy,feeRecipient}' = 'VENUE'), 0) as fees_to_venue");
        for (Figure f : Figure.values()) {
            String c = f.name().toLowerCase();
            figure(m, s, f.recomputed, c + "_rec");
            figure(m, s, f.reported, c + "_rep");
            figure(m, s, f.recomputed + " - " + f.reported, c + "_diff");
        }
        return "select (e.occurred_at at time zone 'UTC')::date as day, e.venue, e.symbol, e.fund_id, e.policy_mode, r.verdict, "
                + m + "\nfrom " + source + "\n" + PinnedRecomputation.lateral(at) + """

                cross join lateral (select e.input::jsonb as i offset 0) j
                cross join lateral (select sum((f ->> 'quantity')::numeric * (f ->> 'price')::numeric) as notional
                                    from jsonb_array_elements(j.i -> 'fills') f) n
                where\s""" + where + "\ngroup by 1, 2, 3, 4, 5, 6";
    }

    private static void figure(StringBuilder m, String sign, String expression, String column) {
        m.append(", ").append(sign).append("coalesce(sum(").append(expression).append("), 0) as ").append(column)
                .append(", ").append(sign).append("count(").append(expression).append(") as ").append(column).append("_n");
    }

    /**
     * Totals over rows of the fold's shape ({@code c}), named as {@link TotalsQueries} reads them:
     * counts by verdict, sums, and each figure null where no event had it.
     */
    static String totals() {
        StringBuilder out = new StringBuilder("""
                coalesce(sum(c.events), 0)::bigint as events,
                coalesce(sum(c.events) filter (where c.verdict = 'CONSISTENT'), 0)::bigint as consistent,
                coalesce(sum(c.events) filter (where c.verdict = 'DISCREPANT'), 0)::bigint as discrepant,
                coalesce(sum(c.events) filter (where c.verdict = 'UNVERIFIABLE'), 0)::bigint as unverifiable,
                coalesce(sum(c.notional), 0) as notional, coalesce(sum(c.fees_to_fund), 0) as fees_to_fund,
                coalesce(sum(c.fees_to_venue), 0) as fees_to_venue""");
        for (Figure f : Figure.values()) {
            String c = f.name().toLowerCase();
            for (String w : List.of("_rec", "_rep", "_diff")) {
                out.append(", case when sum(c.").append(c).append(w).append("_n) > 0 then sum(c.").append(c).append(w)
                        .append(") end as ").append(c).append(w);
            }
        }
        return out.toString();
    }

    /**
     * What of a recomputation the measures read: when an event's pinned recomputation is the same
     * in these at two times, its contribution is too (the rest comes from its immutable input).
     */
    static final String RECOMPUTED_COLUMNS = "verdict, liquidated_quantity, total_fee, excess_equity, trader_return, "
            + "bankruptcy_loss, adl_shortfall, insurance_fund_delta";

    /**
     * The events below tree size {@code s0} (SQL) that a re-verification run recomputed after
     * {@code t0} and by {@code t1} with other figures or verdict than before: the ones whose
     * contribution differs between the two times. Only runs revise a stored event (ingest
     * recomputes an event before its checkpoint is signed); a run of the same engine changes
     * nothing, and costs two index lookups per event, not a parse of its input.
     */
    static String revised(String s0, String t0, String t1) {
        return "select s.sequence from (select distinct x.event_sequence as sequence from recomputation x where x.run_id in ("
                + "select v.id from verification_run v where v.finished_at is null or v.finished_at >= " + t0 + ") and x.computed_at > "
                + t0 + " and x.computed_at <= " + t1 + " and x.event_sequence < " + s0 + ") s where " + pinned(t0) + " is distinct from "
                + pinned(t1);
    }

    private static String pinned(String at) {
        return "(select (" + RECOMPUTED_COLUMNS + ") from recomputation p where p.event_sequence = s.sequence and p.computed_at <= "
                + at + " order by p.id desc limit 1)";
    }

    /** Where the contributions of {@link #revised} events come from (the statement names that CTE {@code revised}). */
    static final String REVISED_EVENTS = "revised rv join liquidation_event e on e.sequence = rv.sequence";

    /**
     * What changes between a fold at ({@code s0}, {@code t0}) and a checkpoint ({@code s1}, {@code t1}):
     * the events recorded in between, as of {@code t1}, and each revised event's old contribution
     * out and new one in; {@code where} narrows the events. Needs the CTE {@code revised}.
     */
    static String since(String s0, String t0, String s1, String t1, String where) {
        return recordedSince(s0, s1, t1, where)
                + "\nunion all\n" + contributions(true, t0, REVISED_EVENTS, where)
                + "\nunion all\n" + contributions(false, t1, REVISED_EVENTS, where);
    }

    /**
     * Only the events recorded between tree sizes {@code s0} and {@code s1}, as of {@code t1}
     * ({@code where} over them as {@code e}): what changes when both times are the same (nothing can have been revised in between), without
     * looking at the runs' recomputations at all.
     */
    static String recordedSince(String s0, String s1, String t1, String where) {
        // The range of sequences first (offset 0 keeps the planner from starting at a year of
        // occurred_at instead and filtering a million events by sequence: 88 ms for none).
        return contributions(false, t1, "(select * from liquidation_event x where x.sequence >= " + s0 + " and x.sequence < " + s1
                + " offset 0) e", where);
    }

    /** The column list, comma-separated, for statements that move whole rows. */
    static String columnList() {
        return columns().stream().collect(Collectors.joining(", "));
    }
}
