package io.liqaudit.reports;

import io.liqaudit.standing.PinnedRecomputation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.MerkleLogRepository;
import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The liquidation register's rows, pinned ({@link ReportSource.Pin}): events with
 * {@code sequence < treeSize}, each with its latest recomputation computed by the checkpoint's
 * signing time. Neither later events nor later re-verification runs change them. (The current
 * standing in event_status is not pinned: a late event can move a fund-chain flag.) Values in
 * the order of the definition's columns.
 */
@ApplicationScoped
public class RegisterQueries implements ReportSource {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();

    /** The register's rows after {@code afterSequence}, in log order. */
    static final String PAGE = """
            select e.sequence, e.recorded_at, e.venue, e.event_id, e.occurred_at, e.symbol, e.account_ref, e.fund_id, e.side,
                   e.margin_mode, e.policy_mode, e.fund_balance_before, r.engine_version, r.verdict, r.finding_codes, r.output,
                   r.outcome, r.mark_price, r.liquidation_price, r.bankruptcy_price, r.liquidated_quantity, r.total_fee,
                   r.excess_equity, r.trader_return, r.insurance_fund_delta, r.bankruptcy_loss, r.adl_shortfall
            from liquidation_event e
            %s
            where e.sequence < $2 and e.sequence > $3 and e.occurred_at >= $4 and e.occurred_at < $5
              and ($6::text is null or e.venue = $6)
            order by e.sequence limit $7""".formatted(PinnedRecomputation.lateral("$1"));

    private final Pool pool;
    private final MerkleLogRepository log;

    RegisterQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool, MerkleLogRepository log) {
        this.pool = pool;
        this.log = log;
    }

    /** How many rows the register of this scope and pin has. */
    @Override
    public Uni<Long> count(Pin pin, Scope scope) {
        return pool.preparedQuery("""
                        select count(*) from liquidation_event e where e.sequence < $1 and e.occurred_at >= $2
                          and e.occurred_at < $3 and ($4::text is null or e.venue = $4)""")
                .execute(Tuple.of(pin.treeSize(), scope.from(), scope.to(), scope.venue()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Up to {@code limit} rows after {@code afterSequence} (-1: from the first). */
    /** Pages of at most {@code limit} events, each page ending after its last event's sequence. */
    @Override
    public Uni<Page> next(Pin pin, Scope scope, long after, int limit) {
        return page(pin, scope, after, limit).map(rows -> new Page(rows, ReportSource.lastEvent(rows, limit)));
    }

    public Uni<List<List<Object>>> page(Pin pin, Scope scope, long afterSequence, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.tuple().addValue(pin.at()).addValue(pin.treeSize())
                        .addValue(afterSequence).addValue(scope.from()).addValue(scope.to()).addValue(scope.venue())
                        .addValue(limit))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return log.leafHashesHex(pool, list.stream().map(r -> r.getLong("sequence")).toList())
                            .map(leaves -> list.stream().map(r -> values(r, leaves)).toList());
                });
    }

    private static List<Object> values(Row r, Map<Long, String> leaves) {
        long sequence = r.getLong("sequence");
        List<Object> v = new ArrayList<>();
        v.add(sequence);
        v.add(leaves.get(sequence));
        v.add(Timestamps.format(r.getOffsetDateTime("recorded_at")));
        v.add(r.getString("venue"));
        v.add(r.getString("event_id"));
        v.add(Timestamps.format(r.getOffsetDateTime("occurred_at")));
        v.add(r.getString("symbol"));
        v.add(r.getString("account_ref"));
        v.add(r.getString("fund_id"));
        v.add(r.getString("side"));
        v.add(r.getString("margin_mode"));
        v.add(r.getString("policy_mode"));
        v.add(r.getBigDecimal("fund_balance_before"));
        v.add(r.getString("engine_version"));
        v.add(r.getString("verdict"));
        v.add(Arrays.asList(r.getArrayOfStrings("finding_codes")));
        v.add(differingFields(r.getString("output")));
        v.add(r.getString("outcome"));
        for (String c : new String[] {"mark_price", "liquidation_price", "bankruptcy_price", "liquidated_quantity", "total_fee",
            "excess_equity", "trader_return", "insurance_fund_delta", "bankruptcy_loss", "adl_shortfall"}) {
            v.add(r.getBigDecimal(c));
        }
        return v;
    }

    private static List<String> differingFields(String output) {
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode d : JSON.readTree(output).path("differences")) {
                out.add(d.path("field").asText());
            }
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored recomputation is unreadable", e);
        }
    }
}
