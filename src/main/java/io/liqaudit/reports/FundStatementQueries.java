package io.liqaudit.reports;

import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The insurance-fund statement, pinned: for each fund of the scope's events and each UTC day of
 * the period with activity, the opening balance, the flows by type, the closing balance, ADL
 * shortfalls, events and continuity breaks, and whether opening + flows = closing. Each fund's
 * chain is walked from its beginning (events below the checkpoint's tree size with their
 * recomputations as of its signing time; movements recorded by then), a page at a time; one page
 * of this report is one fund.
 */
@ApplicationScoped
public class FundStatementQueries implements ReportSource {

    private static final int CHAIN_PAGE = 5000;

    /** The scope's funds in order; a page is the fund after {@code after} in this order (its index). */
    private static final String FUNDS = """
            select distinct e.fund_id from liquidation_event e
            where e.sequence < $1 and e.occurred_at >= $2 and e.occurred_at < $3 and ($4::text is null or e.venue = $4)
            order by 1""";

    /**
     * One fund's chain after a position (time, 0 for movements / 1 for events, id), in order: events
     * (pinned) and movements (recorded by the pin). The order is folded into each table's (time, id)
     * bound, as FundChainRepository does, and each branch takes only a page before they are merged,
     * so a page costs a page: without the branch limits each page sorted the whole remaining chain
     * (a quarterly statement over a million events took ten minutes).
     */
    private static final String CHAIN = """
            select * from (
                (select e.occurred_at, 1 as ord, e.sequence as ref, e.fund_balance_before as stated,
                        r.insurance_fund_delta as delta, r.total_fee, r.excess_equity, r.trader_return, r.bankruptcy_loss,
                        r.adl_shortfall, e.input::jsonb #>> '{policy,feeRecipient}' as fee_recipient, null as kind
                 from liquidation_event e
                 cross join lateral (select * from recomputation x where x.event_sequence = e.sequence and x.computed_at <= $2
                                     order by x.id desc limit 1) r
                 where e.fund_id = $1 and e.sequence < $3 and e.occurred_at < $4
                   and (e.occurred_at, e.sequence) > ($5, case when $6 = 1 then $7 else -1 end)
                 order by e.occurred_at, e.sequence limit $8)
                union all
                (select m.occurred_at, 0, m.id, null, m.signed_amount, null, null, null, null, null, null, m.kind
                 from fund_movement m
                 where m.fund_id = $1 and m.recorded_at <= $2 and m.occurred_at < $4
                   and (m.occurred_at, m.id) > ($5, case when $6 = 1 then 9223372036854775807 else $7 end)
                 order by m.occurred_at, m.id limit $8)
            ) chain order by occurred_at, ord, ref limit $8""";

    private final Pool pool;

    FundStatementQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    @Override
    public boolean eventRows() {
        return false;
    }

    /** Rows are days with activity; counted as the statement is walked, so the total is the number of funds × days at most. */
    @Override
    public Uni<Long> count(Pin pin, Scope scope) {
        return funds(pin, scope).map(funds -> (long) funds.size() * Math.max(1,
                java.time.Duration.between(scope.from(), scope.to()).toDays()));
    }

    /** Walks the next fund's chain, blocking: called on the worker thread that generates the package. */
    @Override
    public Uni<Page> next(Pin pin, Scope scope, long after, int limit) {
        return Uni.createFrom().item(() -> {
            List<String> funds = funds(pin, scope).await().indefinitely();
            int index = (int) after + 1;
            if (index >= funds.size()) {
                return new Page(List.of(), null);
            }
            return new Page(statement(funds.get(index), pin, scope), index + 1 < funds.size() ? (long) index : null);
        });
    }

    private Uni<List<String>> funds(Pin pin, Scope scope) {
        return pool.preparedQuery(FUNDS).execute(Tuple.of(pin.treeSize(), scope.from(), scope.to(), scope.venue()))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** Walks one fund's chain on this (worker) thread, page by page, and answers its days in the period. */
    private List<List<Object>> statement(String fundId, Pin pin, Scope scope) {
        FundDays days = new FundDays(fundId, scope.from().toLocalDate(), scope.to().toLocalDate());
        OffsetDateTime at = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int ord = -1;
        long ref = -1;
        while (true) {
            List<Row> chain = new ArrayList<>();
            pool.preparedQuery(CHAIN).execute(Tuple.tuple().addValue(fundId).addValue(pin.at()).addValue(pin.treeSize())
                            .addValue(scope.to()).addValue(at).addValue(ord).addValue(ref).addValue(CHAIN_PAGE))
                    .await().indefinitely().forEach(chain::add);
            for (Row r : chain) {
                LocalDate day = r.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                if (r.getInteger("ord") == 1) {
                    days.event(day, r.getBigDecimal("stated"), r.getBigDecimal("delta"),
                            "INSURANCE_FUND".equals(r.getString("fee_recipient")) ? r.getBigDecimal("total_fee") : null,
                            r.getBigDecimal("excess_equity"), r.getBigDecimal("trader_return"), r.getBigDecimal("bankruptcy_loss"),
                            r.getBigDecimal("adl_shortfall"));
                } else {
                    days.movement(day, r.getString("kind"), r.getBigDecimal("delta"));
                }
            }
            if (chain.size() < CHAIN_PAGE) {
                return days.rows();
            }
            Row last = chain.get(chain.size() - 1);
            at = last.getOffsetDateTime("occurred_at");
            ord = last.getInteger("ord");
            ref = last.getLong("ref");
        }
    }

    static BigDecimal zeroIfNull(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }
}
