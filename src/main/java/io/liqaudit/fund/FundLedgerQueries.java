package io.liqaudit.fund;

import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.smallrye.mutiny.Uni;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of a fund's chain with running balances. A page after a cursor starts from the last
 * event at or before it (whose balance after is known) plus the movements since, so a page
 * costs the same wherever it is in the chain.
 */
@ApplicationScoped
public class FundLedgerQueries {

    /**
     * A position in the chain: (occurredAt, 0 for movements / 1 for events, row id or sequence).
     * The SQL compares (time, id) pairs per table, with the order folded into the bound, so that
     * the (fund_id, occurred_at, …) indexes serve the comparison.
     */
    public record Key(OffsetDateTime occurredAt, int order, long ref) {

        /** The position of this element, after which the next page starts. */
        public static Key after(FundChain.Element e) {
            return new Key(e.occurredAt(), e.kind() == FundChain.Kind.EVENT ? 1 : 0, e.ref());
        }

        /** The position just before everything at this time: a page from it starts with the first entry at that time. */
        public static Key before(OffsetDateTime occurredAt) {
            return new Key(occurredAt, 0, -1);
        }

        /** The cursor a client sends back: (time, kind, ref). */
        public String cursor() {
            return Cursor.encode(Timestamps.format(occurredAt), String.valueOf(order), String.valueOf(ref));
        }

        /** The position a cursor names; null when absent, a problem naming {@code cursor} when it is not one of ours. */
        public static Key parse(String cursor, QueryParams params) {
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
            Key key = Cursor.decode(cursor, 3).map(parts -> {
                QueryParams inner = new QueryParams();
                var time = inner.time("cursor", parts.get(0));
                Long kind = inner.integer("cursor", parts.get(1), 0, 1);
                Long ref = inner.integer("cursor", parts.get(2), 0, Long.MAX_VALUE);
                return inner.ok() ? new Key(time, kind.intValue(), ref) : null;
            }).orElse(null);
            if (key == null) {
                params.problem("cursor", Cursor.PROBLEM);
            }
            return key;
        }
    }

    /** Whether only events of {@code venue} name this fund (and at least one does): the fund is that venue's. */
    public Uni<Boolean> belongsTo(String fundId, String venue) {
        return pool.preparedQuery("select array(select distinct venue from liquidation_event where fund_id = $1 limit 2)")
                .execute(Tuple.of(fundId))
                .map(rows -> java.util.Arrays.equals(rows.iterator().next().getArrayOfStrings(0), new String[] {venue}));
    }


    private static final String ANCHOR_AT_OR_BEFORE = """
            select e.occurred_at, e.sequence, e.fund_balance_before + e.insurance_fund_delta as after,
                   e.insurance_fund_delta is not null as known
            from current_event e
            where e.fund_id = $1 and (e.occurred_at, e.sequence) <= ($2, case when $3 = 1 then $4 else -1 end)
            order by e.occurred_at desc, e.sequence desc limit 1""";
    private static final String MOVED_BETWEEN = """
            select coalesce(sum(signed_amount), 0) from fund_movement
            where fund_id = $1 and (occurred_at, id) > ($2, case when $3 = 0 then $4 else 9223372036854775807 end)
              and (occurred_at, id) <= ($5, case when $6 = 0 then $7 else 9223372036854775807 end)""";

    private final Pool pool;
    private final FundChainRepository chain;

    FundLedgerQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool, FundChainRepository chain) {
        this.pool = pool;
        this.chain = chain;
    }

    /** The entry of the fund's chain just before an event (a movement at the same time comes before it). */
    private static final String PREVIOUS = """
            select * from (
                (select e.occurred_at, 1 as ord, e.sequence as ref from liquidation_event e
                 where e.fund_id = $1 and (e.occurred_at, e.sequence) < ($2, $3)
                 order by e.occurred_at desc, e.sequence desc limit 1)
                union all
                (select m.occurred_at, 0, m.id from fund_movement m where m.fund_id = $1 and m.occurred_at <= $2
                 order by m.occurred_at desc, m.id desc limit 1)
            ) p order by occurred_at desc, ord desc, ref desc limit 1""";

    /**
     * The chain around an event: the entry before it (if any), the event, and the entries after
     * it, up to {@code limit} in all, with running and expected balances.
     */
    public Uni<List<FundChain.Link>> around(String fundId, OffsetDateTime occurredAt, long sequence, int limit) {
        return pool.preparedQuery(PREVIOUS).execute(Tuple.of(fundId, occurredAt, sequence)).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return page(fundId, Key.before(occurredAt), limit);
            }
            Row p = rows.iterator().next();
            // Just before the previous entry, so that the page starts with it.
            return page(fundId, new Key(p.getOffsetDateTime("occurred_at"), p.getInteger("ord"), p.getLong("ref") - 1), limit);
        });
    }

    public Uni<List<FundChain.Link>> page(String fundId, Key after, int limit) {
        if (after == null) {
            return elements(fundId, new Key(FundChainRepository.BEGINNING, 0, -1), limit).map(e -> FundChain.walk(false, null, e));
        }
        return pool.preparedQuery(ANCHOR_AT_OR_BEFORE).execute(Tuple.of(fundId, after.occurredAt(), after.order(), after.ref()))
                .chain(rows -> {
                    boolean hasAnchor = rows.iterator().hasNext();
                    Row anchor = hasAnchor ? rows.iterator().next() : null;
                    Key from = hasAnchor ? new Key(anchor.getOffsetDateTime("occurred_at"), 1, anchor.getLong("sequence"))
                            : new Key(FundChainRepository.BEGINNING, 0, -1);
                    BigDecimal base = !hasAnchor ? BigDecimal.ZERO
                            : anchor.getBoolean("known") ? anchor.getBigDecimal("after") : null;
                    return pool.preparedQuery(MOVED_BETWEEN)
                            .execute(Tuple.tuple().addValue(fundId).addValue(from.occurredAt()).addValue(from.order())
                                    .addValue(from.ref()).addValue(after.occurredAt()).addValue(after.order())
                                    .addValue(after.ref()))
                            .chain(moved -> {
                                BigDecimal sum = moved.iterator().next().getBigDecimal(0);
                                BigDecimal running = base == null ? null : base.add(sum);
                                return elements(fundId, after, limit).map(e -> FundChain.walk(true, running, e));
                            });
                });
    }

    private Uni<List<FundChain.Element>> elements(String fundId, Key after, int limit) {
        return chain.elementsAfter(pool, fundId, after.occurredAt(), after.order(), after.ref(), limit);
    }
}
