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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * One recomputation as its columns travel: text, made from the result once — for ingest on
     * the request's thread, for a re-verification run on the threads that replay — so that
     * writing many costs the statement and nothing more.
     */
    public record Columns(String version, String verdict, String codes, String outcome, String mark, String lp, String bp,
            String lq, String fee, String excess, String ret, String delta, String loss, String adl, String output,
            List<String> differingFields) {

        public static Columns of(EngineResult r) {
            Optional<EngineResult.Replayed> p = r.replayed();
            return new Columns(r.engineVersion(), r.verdict().name(),
                    p.map(x -> x.findings().stream().map(f -> f.code().name()).distinct().sorted()
                            .collect(Collectors.joining(","))).orElse(""),
                    p.map(x -> x.outcome() == null ? null : x.outcome().name()).orElse(null),
                    decimal(p, EngineResult.Replayed::markPrice), decimal(p, EngineResult.Replayed::liquidationPrice),
                    decimal(p, EngineResult.Replayed::bankruptcyPrice), decimal(p, EngineResult.Replayed::liquidatedQuantity),
                    decimal(p, EngineResult.Replayed::totalFee), decimal(p, EngineResult.Replayed::excessEquity),
                    decimal(p, EngineResult.Replayed::traderReturn), decimal(p, EngineResult.Replayed::insuranceFundDelta),
                    decimal(p, EngineResult.Replayed::bankruptcyLoss), decimal(p, EngineResult.Replayed::adlShortfall),
                    EngineResultJson.text(r),
                    p.map(x -> x.differences().stream().map(EngineResult.Difference::field).toList()).orElse(List.of()));
        }

        private static String decimal(Optional<EngineResult.Replayed> p, Function<EngineResult.Replayed, BigDecimal> f) {
            return p.map(f).map(DecimalText::of).orElse(null);
        }
    }

    /** Stores a recomputation per (sequence, columns); answers them as stored, for the owner of standing to make current. */
    public static Uni<List<CurrentRecomputation>> write(SqlClient client, List<Long> sequences, List<Columns> columns,
            OffsetDateTime at, Long runId) {
        Map<Long, Columns> bySequence = new HashMap<>();
        for (int i = 0; i < sequences.size(); i++) {
            bySequence.put(sequences.get(i), columns.get(i));
        }
        return client.preparedQuery(INSERT).execute(parameters(sequences, columns, at, runId)).map(rows -> {
            List<CurrentRecomputation> out = new ArrayList<>();
            for (Row r : rows) {
                Columns c = bySequence.get(r.getLong("event_sequence"));
                out.add(new CurrentRecomputation(r.getLong("id"), r.getLong("event_sequence"),
                        Verdict.valueOf(r.getString("verdict")), Arrays.asList(r.getArrayOfStrings("finding_codes")),
                        c.differingFields(), c.delta() == null ? BigDecimal.ZERO : new BigDecimal(c.delta()).abs()));
            }
            return out;
        });
    }

    /** Parameters of {@link #INSERT} for these (sequence, columns) pairs. */
    private static Tuple parameters(List<Long> sequences, List<Columns> columns, OffsetDateTime at, Long runId) {
        return Tuple.tuple()
                .addValue(sequences.toArray(Long[]::new))
                .addValue(at)
                .addValue(runId)
                .addValue(column(columns, Columns::version))
                .addValue(column(columns, Columns::verdict))
                .addValue(column(columns, Columns::codes))
                .addValue(column(columns, Columns::outcome))
                .addValue(column(columns, Columns::mark))
                .addValue(column(columns, Columns::lp))
                .addValue(column(columns, Columns::bp))
                .addValue(column(columns, Columns::lq))
                .addValue(column(columns, Columns::fee))
                .addValue(column(columns, Columns::excess))
                .addValue(column(columns, Columns::ret))
                .addValue(column(columns, Columns::delta))
                .addValue(column(columns, Columns::loss))
                .addValue(column(columns, Columns::adl))
                .addValue(column(columns, Columns::output));
    }

    private static String[] column(List<Columns> columns, Function<Columns, String> f) {
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(columns.get(i));
        }
        return out;
    }
}
