package io.liqaudit.standing;

import io.liqaudit.engine.Verdict;

import io.liqaudit.engine.DecimalText;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the disclosure rollups current: a batch's contributions are summed per rollup row in
 * memory, then added with one upsert per table, inside the batch's transaction.
 */
@ApplicationScoped
public class RollupRepository {

    private static final String ADD_DAILY = """
            insert into disclosure_daily as d
            select t.day, t.venue, t.symbol, t.fund, t.policy, t.events, t.partial, t.full_, t.none, t.notional::numeric,
                   t.fee::numeric, t.fee_to_fund::numeric, t.excess_events, t.excess_to_fund::numeric, t.excess_to_trader::numeric,
                   t.draw_events, t.draws::numeric, t.loss::numeric, t.adl_events, t.adl::numeric, t.consistent, t.discrepant,
                   t.unverifiable, t.distance_count, t.distance_sum::numeric, string_to_array(t.distance_hist, ',')::bigint[],
                   string_to_array(t.excess_hist, ',')::bigint[], t.mark_last_count, t.mark_last_sum::numeric
            from unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[],
                        $9::bigint[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::text[], $15::text[], $16::bigint[],
                        $17::text[], $18::text[], $19::bigint[], $20::text[], $21::bigint[], $22::bigint[], $23::bigint[],
                        $24::bigint[], $25::text[], $26::text[], $27::text[], $28::bigint[], $29::text[])
                 as t(day, venue, symbol, fund, policy, events, partial, full_, none, notional, fee, fee_to_fund, excess_events,
                      excess_to_fund, excess_to_trader, draw_events, draws, loss, adl_events, adl, consistent, discrepant,
                      unverifiable, distance_count, distance_sum, distance_hist, excess_hist, mark_last_count, mark_last_sum)
            on conflict (day, venue, symbol, fund_id, policy_mode) do update set
                events = d.events + excluded.events, partial_count = d.partial_count + excluded.partial_count,
                full_count = d.full_count + excluded.full_count, none_count = d.none_count + excluded.none_count,
                liquidated_notional = d.liquidated_notional + excluded.liquidated_notional,
                total_fee = d.total_fee + excluded.total_fee, fee_to_fund = d.fee_to_fund + excluded.fee_to_fund,
                excess_events = d.excess_events + excluded.excess_events,
                excess_to_fund = d.excess_to_fund + excluded.excess_to_fund,
                excess_to_trader = d.excess_to_trader + excluded.excess_to_trader,
                draw_events = d.draw_events + excluded.draw_events, fund_draws = d.fund_draws + excluded.fund_draws,
                bankruptcy_loss = d.bankruptcy_loss + excluded.bankruptcy_loss, adl_events = d.adl_events + excluded.adl_events,
                adl_shortfall = d.adl_shortfall + excluded.adl_shortfall, consistent = d.consistent + excluded.consistent,
                discrepant = d.discrepant + excluded.discrepant, unverifiable = d.unverifiable + excluded.unverifiable,
                distance_count = d.distance_count + excluded.distance_count,
                distance_sum_bps = d.distance_sum_bps + excluded.distance_sum_bps,
                distance_hist = array(select a + b from unnest(d.distance_hist, excluded.distance_hist) as h(a, b)),
                excess_hist = array(select a + b from unnest(d.excess_hist, excluded.excess_hist) as h(a, b)),
                mark_last_count = d.mark_last_count + excluded.mark_last_count,
                mark_last_sum_bps = d.mark_last_sum_bps + excluded.mark_last_sum_bps""";
    private static final String SET_BALANCE = """
            insert into disclosure_fund_balance as b (fund_id, day, last_at, last_sequence, balance_after)
            select t.f, t.d, t.a, t.s, t.b::numeric from unnest($1::text[], $2::date[], $3::timestamptz[], $4::bigint[], $5::text[]) as t(f, d, a, s, b)
            on conflict (fund_id, day) do update set last_at = excluded.last_at, last_sequence = excluded.last_sequence,
                balance_after = excluded.balance_after
            where (excluded.last_at, excluded.last_sequence) > (b.last_at, b.last_sequence)""";
    /** Each liquidation with a loss the fund (a draw) or ADL (a shortfall) took, for the largest-draws and shortfall tables. */
    private static final String ADD_LOSSES = """
            insert into disclosure_loss (sequence, fund_id, day, venue, symbol, draw, adl_shortfall)
            select t.q, t.f, t.d, t.v, t.s, t.a::numeric, t.adl::numeric
            from unnest($1::bigint[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(q, f, d, v, s, a, adl)""";

    /** One recorded event, as the rollups need it. */
    public record Recorded(long sequence, LiquidationEvent event, EngineResult result) {
    }

    /** A recorded event whose current figures are replaced (re-verification with another engine). */
    public record Revision(long sequence, LiquidationEvent event, Figures before, Figures after) {
    }

    private static final String DELETE_LOSSES = "delete from disclosure_loss where sequence = any($1::bigint[])";
    private static final String RESET_BALANCES = """
            insert into disclosure_fund_balance as b (fund_id, day, last_at, last_sequence, balance_after)
            select distinct on (t.f, t.d) t.f, t.d, e.occurred_at, e.sequence, e.fund_balance_before + e.insurance_fund_delta
            from unnest($1::text[], $2::date[]) as t(f, d)
            join current_event e on e.fund_id = t.f and e.occurred_at >= (t.d::timestamp at time zone 'UTC')
                 and e.occurred_at < ((t.d + 1)::timestamp at time zone 'UTC')
            where e.insurance_fund_delta is not null
            order by t.f, t.d, e.occurred_at desc, e.sequence desc
            on conflict (fund_id, day) do update set last_at = excluded.last_at, last_sequence = excluded.last_sequence,
                balance_after = excluded.balance_after""";

    /** The key of a {@code disclosure_daily} row. */
    public record DailyKey(LocalDate day, String venue, String symbol, String fundId, String policyMode) {
    }

    private static final String MOVE_VERDICTS = """
            update disclosure_daily d set consistent = d.consistent + t.c, discrepant = d.discrepant + t.d,
                unverifiable = d.unverifiable + t.u
            from unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[])
                 as t(day, venue, symbol, fund_id, policy_mode, c, d, u)
            where d.day = t.day and d.venue = t.venue and d.symbol = t.symbol and d.fund_id = t.fund_id
              and d.policy_mode = t.policy_mode
            """;

    /** How a day's verdict counts move as events' standings change: one event out of one count and into another. */
    public record VerdictMoves(long consistent, long discrepant, long unverifiable) {
        static VerdictMoves of(Verdict before, Verdict after) {
            return ZERO.with(before, -1).with(after, 1);
        }

        private static final VerdictMoves ZERO = new VerdictMoves(0, 0, 0);

        private VerdictMoves with(Verdict v, long n) {
            return switch (v) {
                case CONSISTENT -> new VerdictMoves(consistent + n, discrepant, unverifiable);
                case DISCREPANT -> new VerdictMoves(consistent, discrepant + n, unverifiable);
                case UNVERIFIABLE -> new VerdictMoves(consistent, discrepant, unverifiable + n);
            };
        }

        VerdictMoves plus(VerdictMoves o) {
            return new VerdictMoves(consistent + o.consistent, discrepant + o.discrepant, unverifiable + o.unverifiable);
        }

        boolean none() {
            return consistent == 0 && discrepant == 0 && unverifiable == 0;
        }
    }

    /** Moves events between the verdict counts of their days, as their standing changed. */
    Uni<Void> moveVerdicts(SqlClient client, Map<DailyKey, VerdictMoves> moves) {
        List<Map.Entry<DailyKey, VerdictMoves>> e = moves.entrySet().stream().filter(x -> !x.getValue().none()).toList();
        if (e.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(MOVE_VERDICTS).execute(Tuple.tuple()
                        .addValue(e.stream().map(x -> x.getKey().day()).toArray(LocalDate[]::new))
                        .addValue(e.stream().map(x -> x.getKey().venue()).toArray(String[]::new))
                        .addValue(e.stream().map(x -> x.getKey().symbol()).toArray(String[]::new))
                        .addValue(e.stream().map(x -> x.getKey().fundId()).toArray(String[]::new))
                        .addValue(e.stream().map(x -> x.getKey().policyMode()).toArray(String[]::new))
                        .addValue(e.stream().map(x -> x.getValue().consistent()).toArray(Long[]::new))
                        .addValue(e.stream().map(x -> x.getValue().discrepant()).toArray(Long[]::new))
                        .addValue(e.stream().map(x -> x.getValue().unverifiable()).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    Uni<Void> add(SqlClient client, List<Recorded> recorded) {
        if (recorded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<Contribution.Key, Totals> rows = new LinkedHashMap<>();
        for (Recorded r : recorded) {
            Contribution c = Contribution.of(r.event(), r.result());
            rows.computeIfAbsent(c.key(), k -> Totals.zero()).add(c.totals());
        }
        return addDaily(client, rows).chain(() -> setBalances(client, recorded)).chain(() -> addLosses(client, recorded.stream()
                .map(r -> new Loss(r.sequence(), r.event(), Figures.of(r.result()))).filter(l -> l.figures().tookLoss()).toList()));
    }

    /**
     * Replaces events' figures in the rollups: takes each old contribution out and puts the new one
     * in, re-derives their draws, and recomputes the closing balances of the days they fall on
     * (call after the new recomputations are current).
     */
    Uni<Void> revise(SqlClient client, List<Revision> revisions) {
        if (revisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<Contribution.Key, Totals> rows = new LinkedHashMap<>();
        for (Revision r : revisions) {
            Contribution before = Contribution.of(r.event(), r.before());
            Contribution after = Contribution.of(r.event(), r.after());
            rows.computeIfAbsent(before.key(), k -> Totals.zero()).add(before.totals().negated());
            rows.computeIfAbsent(after.key(), k -> Totals.zero()).add(after.totals());
        }
        Long[] sequences = revisions.stream().map(Revision::sequence).toArray(Long[]::new);
        List<Loss> losses = revisions.stream().filter(r -> r.after().tookLoss())
                .map(r -> new Loss(r.sequence(), r.event(), r.after())).toList();
        List<Revision> days = revisions.stream().collect(Collectors.toMap(
                r -> r.event().insuranceFund().fundId() + "|" + r.event().occurredAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                r -> r, (a, b) -> a, LinkedHashMap::new)).values().stream().toList();
        return addDaily(client, rows)
                .chain(() -> client.preparedQuery(DELETE_LOSSES).execute(Tuple.of((Object) sequences)))
                .chain(() -> addLosses(client, losses))
                .chain(() -> client.preparedQuery(RESET_BALANCES).execute(Tuple.of(
                        days.stream().map(r -> r.event().insuranceFund().fundId()).toArray(String[]::new),
                        days.stream().map(r -> r.event().occurredAt().atOffset(ZoneOffset.UTC).toLocalDate()).toArray(LocalDate[]::new))))
                .replaceWithVoid();
    }

    private Uni<Void> addDaily(SqlClient client, Map<Contribution.Key, Totals> rows) {
        List<Map.Entry<Contribution.Key, Totals>> e = List.copyOf(rows.entrySet());
        Tuple p = Tuple.tuple()
                .addValue(e.stream().map(x -> x.getKey().day()).toArray(LocalDate[]::new))
                .addValue(keys(e, Contribution.Key::venue)).addValue(keys(e, Contribution.Key::symbol))
                .addValue(keys(e, Contribution.Key::fundId)).addValue(keys(e, Contribution.Key::policyMode))
                .addValue(counts(e, t -> t.events)).addValue(counts(e, t -> t.partial)).addValue(counts(e, t -> t.full))
                .addValue(counts(e, t -> t.none)).addValue(sums(e, t -> t.notional)).addValue(sums(e, t -> t.fee))
                .addValue(sums(e, t -> t.feeToFund)).addValue(counts(e, t -> t.excessEvents))
                .addValue(sums(e, t -> t.excessToFund)).addValue(sums(e, t -> t.excessToTrader))
                .addValue(counts(e, t -> t.drawEvents)).addValue(sums(e, t -> t.draws)).addValue(sums(e, t -> t.bankruptcyLoss))
                .addValue(counts(e, t -> t.adlEvents)).addValue(sums(e, t -> t.adlShortfall))
                .addValue(counts(e, t -> t.consistent)).addValue(counts(e, t -> t.discrepant))
                .addValue(counts(e, t -> t.unverifiable)).addValue(counts(e, t -> t.distanceCount))
                .addValue(sums(e, t -> t.distanceSumBps))
                .addValue(e.stream().map(x -> join(x.getValue().distanceHist)).toArray(String[]::new))
                .addValue(e.stream().map(x -> join(x.getValue().excessHist)).toArray(String[]::new))
                .addValue(counts(e, t -> t.markLastCount)).addValue(sums(e, t -> t.markLastSumBps));
        return client.preparedQuery(ADD_DAILY).execute(p).replaceWithVoid();
    }

    /** The day's closing balance of each fund: the balance after its latest event of that day. */
    private Uni<Void> setBalances(SqlClient client, List<Recorded> recorded) {
        Map<List<Object>, Recorded> latest = new HashMap<>();
        for (Recorded r : recorded) {
            if (!r.result().isVerifiable()) {
                continue;
            }
            OffsetDateTime at = r.event().occurredAt().atOffset(ZoneOffset.UTC);
            List<Object> key = List.of(r.event().insuranceFund().fundId(), at.toLocalDate());
            latest.merge(key, r, (a, b) -> a.event().occurredAt().isAfter(b.event().occurredAt()) ? a : b);
        }
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Recorded> rows = List.copyOf(latest.values());
        return client.preparedQuery(SET_BALANCE).execute(Tuple.tuple()
                        .addValue(rows.stream().map(r -> r.event().insuranceFund().fundId()).toArray(String[]::new))
                        .addValue(rows.stream().map(r -> r.event().occurredAt().atOffset(ZoneOffset.UTC).toLocalDate()).toArray(LocalDate[]::new))
                        .addValue(rows.stream().map(r -> r.event().occurredAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                        .addValue(rows.stream().map(Recorded::sequence).toArray(Long[]::new))
                        .addValue(rows.stream().map(r -> DecimalText.of(r.result().replayed().orElseThrow().insuranceFundBalanceAfter()))
                                .toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** An event with a loss the fund or ADL took, and its figures. */
    private record Loss(long sequence, LiquidationEvent event, Figures figures) {
    }

    private Uni<Void> addLosses(SqlClient client, List<Loss> losses) {
        if (losses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(ADD_LOSSES).execute(Tuple.tuple()
                        .addValue(losses.stream().map(Loss::sequence).toArray(Long[]::new))
                        .addValue(losses.stream().map(l -> l.event().insuranceFund().fundId()).toArray(String[]::new))
                        .addValue(losses.stream().map(l -> l.event().occurredAt().atOffset(ZoneOffset.UTC).toLocalDate())
                                .toArray(LocalDate[]::new))
                        .addValue(losses.stream().map(l -> l.event().venue()).toArray(String[]::new))
                        .addValue(losses.stream().map(l -> l.event().symbol()).toArray(String[]::new))
                        .addValue(losses.stream().map(l -> DecimalText.of(l.figures().draw())).toArray(String[]::new))
                        .addValue(losses.stream().map(l -> DecimalText.of(l.figures().shortfall())).toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static String[] keys(List<Map.Entry<Contribution.Key, Totals>> e, Function<Contribution.Key, String> f) {
        return e.stream().map(x -> f.apply(x.getKey())).toArray(String[]::new);
    }

    private static Long[] counts(List<Map.Entry<Contribution.Key, Totals>> e, Function<Totals, Long> f) {
        return e.stream().map(x -> f.apply(x.getValue())).toArray(Long[]::new);
    }

    private static String[] sums(List<Map.Entry<Contribution.Key, Totals>> e, Function<Totals, BigDecimal> f) {
        return e.stream().map(x -> DecimalText.of(f.apply(x.getValue()))).toArray(String[]::new);
    }

    private static String join(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
}
