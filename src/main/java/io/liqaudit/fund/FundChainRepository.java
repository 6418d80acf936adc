package io.liqaudit.fund;

import io.liqaudit.standing.ChainFlag;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a fund's chain from PostgreSQL for readers, and finds which events' discontinuity flags
 * {@link FundChain} now derives differently after arrivals (the owner of standing stores them).
 * Re-evaluation touches only the arrivals and the event after each: an early (late-arriving)
 * event costs the same as one at the tail.
 */
@ApplicationScoped
public class FundChainRepository {

    /** The chain's elements of one fund with order key after ($2, $3, $4), in order. */
    static final String ELEMENTS_AFTER = """
            select * from (
                select 'EVENT' as kind, e.occurred_at, 1 as ord, e.sequence as ref, e.event_id as reference,
                       e.fund_balance_before as stated, e.insurance_fund_delta as delta, e.fund_discontinuity as flagged
                from current_event e
                where e.fund_id = $1 and (e.occurred_at, e.sequence) > ($2, case when $3 = 0 then -1 else $4 end)
                union all
                select 'MOVEMENT', m.occurred_at, 0, m.id, m.movement_id, null, m.signed_amount, false
                from fund_movement m
                where m.fund_id = $1 and (m.occurred_at, m.id) > ($2, case when $3 = 0 then $4 else 9223372036854775807 end)
            ) chain order by occurred_at, ord, ref limit $5
            """;
    /**
     * The events whose flag may change when these events and movements arrive (or an event's
     * delta changes): each such event itself, and the next event after each of them — its balance
     * after feeds that event's expected balance — then, for each of those, what the chain says:
     * the last event before it and the movements between (FundChain.expectedBefore). Every lookup
     * is one probe of the (fund_id, occurred_at, …) indexes, so the cost is per touched element,
     * never per element of the fund's tail.
     */
    static final String REEVALUATE = """
            with touched as (
                select e.sequence, e.fund_id, e.occurred_at from liquidation_event e where e.sequence = any($1::bigint[])
            ), targets as (
                select sequence from touched
                union
                select nx.sequence from touched t cross join lateral (
                    select e.sequence from liquidation_event e
                    where e.fund_id = t.fund_id and (e.occurred_at, e.sequence) > (t.occurred_at, t.sequence)
                    order by e.occurred_at, e.sequence limit 1) nx
                union
                select nx.sequence from fund_movement m cross join lateral (
                    select e.sequence from liquidation_event e
                    where e.fund_id = m.fund_id and e.occurred_at >= m.occurred_at
                    order by e.occurred_at, e.sequence limit 1) nx
                where m.id = any($2::bigint[])
            )
            select x.sequence, x.fund_discontinuity as flagged, x.fund_balance_before as stated,
                   p.sequence is not null as has_previous, p.fund_balance_before + p.insurance_fund_delta as previous_after,
                   mv.n as movements, mv.total as movements_total
            from targets t
            join current_event x on x.sequence = t.sequence
            left join lateral (
                select e.sequence, e.occurred_at, e.fund_balance_before, e.insurance_fund_delta from current_event e
                where e.fund_id = x.fund_id and (e.occurred_at, e.sequence) < (x.occurred_at, x.sequence)
                order by e.occurred_at desc, e.sequence desc limit 1) p on true
            cross join lateral (
                select count(*) as n, coalesce(sum(m.signed_amount), 0) as total from fund_movement m
                where m.fund_id = x.fund_id and m.occurred_at <= x.occurred_at
                  and (p.occurred_at is null or m.occurred_at > p.occurred_at)) mv
            """;
    /** Before any element: where a walk from the start of a fund begins. */
    public static final OffsetDateTime BEGINNING = OffsetDateTime.parse("0001-01-01T00:00:00Z");

    /**
     * Re-derives the flags these arrivals can change (see {@link #REEVALUATE}) and answers those
     * that did change; the owner of standing stores them. One query, whatever the funds.
     */
    public Uni<List<ChainFlag>> reevaluate(SqlClient client, List<Long> eventSequences, List<Long> movementIds) {
        if (eventSequences.isEmpty() && movementIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(REEVALUATE)
                .execute(Tuple.of(eventSequences.toArray(Long[]::new), movementIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<ChainFlag> changed = new ArrayList<>();
                    for (Row r : rows) {
                        BigDecimal expected = FundChain.expectedBefore(r.getBoolean("has_previous"),
                                r.getBigDecimal("previous_after"), r.getLong("movements"), r.getBigDecimal("movements_total"));
                        boolean broken = FundChain.breaks(expected, r.getBigDecimal("stated"));
                        if (broken != r.getBoolean("flagged")) {
                            changed.add(new ChainFlag(r.getLong("sequence"), broken));
                        }
                    }
                    changed.sort(java.util.Comparator.comparingLong(ChainFlag::sequence));
                    return changed;
                });
    }

    /** An element as loaded, with the discontinuity flag currently stored for it. */
    private record Loaded(FundChain.Element element, boolean flagged) {
    }

    private static List<FundChain.Element> elements(List<Loaded> loaded) {
        return loaded.stream().map(Loaded::element).toList();
    }

    /**
     * At most {@code limit} elements of a fund's chain after the position (at, ord, ref) — ord 0
     * for movements, 1 for events — in chain order; {@code limit} null means all.
     */
    public Uni<List<FundChain.Element>> elementsAfter(SqlClient client, String fundId, OffsetDateTime at, int ord, long ref,
            Integer limit) {
        return loaded(client, fundId, at, ord, ref, limit).map(FundChainRepository::elements);
    }

    private Uni<List<Loaded>> loaded(SqlClient client, String fundId, OffsetDateTime at, int ord, long ref, Integer limit) {
        return client.preparedQuery(ELEMENTS_AFTER).execute(Tuple.tuple().addValue(fundId).addValue(at).addValue(ord)
                .addValue(ref).addValue(limit)).map(rows -> {
            List<Loaded> out = new ArrayList<>();
            for (Row r : rows) {
                FundChain.Kind kind = FundChain.Kind.valueOf(r.getString("kind"));
                out.add(new Loaded(new FundChain.Element(kind, r.getOffsetDateTime("occurred_at"), r.getLong("ref"),
                        r.getString("reference"), r.getBigDecimal("stated"), r.getBigDecimal("delta")),
                        r.getBoolean("flagged")));
            }
            return out;
        });
    }
}
