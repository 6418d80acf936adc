package io.liqaudit.reports;

import io.liqaudit.standing.PinnedRecomputation;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.Verdict;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.platform.ReadPool;
import io.liqaudit.standing.Contribution;
import io.liqaudit.standing.Figures;
import io.liqaudit.standing.Totals;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Liquidation prices and excess equity per venue and contract, pinned. Each event's figures are
 * made by the rule the public disclosure's rollups use ({@link Contribution}), from the event as
 * recorded and its recomputation as of the checkpoint's signing time, and summed per (venue,
 * symbol): the rollups themselves are current, not pinned, so they cannot be the source. The
 * period's events are walked a page at a time; only the sums are kept. One page of this report
 * is all of it (its rows are few: one per venue and contract).
 */
@ApplicationScoped
public class LiquidationPriceQueries implements ReportSource {

    private static final int EVENT_PAGE = 5000;

    private static final String EVENTS = """
            select e.sequence, e.input, r.verdict, r.outcome, r.total_fee, r.excess_equity, r.trader_return, r.bankruptcy_loss,
                   r.adl_shortfall, r.liquidation_price, r.bankruptcy_price, r.insurance_fund_delta
            from liquidation_event e
            %s
            where e.sequence < $2 and e.sequence > $3 and e.occurred_at >= $4 and e.occurred_at < $5
              and ($6::text is null or e.venue = $6)
            order by e.sequence limit $7""".formatted(PinnedRecomputation.lateral("$1"));

    private final Pool pool;

    LiquidationPriceQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    @Override
    public boolean eventRows() {
        return false;
    }

    /** One row per venue and contract with events in the scope. */
    @Override
    public Uni<Long> count(Pin pin, Scope scope) {
        return pool.preparedQuery("""
                        select count(*) from (select distinct e.venue, e.symbol from liquidation_event e where e.sequence < $1
                          and e.occurred_at >= $2 and e.occurred_at < $3 and ($4::text is null or e.venue = $4)) s""")
                .execute(Tuple.of(pin.treeSize(), scope.from(), scope.to(), scope.venue()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Walks the scope's events, blocking: called on the worker thread that generates the package. */
    @Override
    public Uni<Page> next(Pin pin, Scope scope, long after, int limit) {
        return Uni.createFrom().item(() -> new Page(rows(pin, scope), null));
    }

    private List<List<Object>> rows(Pin pin, Scope scope) {
        Map<List<String>, Sums> groups = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        long after = -1;
        while (true) {
            List<Row> page = new ArrayList<>();
            pool.preparedQuery(EVENTS).execute(Tuple.tuple().addValue(pin.at()).addValue(pin.treeSize()).addValue(after)
                            .addValue(scope.from()).addValue(scope.to()).addValue(scope.venue()).addValue(EVENT_PAGE))
                    .await().indefinitely().forEach(page::add);
            for (Row r : page) {
                Contribution c = Contribution.of(EventJsonReader.storedEvent(r.getString("input")), figures(r));
                groups.computeIfAbsent(List.of(c.key().venue(), c.key().symbol()), k -> new Sums()).add(c.totals());
            }
            if (page.size() < EVENT_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).getLong("sequence");
        }
        List<List<Object>> out = new ArrayList<>();
        groups.forEach((key, sums) -> out.add(sums.row(key.get(0), key.get(1))));
        return out;
    }

    private static Figures figures(Row r) {
        String outcome = r.getString("outcome");
        return new Figures(Verdict.valueOf(r.getString("verdict")), outcome == null ? null : Outcome.valueOf(outcome),
                r.getBigDecimal("total_fee"), r.getBigDecimal("excess_equity"), r.getBigDecimal("trader_return"),
                r.getBigDecimal("bankruptcy_loss"), r.getBigDecimal("adl_shortfall"), r.getBigDecimal("liquidation_price"),
                r.getBigDecimal("bankruptcy_price"), r.getBigDecimal("insurance_fund_delta"));
    }

    /** One venue and contract's sums, and the largest single distance (the rollups keep no maximum). */
    private static final class Sums {
        private final Totals totals = Totals.zero();
        private BigDecimal maxDistance;

        void add(Totals event) {
            totals.add(event);
            if (event.distanceCount() > 0 && (maxDistance == null || event.distanceSumBps().compareTo(maxDistance) > 0)) {
                maxDistance = event.distanceSumBps();
            }
        }

        /** Values in the order of the definition's columns. */
        List<Object> row(String venue, String symbol) {
            Totals t = totals;
            List<Object> v = new ArrayList<>();
            v.add(venue);
            v.add(symbol);
            v.add(t.events());
            v.add(t.consistent());
            v.add(t.discrepant());
            v.add(t.unverifiable());
            v.add(t.full());
            v.add(t.partial());
            v.add(t.none());
            v.add(t.notional());
            v.add(t.fee());
            v.add(t.feeToFund());
            v.add(t.distanceCount());
            v.add(t.meanDistanceBps());
            v.add(t.distancePercentileBps(50));
            v.add(t.distancePercentileBps(95));
            v.add(maxDistance);
            v.add(t.excessEvents());
            v.add(t.excessToFund());
            v.add(t.excessToTrader());
            v.add(t.bankruptcyLoss());
            v.add(t.drawEvents());
            v.add(t.draws());
            v.add(t.adlEvents());
            v.add(t.adlShortfall());
            v.add(t.meanMarkLastBps());
            return v;
        }
    }
}
