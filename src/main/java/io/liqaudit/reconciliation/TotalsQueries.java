package io.liqaudit.reconciliation;

import io.liqaudit.standing.PinnedRecomputation;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Totals as of a checkpoint, grouped: the events below its tree size with their recomputations as
 * of its signing time, summed exactly (numeric) in one statement. The notional is the events'
 * fills (quantity × price) of the events the engine could replay, as the disclosure counts it;
 * fees go to the fund or the venue by each event's policy. The input is parsed once per event:
 * without "offset 0" the planner inlines the lateral and re-parses it for each of the two dozen
 * figures that read it (one venue's month over a million events: 12.5 s, with it 1.5 s).
 */
@ApplicationScoped
public class TotalsQueries {

    /** At most this many groups per answer: more is a request to narrow, not a result to page. */
    static final int MAX_GROUPS = 20_000;

    private final Pool pool;

    TotalsQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    /**
     * The groups in key order; one more than {@link #MAX_GROUPS} when there are too many. Answered
     * from the fold when it stands at or before the checkpoint and the period is whole days (the
     * fold's rows plus what changed since, read in one snapshot), otherwise summed from the events.
     */
    Uni<List<Totals>> totals(AsOf asOf, List<Grouping> by, Scope scope) {
        return pool.withTransaction(conn -> conn.query("set transaction isolation level repeatable read").execute()
                .chain(() -> conn.query("select tree_size, signed_at from reconciliation_fold").execute())
                .chain(rows -> {
                    Row fold = rows.iterator().next();
                    long foldSize = fold.getLong("tree_size");
                    OffsetDateTime foldAt = fold.getOffsetDateTime("signed_at");
                    List<Object> params = new ArrayList<>(List.of(asOf.at(), asOf.treeSize()));
                    String sql;
                    if (scope.wholeDays() && foldSize <= asOf.treeSize() && !foldAt.isAfter(asOf.at())) {
                        boolean revisions = !foldAt.isEqual(asOf.at());
                        params.add(foldSize);
                        if (revisions) {
                            params.add(foldAt);
                        }
                        sql = foldedSql(by, scope.where(params), scope.whereFolded(params), revisions);
                    } else {
                        sql = sql(by, scope.where(params));
                    }
                    return conn.preparedQuery(sql).execute(Tuple.from(params));
                }))
                .map(rows -> groups(rows, by));
    }

    /** Summed from the events whatever the fold: what the fold must always agree with (TotalsFoldTest compares them). */
    Uni<List<Totals>> summed(AsOf asOf, List<Grouping> by, Scope scope) {
        List<Object> params = new ArrayList<>(List.of(asOf.at(), asOf.treeSize()));
        return pool.preparedQuery(sql(by, scope.where(params))).execute(Tuple.from(params)).map(rows -> groups(rows, by));
    }

    private static List<Totals> groups(Iterable<Row> rows, List<Grouping> by) {
        List<Totals> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(totals(r, by));
        }
        return out;
    }

    /**
     * Totals from the fold ($3 tree size, $4 signing time) to the checkpoint ($2, $1): the fold's
     * rows in scope plus {@link Measures#since}, grouped as asked; without {@code revisions} (the
     * fold was made as of the same signing time, and there is no $4) only the events recorded since.
     */
    static String foldedSql(List<Grouping> by, String scope, String foldedScope, boolean revisions) {
        String keys = IntStream.range(0, by.size()).mapToObj(i -> by.get(i).folded + " as g" + i).collect(Collectors.joining(", "));
        String positions = IntStream.rangeClosed(1, by.size()).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        String groupBy = by.isEmpty() ? "" : " group by " + positions + " having sum(c.events) > 0 order by " + positions;
        String since = revisions ? Measures.since("$3", "$4", "$2", "$1", scope) : Measures.recordedSince("$3", "$2", "$1", scope);
        return (revisions ? "with revised as (" + Measures.revised("$3", "$4", "$1") + "),\nc as (" : "with c as (")
                + "select " + Measures.KEY + ", " + Measures.columnList() + " from reconciliation_daily d where " + foldedScope
                + "\nunion all\n" + since + ")\nselect " + (keys.isEmpty() ? "" : keys + ", ")
                + Measures.totals() + "\nfrom c" + groupBy + " limit " + (MAX_GROUPS + 1);
    }

    static String sql(List<Grouping> by, String scope) {
        String keys = IntStream.range(0, by.size()).mapToObj(i -> by.get(i).sql + " as g" + i).collect(Collectors.joining(", "));
        StringBuilder figures = new StringBuilder();
        for (Figure f : Figure.values()) {
            figures.append(", sum(").append(f.recomputed).append(") as ").append(f.name().toLowerCase()).append("_rec")
                    .append(", sum(").append(f.reported).append(") as ").append(f.name().toLowerCase()).append("_rep")
                    .append(", sum(").append(f.recomputed).append(" - ").append(f.reported).append(") as ").append(f.name().toLowerCase())
                    .append("_diff");
        }
        String groupBy = by.isEmpty() ? "" : " group by " + IntStream.rangeClosed(1, by.size()).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ")) + " order by " + IntStream.rangeClosed(1, by.size())
                .mapToObj(String::valueOf).collect(Collectors.joining(", "));
        return "select " + (keys.isEmpty() ? "" : keys + ", ") + """
                count(*) as events, count(*) filter (where r.verdict = 'CONSISTENT') as consistent,
                count(*) filter (where r.verdict = 'DISCREPANT') as discrepant,
                count(*) filter (where r.verdict = 'UNVERIFIABLE') as unverifiable,
                coalesce(sum(n.notional) filter (where r.verdict <> 'UNVERIFIABLE'), 0) as notional,
                coalesce(sum(r.total_fee) filter (where j.i #>> '{policy,feeRecipient}' = 'INSURANCE_FUND'), 0) as fees_to_fund,
                coalesce(sum(r.total_fee) filter (where j.i #>> '{policy,feeRecipient}' = 'VENUE'), 0) as fees_to_venue"""
                + figures + """

                from liquidation_event e
                %s
                cross join lateral (select e.input::jsonb as i offset 0) j
                cross join lateral (select sum((f ->> 'quantity')::numeric * (f ->> 'price')::numeric) as notional
                                    from jsonb_array_elements(j.i -> 'fills') f) n
                where e.sequence < $2 and """.formatted(PinnedRecomputation.lateral("$1")) + " " + scope + groupBy + " limit " + (MAX_GROUPS + 1);
    }

    private static Totals totals(Row r, List<Grouping> by) {
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < by.size(); i++) {
            key.put(by.get(i).parameter, r.getString("g" + i));
        }
        Map<String, Totals.Sums> figures = new LinkedHashMap<>();
        for (Figure f : Figure.values()) {
            String column = f.name().toLowerCase();
            figures.put(f.field, new Totals.Sums(plain(r.getBigDecimal(column + "_rec")), plain(r.getBigDecimal(column + "_rep")),
                    plain(r.getBigDecimal(column + "_diff"))));
        }
        return new Totals(key, r.getLong("events"), r.getLong("consistent"), r.getLong("discrepant"), r.getLong("unverifiable"),
                plain(r.getBigDecimal("notional")), plain(r.getBigDecimal("fees_to_fund")), plain(r.getBigDecimal("fees_to_venue")),
                figures);
    }

    /**
     * A sum without the trailing zeros its scale carries: the events' sum and the fold's (which may
     * have held, then given back, a figure with more decimals) are the same number, written one way.
     */
    private static BigDecimal plain(BigDecimal d) {
        return d == null ? null : d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
}
