package io.liqaudit.disclosure;

import io.liqaudit.standing.Totals;

import io.smallrye.mutiny.Uni;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the disclosure rollups (and the few small tables beside them); never scans events. */
@ApplicationScoped
public class DisclosureQueries {

    /** Rollup groupings a page may ask for; the SQL expression is never taken from a request. */
    public enum Group {
        ALL("'all'"), VENUE("venue"), SYMBOL("symbol"), FUND("fund_id"), POLICY("policy_mode"),
        POLICY_AND_VENUE("policy_mode || ' · ' || venue"), DAY("to_char(day, 'YYYY-MM-DD')"), MONTH("to_char(day, 'YYYY-MM')");

        final String sql;

        Group(String sql) {
            this.sql = sql;
        }
    }

    private static final String WHERE = " from disclosure_daily where day >= $1 and day < $2 and ($3::text is null or venue = $3)"
            + " and ($4::text is null or symbol = $4) and ($5::text[] is null or fund_id = any($5))";

    /** What the filters offer: the venues, symbols and funds with published liquidations (funds of the venue, when one is given). */
    public record Known(List<String> venues, List<String> symbols, List<String> funds) {

        /** These lists with the scope's own filters in them, so that a page never shows "all" while it filters. */
        Known including(Scope scope) {
            return new Known(with(venues, scope.venue()), with(symbols, scope.symbol()), with(funds, scope.fundId()));
        }

        private static List<String> with(List<String> list, String value) {
            if (value == null || list.contains(value)) {
                return list;
            }
            List<String> out = new ArrayList<>(list);
            out.add(value);
            out.sort(null);
            return out;
        }
    }

    /** Read from the daily rollup before {@code until} (a name first seen in a later day would tell of it early). */
    public Uni<Known> known(java.time.LocalDate until, String venue) {
        return pool.preparedQuery("""
                        select 'v' as kind, venue as value from disclosure_daily where day < $1 group by venue
                        union all select 's', symbol from disclosure_daily where day < $1 and ($2::text is null or venue = $2)
                                  group by symbol
                        union all select 'f', fund_id from disclosure_daily where day < $1 and ($2::text is null or venue = $2)
                                  group by fund_id
                        order by 1, 2""")
                .execute(Tuple.of(until, venue)).map(rows -> {
                    Map<String, List<String>> byKind = new TreeMap<>();
                    for (Row r : rows) {
                        byKind.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
                    }
                    return new Known(byKind.getOrDefault("v", List.of()), byKind.getOrDefault("s", List.of()),
                            byKind.getOrDefault("f", List.of()));
                });
    }

    public record BalancePoint(String day, BigDecimal balance) {
    }

    /** A liquidation on a fund's page: a draw on the fund or an ADL shortfall, with the event to open. */
    public record Draw(long sequence, String eventId, String day, String venue, String symbol, BigDecimal amount) {
    }

    public record MovementTotal(String kind, long count, BigDecimal amount) {
    }

    public record RegisterRow(long sequence, String eventId, String occurredAt, String venue, String symbol, String side,
            String marginMode, String policyMode, String outcome, BigDecimal liquidatedQuantity, BigDecimal liquidationPrice,
            BigDecimal bankruptcyPrice, BigDecimal totalFee, BigDecimal insuranceFundDelta, String verdict) {
    }

    private final Pool pool;

    DisclosureQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    private static Tuple scope(Scope s) {
        return Tuple.tuple().addValue(s.period().from()).addValue(s.period().to()).addValue(s.venue()).addValue(s.symbol())
                .addValue(s.fundFilter());
    }

    /** The funds of one currency in a scope, and how many liquidations they had; {@code code} null: not stated. */
    public record CurrencyShare(String code, long events, List<String> funds) {
    }

    /**
     * The currencies a scope's amounts are in (its funds' registered currencies), most liquidations
     * first: funds with liquidations in the scope, and without a venue or symbol filter also those
     * with movements only.
     */
    public Uni<List<CurrencyShare>> currencies(Scope scope) {
        return pool.preparedQuery("with used as (select fund_id, sum(events) n" + WHERE + " group by fund_id "
                        + "union all select fund_id, 0 from fund_movement where $3::text is null and $4::text is null "
                        + "and occurred_at >= ($1::date)::timestamp at time zone 'UTC' "
                        + "and occurred_at < ($2::date)::timestamp at time zone 'UTC' "
                        + "and ($5::text[] is null or fund_id = any($5)) group by fund_id) "
                        + "select f.currency, sum(u.n)::bigint n, array_agg(distinct u.fund_id order by u.fund_id) funds "
                        + "from used u join insurance_fund f using (fund_id) group by f.currency order by 2 desc, 1 nulls last")
                .execute(scope(scope))
                .map(rows -> {
                    List<CurrencyShare> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new CurrencyShare(r.getString("currency"), r.getLong("n"),
                            java.util.Arrays.asList(r.getArrayOfStrings("funds")))));
                    return out;
                });
    }

    /** Rollup totals per group over the scope, without histograms (the cheap figures). */
    public Uni<Map<String, Totals>> totals(Scope scope, Group group) {
        return totals(scope, group, false);
    }

    /** Rollup totals per group over the scope, with the distance and excess-equity histograms. */
    public Uni<Map<String, Totals>> totalsWithHistograms(Scope scope, Group group) {
        return totals(scope, group, true);
    }

    private Uni<Map<String, Totals>> totals(Scope scope, Group group, boolean withHistograms) {
        String scalars = "select " + group.sql + " as g, sum(events) events, sum(partial_count) partial, sum(full_count) full_, "
                + "sum(none_count) none_, sum(liquidated_notional) notional, sum(total_fee) fee, sum(fee_to_fund) fee_to_fund, "
                + "sum(excess_events) excess_events, sum(excess_to_fund) excess_to_fund, sum(excess_to_trader) excess_to_trader, "
                + "sum(draw_events) draw_events, sum(fund_draws) draws, sum(bankruptcy_loss) loss, sum(adl_events) adl_events, "
                + "sum(adl_shortfall) adl, sum(consistent) consistent, sum(discrepant) discrepant, sum(unverifiable) unverifiable, "
                + "sum(distance_count) distance_count, sum(distance_sum_bps) distance_sum, sum(mark_last_count) mark_last_count, "
                + "sum(mark_last_sum_bps) mark_last_sum" + WHERE + " group by 1 order by 1";
        // Histograms are summed here rather than by unnesting in SQL: a few thousand small arrays
        // cost less to add up in Java than hundreds of thousands of unnested rows in PostgreSQL.
        String histograms = "select " + group.sql + " as g, distance_hist, excess_hist" + WHERE;
        return pool.preparedQuery(scalars).execute(scope(scope)).chain(rows -> {
            Map<String, Totals> out = new TreeMap<>();
            for (Row r : rows) {
                Totals t = Totals.ofSummedRow(r);
                out.put(r.getString("g"), t);
            }
            if (out.isEmpty() || !withHistograms) {
                return Uni.createFrom().item(out);
            }
            return pool.preparedQuery(histograms).execute(scope(scope)).map(hist -> {
                for (Row r : hist) {
                    out.get(r.getString("g")).addHistograms(r.getArrayOfLongs("distance_hist"), r.getArrayOfLongs("excess_hist"));
                }
                return out;
            });
        });
    }

    /** A fund's balance at the end of the day before the period, and at the end of each day of it with any activity. */
    public record FundBalances(String openingDay, BigDecimal opening, BigDecimal firstStated, List<BalancePoint> days) {
    }

    /**
     * Each fund's daily closing balances over the period, movements included: the balance after its
     * last liquidation on or before the day (the rollup) plus the deposits, withdrawals and
     * transfers after that liquidation and before the day's end. Days with a liquidation or a
     * movement are listed; the day before the period is the opening. A fund first seen in the period
     * starts from zero plus its movements; the balance its first liquidation states beyond those is
     * {@code firstStated} (where the venue's record of the fund begins), so that it is not mistaken
     * for a break.
     */
    public Uni<Map<String, FundBalances>> balances(Scope scope) {
        return pool.preparedQuery("""
                        with active as (
                            select fund_id, day from disclosure_fund_balance
                            where day >= $1 and day < $2 and ($3::text[] is null or fund_id = any($3))
                            union
                            select fund_id, (occurred_at at time zone 'UTC')::date from fund_movement
                            where occurred_at >= ($1::date)::timestamp at time zone 'UTC'
                              and occurred_at < ($2::date)::timestamp at time zone 'UTC' and ($3::text[] is null or fund_id = any($3))
                        ), days as (
                            select fund_id, day from active
                            union
                            select distinct fund_id, $1::date - 1 from active
                        )
                        select d.fund_id, d.day, coalesce(b.balance_after, 0) + coalesce((select sum(m.signed_amount) from fund_movement m
                                   where m.fund_id = d.fund_id and m.occurred_at > coalesce(b.last_at, '-infinity'::timestamptz)
                                     and m.occurred_at < (d.day + 1)::timestamp at time zone 'UTC'), 0) as closing,
                               case when d.day = $1::date - 1 and b.balance_after is null then (
                                   select f.fund_balance_before - coalesce((select sum(m.signed_amount) from fund_movement m
                                          where m.fund_id = d.fund_id and m.occurred_at < f.occurred_at), 0)
                                   from liquidation_event f where f.fund_id = d.fund_id
                                     and f.occurred_at < ($2::date)::timestamp at time zone 'UTC'
                                   order by f.occurred_at, f.sequence limit 1) end as first_stated
                        from days d
                        left join lateral (select x.last_at, x.balance_after from disclosure_fund_balance x
                                           where x.fund_id = d.fund_id and x.day <= d.day order by x.day desc limit 1) b on true
                        order by 1, 2""")
                .execute(Tuple.of(scope.period().from(), scope.period().to(), scope.fundFilter()))
                .map(rows -> {
                    String openingDay = scope.period().from().minusDays(1).toString();
                    Map<String, FundBalances> out = new TreeMap<>();
                    for (Row r : rows) {
                        String fund = r.getString("fund_id");
                        String day = r.getLocalDate("day").toString();
                        BigDecimal closing = r.getBigDecimal("closing");
                        if (day.equals(openingDay)) {
                            out.put(fund, new FundBalances(openingDay, closing, r.getBigDecimal("first_stated"), new ArrayList<>()));
                        } else {
                            out.get(fund).days().add(new BalancePoint(day, closing));
                        }
                    }
                    return out;
                });
    }

    /** Each fund's bankruptcy-loss draws per day over the scope (days with draws only). */
    public Uni<Map<String, List<BalancePoint>>> dailyDraws(Scope scope) {
        return pool.preparedQuery("select fund_id, to_char(day, 'YYYY-MM-DD') as d, sum(fund_draws) as drawn" + WHERE
                        + " and fund_draws > 0 group by 1, 2 order by 1, 2")
                .execute(scope(scope))
                .map(rows -> {
                    Map<String, List<BalancePoint>> out = new TreeMap<>();
                    rows.forEach(r -> out.computeIfAbsent(r.getString("fund_id"), f -> new ArrayList<>())
                            .add(new BalancePoint(r.getString("d"), r.getBigDecimal("drawn"))));
                    return out;
                });
    }

    /** Which loss a fund's table lists, largest first: what the fund paid, or what it left to ADL. */
    public enum Loss {
        DRAW("draw"), ADL_SHORTFALL("adl_shortfall");

        private final String column;

        Loss(String column) {
            this.column = column;
        }
    }

    /** A fund's largest draws or ADL shortfalls over the scope (the partial indexes keep this to the few there are). */
    public Uni<List<Draw>> largest(Scope scope, String fundId, Loss loss, int limit) {
        return pool.preparedQuery("select l.sequence, e.event_id, l.day, l.venue, l.symbol, l." + loss.column + " as amount "
                        + "from disclosure_loss l join liquidation_event e on e.sequence = l.sequence where l.fund_id = $1 "
                        + "and l." + loss.column + " > 0 and l.day >= $2 and l.day < $3 and ($4::text is null or l.venue = $4) "
                        + "and ($5::text is null or l.symbol = $5) order by l." + loss.column + " desc, l.sequence limit $6")
                .execute(Tuple.tuple().addValue(fundId).addValue(scope.period().from()).addValue(scope.period().to())
                        .addValue(scope.venue()).addValue(scope.symbol()).addValue(limit))
                .map(rows -> {
                    List<Draw> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Draw(r.getLong("sequence"), r.getString("event_id"), r.getLocalDate("day").toString(),
                            r.getString("venue"), r.getString("symbol"), r.getBigDecimal("amount"))));
                    return out;
                });
    }

    public Uni<Map<String, List<MovementTotal>>> movements(Scope scope) {
        return pool.preparedQuery("select fund_id, kind, count(*) n, sum(amount) amount from fund_movement "
                        + "where occurred_at >= $1 and occurred_at < $2 and ($3::text[] is null or fund_id = any($3)) group by 1, 2 order by 1, 2")
                .execute(Tuple.of(start(scope.period().from()), start(scope.period().to()), scope.fundFilter()))
                .map(rows -> {
                    Map<String, List<MovementTotal>> out = new TreeMap<>();
                    rows.forEach(r -> out.computeIfAbsent(r.getString("fund_id"), f -> new ArrayList<>())
                            .add(new MovementTotal(r.getString("kind"), r.getLong("n"), r.getBigDecimal("amount"))));
                    return out;
                });
    }

    /** Balance continuity breaks per fund (the partial index keeps this to the few breaks there are). */
    public Uni<Map<String, Long>> discontinuities(Scope scope) {
        // Driven from the partial index of breaks (there are few), looked up by primary key: the planner
        // must not start from the events of the period, of which there may be millions.
        return pool.preparedQuery("select e.fund_id, count(*) n from liquidation_event e where e.sequence = any(array("
                        + "select event_sequence from event_status where fund_discontinuity)) and e.occurred_at >= $1 "
                        + "and e.occurred_at < $2 and ($3::text[] is null or e.fund_id = any($3)) group by 1")
                .execute(Tuple.of(start(scope.period().from()), start(scope.period().to()), scope.fundFilter()))
                .map(rows -> {
                    Map<String, Long> out = new TreeMap<>();
                    rows.forEach(r -> out.put(r.getString("fund_id"), r.getLong("n")));
                    return out;
                });
    }

    /** Per venue that published rules: how many of its events in the scope break them, by finding. */
    public record RuleBreaks(String venue, long mismatch, long unknownVersion, long notInForce) {
    }

    /**
     * Every venue that published rule sets (narrowed to the scope's venue), with its events of the
     * period that break them; driven from the partial index of breaking events (few).
     */
    public Uni<List<RuleBreaks>> ruleBreaks(Scope scope) {
        return pool.preparedQuery("""
                        select v.venue,
                               count(b.sequence) filter (where b.findings @> '[{"code":"RULES_MISMATCH"}]') as mismatch,
                               count(b.sequence) filter (where b.findings @> '[{"code":"RULE_VERSION_UNKNOWN"}]') as unknown,
                               count(b.sequence) filter (where b.findings @> '[{"code":"RULE_VERSION_NOT_IN_FORCE"}]') as not_in_force
                        from (select distinct venue from rule_set where $3::text is null or venue = $3) v
                        left join lateral (
                            select e.sequence, c.findings from rule_check c join liquidation_event e on e.sequence = c.event_sequence
                            where c.standing = 'BREAKS' and c.venue = v.venue and e.occurred_at >= $1 and e.occurred_at < $2
                              and ($4::text is null or e.symbol = $4) and ($5::text[] is null or e.fund_id = any($5))) b on true
                        group by v.venue order by v.venue""")
                .execute(Tuple.tuple().addValue(start(scope.period().from())).addValue(start(scope.period().to()))
                        .addValue(scope.venue()).addValue(scope.symbol()).addValue(scope.fundFilter()))
                .map(rows -> {
                    List<RuleBreaks> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new RuleBreaks(r.getString("venue"), r.getLong("mismatch"), r.getLong("unknown"),
                            r.getLong("not_in_force"))));
                    return out;
                });
    }

    /** Published liquidations (older than the register delay), newest first, pseudonymous: no account reference. */
    public Uni<List<RegisterRow>> register(Scope scope, OffsetDateTime publishedBefore, Long beforeSequence, int limit) {
        return pool.preparedQuery("""
                        select e.sequence, e.event_id, e.occurred_at, e.venue, e.symbol, e.side, e.margin_mode, e.policy_mode,
                               e.outcome,
                               e.liquidated_quantity, e.liquidation_price, e.bankruptcy_price, e.total_fee, e.insurance_fund_delta,
                               e.verdict
                        from current_event e
                        where e.occurred_at < $1 and e.occurred_at >= $2 and e.occurred_at < $3
                          and ($4::text is null or e.venue = $4) and ($5::text is null or e.symbol = $5)
                          and ($6::text[] is null or e.fund_id = any($6)) and ($7::bigint is null or e.sequence < $7)
                        order by e.sequence desc limit $8""")
                .execute(Tuple.tuple().addValue(publishedBefore).addValue(start(scope.period().from()))
                        .addValue(start(scope.period().to())).addValue(scope.venue()).addValue(scope.symbol())
                        .addValue(scope.fundFilter()).addValue(beforeSequence).addValue(limit))
                .map(rows -> {
                    List<RegisterRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new RegisterRow(r.getLong("sequence"), r.getString("event_id"),
                            io.liqaudit.platform.Timestamps.format(r.getOffsetDateTime("occurred_at")), r.getString("venue"),
                            r.getString("symbol"), r.getString("side"), r.getString("margin_mode"), r.getString("policy_mode"),
                            r.getString("outcome"), r.getBigDecimal("liquidated_quantity"), r.getBigDecimal("liquidation_price"),
                            r.getBigDecimal("bankruptcy_price"), r.getBigDecimal("total_fee"),
                            r.getBigDecimal("insurance_fund_delta"), r.getString("verdict"))));
                    return out;
                });
    }

    private static OffsetDateTime start(java.time.LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
