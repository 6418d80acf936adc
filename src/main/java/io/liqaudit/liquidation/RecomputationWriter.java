package io.liqaudit.liquidation;

import io.liqaudit.engine.DecimalText;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.Verdict;
import io.liqaudit.eventjson.EngineResultJson;
import io.liqaudit.standing.CurrentRecomputation;
import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.Arrays;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes recomputations for many events in one statement:
 * columns travel as arrays and are unnested by PostgreSQL, so a batch costs one round trip.
 */
public final class RecomputationWriter {

    /** Inserts the recomputations; the events' standing is the owner's (standing/EventStanding). */
    static final String INSERT = """
            insert into recomputation (event_sequence, engine_version, computed_at, run_id, verdict, finding_codes,
                outcome, mark_price, liquidation_price, bankruptcy_price, liquidated_quantity, total_fee, excess_equity,
                trader_return, insurance_fund_delta, bankruptcy_loss, adl_shortfall, output)
            select t.seq, t.version, $2, $3, t.verdict, string_to_array(t.codes, ','), t.outcome,
                   t.mark::numeric, t.lp::numeric, t.bp::numeric, t.lq::numeric, t.fee::numeric, t.excess::numeric,
                   t.ret::numeric, t.delta::numeric, t.loss::numeric, t.adl::numeric, t.output
            from unnest($1::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                        $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
                 as t(seq, version, verdict, codes, outcome, mark, lp, bp, lq, fee, excess, ret, delta, loss, adl, output)
            returning id, event_sequence, verdict, finding_codes
            """;

    private RecomputationWriter() {
    }

    /** Stores a recomputation per (sequence, result); answers them as stored, for the owner of standing to make current. */
    public static Uni<List<CurrentRecomputation>> write(SqlClient client, List<Long> sequences, List<EngineResult> results,
            OffsetDateTime at, Long runId) {
        return client.preparedQuery(INSERT).execute(parameters(sequences, results, at, runId)).map(rows -> {
            List<CurrentRecomputation> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new CurrentRecomputation(r.getLong("id"), r.getLong("event_sequence"),
                        Verdict.valueOf(r.getString("verdict")), Arrays.asList(r.getArrayOfStrings("finding_codes"))));
            }
            return out;
        });
    }

    /** Parameters of {@link #INSERT} for these (sequence, result) pairs. */
    private static Tuple parameters(List<Long> sequences, List<EngineResult> results, OffsetDateTime at, Long runId) {
        return Tuple.tuple()
                .addValue(sequences.toArray(Long[]::new))
                .addValue(at)
                .addValue(runId)
                .addValue(column(results, EngineResult::engineVersion))
                .addValue(column(results, r -> r.verdict().name()))
                .addValue(replayed(results, r -> r.findings().stream().map(f -> f.code().name()).distinct().sorted()
                        .collect(Collectors.joining(",")), ""))
                .addValue(replayed(results, r -> r.outcome() == null ? null : r.outcome().name(), null))
                .addValue(decimals(results, EngineResult.Replayed::markPrice))
                .addValue(decimals(results, EngineResult.Replayed::liquidationPrice))
                .addValue(decimals(results, EngineResult.Replayed::bankruptcyPrice))
                .addValue(decimals(results, EngineResult.Replayed::liquidatedQuantity))
                .addValue(decimals(results, EngineResult.Replayed::totalFee))
                .addValue(decimals(results, EngineResult.Replayed::excessEquity))
                .addValue(decimals(results, EngineResult.Replayed::traderReturn))
                .addValue(decimals(results, EngineResult.Replayed::insuranceFundDelta))
                .addValue(decimals(results, EngineResult.Replayed::bankruptcyLoss))
                .addValue(decimals(results, EngineResult.Replayed::adlShortfall))
                .addValue(column(results, r -> EngineResultJson.write(r).toString()));
    }

    private static String[] column(List<EngineResult> results, Function<EngineResult, String> f) {
        return results.stream().map(f).toArray(String[]::new);
    }

    /** A column of the replay's figures; {@code none} for an unverifiable result, which has no figures. */
    private static String[] replayed(List<EngineResult> results, Function<EngineResult.Replayed, String> f, String none) {
        return results.stream().map(r -> r.replayed().map(f).orElse(none)).toArray(String[]::new);
    }

    private static String[] decimals(List<EngineResult> results, Function<EngineResult.Replayed, BigDecimal> f) {
        return results.stream().map(r -> r.replayed().map(f).map(DecimalText::of).orElse(null)).toArray(String[]::new);
    }
}
