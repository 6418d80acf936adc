package io.liqaudit.fund;

import io.liqaudit.standing.PinnedRecomputation;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
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
 * A fund's chain walked from its beginning as of a pin (events below a tree size with their
 * recomputations as of a time; movements recorded by then), a page at a time, into
 * {@link FundDays}: the fund-statement report's days and reconciliation's balances. Blocking:
 * called on worker threads.
 */
@ApplicationScoped
public class FundStatements {

    private static final int CHAIN_PAGE = 5000;

    /** One entry of the chain as walked, and the running balance after it (null when unknown). */
    public record Entry(String kind, OffsetDateTime occurredAt, long reference, BigDecimal amount, BigDecimal balanceAfter) {
    }

    /** Receives each entry walked. */
    public interface Entries {
        void entry(Entry entry);
    }

    /**
     * One fund's chain after a position (time, 0 for movements / 1 for events, id), in order. The
     * order is folded into each table's (time, id) bound, as FundChainRepository does, and each
     * branch takes only a page before they are merged, so a page costs a page: without the branch
     * limits each page sorted the whole remaining chain (a quarterly statement over a million
     * events took ten minutes).
     */
    private static final String CHAIN = """
            select * from (
                (select e.occurred_at, 1 as ord, e.sequence as ref, e.fund_balance_before as stated,
                        r.insurance_fund_delta as delta, r.total_fee, r.excess_equity, r.trader_return, r.bankruptcy_loss,
                        r.adl_shortfall, e.input::jsonb #>> '{policy,feeRecipient}' as fee_recipient, null as kind
                 from liquidation_event e
                 %s
                 where e.fund_id = $1 and e.sequence < $3 and e.occurred_at < $4
                   and (e.occurred_at, e.sequence) > ($5, case when $6 = 1 then $7 else -1 end)
                 order by e.occurred_at, e.sequence limit $8)
                union all
                (select m.occurred_at, 0, m.id, null, m.signed_amount, null, null, null, null, null, null, m.kind
                 from fund_movement m
                 where m.fund_id = $1 and m.recorded_at <= $2 and m.occurred_at < $4
                   and (m.occurred_at, m.id) > ($5, case when $6 = 1 then 9223372036854775807 else $7 end)
                 order by m.occurred_at, m.id limit $8)
            ) chain order by occurred_at, ord, ref limit $8""".formatted(PinnedRecomputation.lateral("$2"));

    private final Pool pool;

    FundStatements(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    /**
     * Walks the chain of {@code fundId} up to {@code until} (exclusive) as of the pin, into days
     * of [from, to); each entry also goes to {@code entries} (may be null).
     */
    public FundDays walk(String fundId, long treeSize, OffsetDateTime pinAt, LocalDate from, LocalDate to, OffsetDateTime until,
            Entries entries) {
        FundDays days = new FundDays(fundId, from, to);
        OffsetDateTime at = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int ord = -1;
        long ref = -1;
        while (true) {
            List<Row> chain = new ArrayList<>();
            pool.preparedQuery(CHAIN).execute(Tuple.tuple().addValue(fundId).addValue(pinAt).addValue(treeSize)
                            .addValue(until).addValue(at).addValue(ord).addValue(ref).addValue(CHAIN_PAGE))
                    .await().indefinitely().forEach(chain::add);
            for (Row r : chain) {
                OffsetDateTime when = r.getOffsetDateTime("occurred_at");
                LocalDate day = when.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                boolean event = r.getInteger("ord") == 1;
                if (event) {
                    days.event(r.getLong("ref"), day, r.getBigDecimal("stated"), r.getBigDecimal("delta"),
                            "INSURANCE_FUND".equals(r.getString("fee_recipient")) ? r.getBigDecimal("total_fee") : null,
                            r.getBigDecimal("excess_equity"), r.getBigDecimal("trader_return"), r.getBigDecimal("bankruptcy_loss"),
                            r.getBigDecimal("adl_shortfall"));
                } else {
                    days.movement(day, r.getString("kind"), r.getBigDecimal("delta"));
                }
                if (entries != null) {
                    entries.entry(new Entry(event ? "EVENT" : r.getString("kind"), when, r.getLong("ref"), r.getBigDecimal("delta"),
                            days.balance()));
                }
            }
            if (chain.size() < CHAIN_PAGE) {
                return days;
            }
            Row last = chain.get(chain.size() - 1);
            at = last.getOffsetDateTime("occurred_at");
            ord = last.getInteger("ord");
            ref = last.getLong("ref");
        }
    }
}
