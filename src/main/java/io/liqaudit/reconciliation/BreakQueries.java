package io.liqaudit.reconciliation;

import io.liqaudit.standing.PinnedRecomputation;
import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.Timestamps;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks as of a checkpoint: every difference the pinned recomputation of an event found between
 * what the venue reported and what the replay gives, one row per (event, field), in log order and
 * then in the recomputation's order, paged by that pair.
 */
@ApplicationScoped
public class BreakQueries {

    /** The breaks of the pinned recomputations of the scope's events; the scope's and field's predicates follow. */
    private static final String FROM = """
            from liquidation_event e
            %s
            cross join lateral jsonb_array_elements(r.output::jsonb -> 'differences') with ordinality as d(v, n)
            where e.sequence < $2 and r.verdict = 'DISCREPANT' and """.formatted(PinnedRecomputation.lateral("$1"));

    private static final String NUMBER = "'^-?[0-9]+(\\.[0-9]+)?$'";
    private static final String DIFFERENCE = "case when d.v ->> 'reported' ~ " + NUMBER + " and d.v ->> 'recomputed' ~ " + NUMBER
            + " then (d.v ->> 'recomputed')::numeric - (d.v ->> 'reported')::numeric end";

    private final Pool pool;

    BreakQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    /** The breaks after (sequence, n) — the event and the break's place among its differences — at most {@code limit}. */
    Uni<List<Break>> page(AsOf asOf, Scope scope, String fieldPattern, long afterSequence, long afterN, int limit) {
        List<Object> params = new ArrayList<>(List.of(asOf.at(), asOf.treeSize()));
        String where = where(scope, fieldPattern, params);
        params.addAll(List.of(afterSequence, afterN, limit));
        int n = params.size();
        return pool.preparedQuery("select e.sequence, e.venue, e.event_id, e.occurred_at, e.symbol, e.fund_id, d.n, "
                        + "d.v ->> 'field' as field, d.v ->> 'reported' as reported, d.v ->> 'recomputed' as recomputed, "
                        + DIFFERENCE + " as difference " + FROM + " " + where
                        + " and (e.sequence, d.n) > ($" + (n - 2) + ", $" + (n - 1) + ") order by e.sequence, d.n limit $" + n)
                .execute(Tuple.from(params))
                .map(rows -> {
                    List<Break> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Break(r.getLong("sequence"), r.getInteger("n"), r.getString("venue"), r.getString("event_id"),
                                Timestamps.format(r.getOffsetDateTime("occurred_at")), r.getString("symbol"), r.getString("fund_id"),
                                r.getString("field"), r.getString("reported"), r.getString("recomputed"),
                                r.getBigDecimal("difference")));
                    }
                    return out;
                });
    }

    /** Per field over the whole scope (not a page): how many breaks and their differences summed. */
    Uni<List<Break.FieldTotal>> totalsByField(AsOf asOf, Scope scope, String fieldPattern) {
        List<Object> params = new ArrayList<>(List.of(asOf.at(), asOf.treeSize()));
        String where = where(scope, fieldPattern, params);
        return pool.preparedQuery("select d.v ->> 'field' as field, count(*) as breaks, sum(" + DIFFERENCE + ") as difference "
                        + FROM + " " + where + " group by 1 order by 1")
                .execute(Tuple.from(params))
                .map(rows -> {
                    List<Break.FieldTotal> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Break.FieldTotal(r.getString("field"), r.getLong("breaks"), r.getBigDecimal("difference")));
                    }
                    return out;
                });
    }

    /** The scope's predicates and, when given, the field's, their values appended to {@code params}. */
    private static String where(Scope scope, String fieldPattern, List<Object> params) {
        String where = scope.where(params);
        if (fieldPattern == null) {
            return where;
        }
        params.add(fieldPattern);
        return where + " and d.v ->> 'field' ~ $" + params.size();
    }

    /** A (checked) field name as the pattern the query matches: exact, or any step for {@code steps[*].x}. */
    static String pattern(String field) {
        return field == null ? null : "^" + field.replace(".", "\\.").replace("[*]", "\u0000").replace("[", "\\[")
                .replace("]", "\\]").replace("\u0000", "\\[[0-9]+\\]") + "$";
    }
}
