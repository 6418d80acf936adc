package io.liqaudit.liquidation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.ledger.MerkleLogRepository;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.smallrye.mutiny.Uni;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads recorded events: one by identity, or a filtered page in descending log order. */
@ApplicationScoped
public class LiquidationQueries {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();

    /** A stored event with its log position and leaf, current standing and every recomputation, oldest first. */
    public record StoredEvent(String venue, String eventId, long sequence, String leafHash, String recordedAt, String recordedBy,
            String verdict, List<String> findingCodes, boolean fundBalanceDiscontinuity, JsonNode input,
            JsonNode recomputation, List<RecomputationView> recomputations) {
    }

    public record RecomputationView(long id, String engineVersion, String computedAt, Long runId, String verdict,
            JsonNode output) {
    }

    /** One row of a listing: identity, standing and the figures reconciliation needs. */
    public record EventSummary(String venue, String eventId, long sequence, String recordedAt, String occurredAt,
            String symbol, String accountRef, String fundId, String side, String marginMode, String policyMode,
            String verdict, List<String> findingCodes, String outcome, BigDecimal markPrice, BigDecimal liquidationPrice,
            BigDecimal bankruptcyPrice, BigDecimal liquidatedQuantity, BigDecimal totalFee, BigDecimal excessEquity,
            BigDecimal insuranceFundDelta, BigDecimal bankruptcyLoss, BigDecimal adlShortfall) {
    }

    private final Pool pool;

    private final MerkleLogRepository log;

    LiquidationQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool, MerkleLogRepository log) {
        this.pool = pool;
        this.log = log;
    }

    public Uni<Optional<StoredEvent>> find(String venue, String eventId) {
        return pool.preparedQuery("""
                        select e.sequence, e.venue, e.event_id, e.recorded_at, e.recorded_by, e.input,
                               e.verdict, e.finding_codes, e.fund_discontinuity, e.recomputation_id
                        from current_event e
                        where e.venue = $1 and e.event_id = $2""")
                .execute(Tuple.of(venue, eventId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<StoredEvent>empty());
                    }
                    Row e = rows.iterator().next();
                    long sequence = e.getLong("sequence");
                    return log.leafHashHex(pool, sequence).chain(leaf -> recomputations(sequence).map(history -> Optional.of(new StoredEvent(
                            e.getString("venue"), e.getString("event_id"), sequence, leaf.orElse(null),
                            Timestamps.format(e.getOffsetDateTime("recorded_at")), e.getString("recorded_by"),
                            e.getString("verdict"), Arrays.asList(e.getArrayOfStrings("finding_codes")),
                            e.getBoolean("fund_discontinuity"), parse(e.getString("input")),
                            history.stream().filter(h -> h.id() == e.getLong("recomputation_id")).findFirst()
                                    .map(RecomputationView::output).orElse(null),
                            history))));
                });
    }

    private Uni<List<RecomputationView>> recomputations(long sequence) {
        return pool.preparedQuery("select id, engine_version, computed_at, run_id, verdict, output "
                        + "from recomputation where event_sequence = $1 order by id")
                .execute(Tuple.of(sequence))
                .map(rows -> {
                    List<RecomputationView> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new RecomputationView(r.getLong("id"), r.getString("engine_version"),
                                Timestamps.format(r.getOffsetDateTime("computed_at")), r.getLong("run_id"),
                                r.getString("verdict"), parse(r.getString("output"))));
                    }
                    return out;
                });
    }

    /** Events matching the filter with sequence below {@code before} (null: from the newest), newest first. */
    public Uni<List<EventSummary>> list(EventFilter f, Long before, int limit) {
        return pool.preparedQuery("""
                        select e.sequence, e.venue, e.event_id, e.recorded_at, e.occurred_at, e.symbol, e.account_ref,
                               e.fund_id, e.side, e.margin_mode, e.policy_mode, e.verdict, e.finding_codes, e.outcome,
                               e.mark_price, e.liquidation_price, e.bankruptcy_price, e.liquidated_quantity, e.total_fee,
                               e.excess_equity, e.insurance_fund_delta, e.bankruptcy_loss, e.adl_shortfall
                        from current_event e
                        where ($1::bigint is null or e.sequence < $1)
                          and ($2::text is null or e.venue = $2)
                          and ($3::text is null or e.symbol = $3)
                          and ($4::text is null or e.account_ref = $4)
                          and ($5::text is null or e.fund_id = $5)
                          and ($6::text is null or e.verdict = $6)
                          and ($7::text is null or e.finding_codes @> array[$7::text])
                          and ($8::timestamptz is null or e.occurred_at >= $8)
                          and ($9::timestamptz is null or e.occurred_at < $9)
                        order by e.sequence desc
                        limit $10""")
                .execute(Tuple.tuple().addValue(before).addValue(f.venue()).addValue(f.symbol()).addValue(f.accountRef())
                        .addValue(f.fundId()).addValue(f.verdict()).addValue(f.finding()).addValue(f.from())
                        .addValue(f.to()).addValue(limit))
                .map(rows -> {
                    List<EventSummary> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new EventSummary(r.getString("venue"), r.getString("event_id"), r.getLong("sequence"),
                                Timestamps.format(r.getOffsetDateTime("recorded_at")),
                                Timestamps.format(r.getOffsetDateTime("occurred_at")), r.getString("symbol"),
                                r.getString("account_ref"), r.getString("fund_id"), r.getString("side"),
                                r.getString("margin_mode"), r.getString("policy_mode"), r.getString("verdict"),
                                Arrays.asList(r.getArrayOfStrings("finding_codes")), r.getString("outcome"),
                                r.getBigDecimal("mark_price"), r.getBigDecimal("liquidation_price"),
                                r.getBigDecimal("bankruptcy_price"), r.getBigDecimal("liquidated_quantity"),
                                r.getBigDecimal("total_fee"), r.getBigDecimal("excess_equity"),
                                r.getBigDecimal("insurance_fund_delta"), r.getBigDecimal("bankruptcy_loss"),
                                r.getBigDecimal("adl_shortfall")));
                    }
                    return out;
                });
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json); // exact: the driver's own JSON decoding turns fractions into binary floating point
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
