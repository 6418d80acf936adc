package io.liqaudit.fund;

import io.liqaudit.standing.ChainFlag;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a fund's chain from PostgreSQL and finds which events' discontinuity flags
 * {@link FundChain} now derives differently (the owner of standing stores them). Re-evaluation after new arrivals starts at the last event before
 * the earliest arrival, so in-order ingest touches only the new tail of the chain.
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
    /** The last event of a fund strictly before a time: the anchor from which to re-walk. */
    static final String ANCHOR_BEFORE = """
            select e.occurred_at, e.sequence, e.fund_balance_before as stated, e.insurance_fund_delta as delta
            from current_event e
            where e.fund_id = $1 and e.occurred_at < $2
            order by e.occurred_at desc, e.sequence desc limit 1
            """;
    /** Before any element: where a walk from the start of a fund begins. */
    public static final OffsetDateTime BEGINNING = OffsetDateTime.parse("0001-01-01T00:00:00Z");

    /**
     * Re-walks each fund's chain from the last event before its earliest new element and answers
     * the events whose discontinuity flag changed (the owner of standing stores them).
     */
    public Uni<List<ChainFlag>> rewalkAfter(SqlClient client, Map<String, OffsetDateTime> earliestByFund) {
        return Multi.createFrom().iterable(earliestByFund.entrySet())
                .onItem().transformToUniAndConcatenate(e -> rewalk(client, e.getKey(), e.getValue()))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<List<ChainFlag>> rewalk(SqlClient client, String fundId, OffsetDateTime from) {
        return client.preparedQuery(ANCHOR_BEFORE).execute(Tuple.of(fundId, from)).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return loaded(client, fundId, BEGINNING, 0, -1)
                        .map(loaded -> changed(loaded, FundChain.walk(false, null, elements(loaded))));
            }
            Row anchor = rows.iterator().next();
            BigDecimal delta = anchor.getBigDecimal("delta");
            BigDecimal after = delta == null ? null : anchor.getBigDecimal("stated").add(delta);
            return loaded(client, fundId, anchor.getOffsetDateTime("occurred_at"), 1, anchor.getLong("sequence"))
                    .map(loaded -> changed(loaded, FundChain.walk(true, after, elements(loaded))));
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

    private Uni<List<Loaded>> loaded(SqlClient client, String fundId, OffsetDateTime at, int ord, long ref) {
        return loaded(client, fundId, at, ord, ref, null);
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

    /** The flags that changed; an unchanged tail costs no write. */
    private static List<ChainFlag> changed(List<Loaded> loaded, List<FundChain.Link> links) {
        List<ChainFlag> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            FundChain.Link link = links.get(i);
            if (link.element().kind() == FundChain.Kind.EVENT && link.discontinuity() != loaded.get(i).flagged()) {
                out.add(new ChainFlag(link.element().ref(), link.discontinuity()));
            }
        }
        return out;
    }
}
