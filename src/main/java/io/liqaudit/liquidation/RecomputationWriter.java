package io.liqaudit.liquidation;

import io.liqaudit.engine.DecimalText;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.eventjson.EngineResultJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes recomputations (and the events' current status) for many events in one statement:
 * columns travel as arrays and are unnested by PostgreSQL, so a batch costs one round trip.
 */
public final class RecomputationWriter {

    /** Inserts the recomputations and points each event's status at its new one. */
    static final String INSERT = """
            with r as (
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
            ), previous as (
                select s.event_sequence, s.engine_verdict, s.fund_discontinuity from event_status s
                where s.event_sequence = any($1::bigint[])
            ), upserted as (
                insert into event_status (event_sequence, recomputation_id, engine_verdict, fund_discontinuity, verdict, finding_codes)
                select r.event_sequence, r.id, r.verdict, coalesce(p.fund_discontinuity, false),
                       case when r.verdict = 'CONSISTENT' and coalesce(p.fund_discontinuity, false) then 'DISCREPANT' else r.verdict end,
                       r.finding_codes || case when coalesce(p.fund_discontinuity, false)
                                               then array['FUND_BALANCE_DISCONTINUITY'] else array[]::text[] end
                from r left join previous p on p.event_sequence = r.event_sequence
                on conflict (event_sequence) do update set recomputation_id = excluded.recomputation_id,
                    engine_verdict = excluded.engine_verdict, verdict = excluded.verdict, finding_codes = excluded.finding_codes
                returning event_sequence
            )
            select count(*) filter (where p.engine_verdict is distinct from r.verdict and p.event_sequence is not null) as changed
            from r left join previous p on p.event_sequence = r.event_sequence
            """;

    private RecomputationWriter() {
    }

    /**
     * Stores a recomputation per (sequence, result) and makes it each event's current one,
     * keeping its fund-chain finding. Answers how many events' engine verdicts changed.
     */
    public static Uni<Long> write(SqlClient client, List<Long> sequences, List<EngineResult> results, OffsetDateTime at,
            Long runId) {
        return client.preparedQuery(INSERT).execute(parameters(sequences, results, at, runId))
                .map(rows -> rows.iterator().next().getLong("changed"));
    }

    /** Parameters of {@link #INSERT} for these (sequence, result) pairs. */
    private static Tuple parameters(List<Long> sequences, List<EngineResult> results, OffsetDateTime at, Long runId) {
        return Tuple.tuple()
                .addValue(sequences.toArray(Long[]::new))
                .addValue(at)
                .addValue(runId)
                .addValue(column(results, EngineResult::engineVersion))
                .addValue(column(results, r -> r.verdict().name()))
                .addValue(column(results, r -> r.findings().stream().map(f -> f.code().name()).distinct().sorted()
                        .collect(Collectors.joining(","))))
                .addValue(column(results, r -> r.outcome() == null ? null : r.outcome().name()))
                .addValue(decimals(results, EngineResult::markPrice))
                .addValue(decimals(results, EngineResult::liquidationPrice))
                .addValue(decimals(results, EngineResult::bankruptcyPrice))
                .addValue(decimals(results, EngineResult::liquidatedQuantity))
                .addValue(decimals(results, EngineResult::totalFee))
                .addValue(decimals(results, EngineResult::excessEquity))
                .addValue(decimals(results, EngineResult::traderReturn))
                .addValue(decimals(results, EngineResult::insuranceFundDelta))
                .addValue(decimals(results, EngineResult::bankruptcyLoss))
                .addValue(decimals(results, EngineResult::adlShortfall))
                .addValue(column(results, r -> EngineResultJson.write(r).toString()));
    }

    private static String[] column(List<EngineResult> results, Function<EngineResult, String> f) {
        return results.stream().map(f).toArray(String[]::new);
    }

    private static String[] decimals(List<EngineResult> results, Function<EngineResult, BigDecimal> f) {
        return results.stream().map(f).map(v -> v == null ? null : DecimalText.of(v)).toArray(String[]::new);
    }
}
