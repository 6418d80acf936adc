package io.liqaudit.liquidation;

import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.http.Cursor;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Searches recorded events, a page after a keyset position at a time (the CSV export reads the
 * whole result so, page after page). The statement holds a predicate only for each filter given, so that
 * PostgreSQL plans each combination with the index that serves it (a catch-all "$1 is null or …"
 * statement is planned once for every combination, and took 664 ms for venue + verdict + month
 * over a million events).
 */
@ApplicationScoped
public class EventSearchQueries {

    /** One row of a search: identity, standing and the figures reconciliation needs. */
    public record EventSummary(String venue, String eventId, long sequence, String recordedAt, String occurredAt,
            String symbol, String accountRef, String fundId, String side, String marginMode, String policyMode,
            String verdict, List<String> findingCodes, List<String> differingFields, BigDecimal amountAtStake, String outcome,
            BigDecimal markPrice, BigDecimal liquidationPrice, BigDecimal bankruptcyPrice, BigDecimal liquidatedQuantity,
            BigDecimal totalFee, BigDecimal excessEquity, BigDecimal insuranceFundDelta, BigDecimal bankruptcyLoss,
            BigDecimal adlShortfall) {
    }

    /**
     * Where a page ends in its order: the sort key of its last row (occurredAt or amount at stake as
     * text; null in log order) and that row's sequence, which breaks ties.
     */
    public record Position(String key, long sequence) {

        /** Where a page whose last row is {@code last} ends, in {@code sort}'s order. */
        public static Position after(EventSort sort, EventSummary last) {
            return switch (sort) {
                case RECORDED -> new Position(null, last.sequence());
                case TIME -> new Position(last.occurredAt(), last.sequence());
                case AMOUNT -> new Position(last.amountAtStake().toPlainString(), last.sequence());
            };
        }

        /** The cursor a client sends back for the next page. */
        public String cursor() {
            return key == null ? Cursor.encode(String.valueOf(sequence)) : Cursor.encode(key, String.valueOf(sequence));
        }

        /** A position from a cursor's two parts, when they are what {@code sort} writes. */
        static Optional<Position> parse(EventSort sort, List<String> parts) {
            try {
                long sequence = Long.parseLong(parts.get(1));
                String key = parts.get(0);
                if (sort == EventSort.TIME) {
                    Instant.parse(key);
                } else {
                    new BigDecimal(key);
                }
                return sequence < 0 ? Optional.empty() : Optional.of(new Position(key, sequence));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** A page of a search and the position after it, null when it is the last. */
    public record Page(List<EventSummary> items, Position next) {
    }

    private final Pool pool;

    EventSearchQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code size} events after {@code after} (null: from the start) in the search's order. */
    public Uni<Page> page(EventSearch search, Position after, int size) {
        Statement st = statement(search, after, size + 1);
        return pool.preparedQuery(st.sql()).execute(st.args()).map(rows -> {
            List<EventSummary> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(summary(r));
            }
            boolean more = out.size() > size;
            List<EventSummary> items = more ? out.subList(0, size) : out;
            return new Page(items, more ? Position.after(search.sort(), items.get(items.size() - 1)) : null);
        });
    }

    /** The values the search form offers to pick from: venues, symbols and funds that have events. */
    public record PickLists(List<String> venues, List<String> symbols, List<String> funds) {
    }

    /** Read from the daily rollup (one row per day, venue, symbol, fund and policy), not from a million events. */
    public Uni<PickLists> pickLists() {
        return pool.query("""
                        select 'v' as kind, venue as value from disclosure_daily group by venue
                        union all select 's', symbol from disclosure_daily group by symbol
                        union all select 'f', fund_id from disclosure_daily group by fund_id
                        order by 1, 2""")
                .execute().map(rows -> {
                    List<String> venues = new ArrayList<>();
                    List<String> symbols = new ArrayList<>();
                    List<String> funds = new ArrayList<>();
                    for (Row r : rows) {
                        switch (r.getString(0)) {
                            case "v" -> venues.add(r.getString(1));
                            case "s" -> symbols.add(r.getString(1));
                            default -> funds.add(r.getString(1));
                        }
                    }
                    return new PickLists(venues, symbols, funds);
                });
    }

    record Statement(String sql, Tuple args) {
    }

    /** The statement for a search: a predicate per filter given, the keyset condition, the order. */
    static Statement statement(EventSearch s, Position after, int limit) {
        List<String> where = new ArrayList<>();
        Tuple args = Tuple.tuple();
        equal(where, args, "e.venue", s.venue());
        equal(where, args, "e.symbol", s.symbol());
        equal(where, args, "e.account_ref", s.accountRef());
        equal(where, args, "e.fund_id", s.fundId());
        equal(where, args, "e.event_id", s.eventId());
        equal(where, args, "e.verdict", s.verdict() == null ? null : s.verdict().name());
        equal(where, args, "e.policy_mode", s.policy() == null ? null : s.policy().name());
        equal(where, args, "e.margin_mode", s.marginMode() == null ? null : s.marginMode().name());
        equal(where, args, "e.outcome", s.outcome() == null ? null : s.outcome().name());
        if (s.finding() != null) {
            args.addValue(s.finding());
            where.add("e.finding_codes @> array[$" + args.size() + "::text]");
        }
        if (s.differingField() != null) {
            args.addValue(s.differingField());
            where.add("e.differing_fields @> array[$" + args.size() + "::text]");
        }
        if (s.from() != null) {
            args.addValue(s.from());
            where.add("e.occurred_at >= $" + args.size());
        }
        if (s.to() != null) {
            args.addValue(s.to());
            where.add("e.occurred_at < $" + args.size());
        }
        int timeBounds = (s.from() == null ? 0 : 1) + (s.to() == null ? 0 : 1);
        String order = switch (s.sort()) {
            case RECORDED -> "e.sequence desc";
            case TIME -> "e.occurred_at desc, e.sequence desc";
            // Walking the amount index and filtering as it goes is fast when matches are spread over
            // all amounts, and slow when they sit at one end of it: amounts follow prices, which drift
            // over time, so a time range plus another filter found its 50 after a million rows (9 s
            // over the demo million). There, "+ 0" makes the order unindexable: the filters' indexes
            // find the matches and those are sorted, costing what the range holds (bench/README).
            case AMOUNT -> (timeBounds > 0 && where.size() > timeBounds ? "e.amount_at_stake + 0" : "e.amount_at_stake")
                    + " desc, e.sequence desc";
        };
        if (after != null) {
            switch (s.sort()) {
                case RECORDED -> {
                    args.addValue(after.sequence());
                    where.add("e.sequence < $" + args.size());
                }
                case TIME -> {
                    args.addValue(OffsetDateTime.ofInstant(Instant.parse(after.key()), ZoneOffset.UTC)).addValue(after.sequence());
                    where.add("(e.occurred_at, e.sequence) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
                }
                case AMOUNT -> {
                    args.addValue(Numeric.create(new BigDecimal(after.key()))).addValue(after.sequence());
                    where.add("(e.amount_at_stake, e.sequence) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
                }
            }
        }
        args.addValue(limit);
        String sql = """
                select e.sequence, e.venue, e.event_id, e.recorded_at, e.occurred_at, e.symbol, e.account_ref,
                       e.fund_id, e.side, e.margin_mode, e.policy_mode, e.verdict, e.finding_codes, e.differing_fields,
                       e.amount_at_stake, e.outcome, e.mark_price, e.liquidation_price, e.bankruptcy_price,
                       e.liquidated_quantity, e.total_fee, e.excess_equity, e.insurance_fund_delta, e.bankruptcy_loss,
                       e.adl_shortfall
                from current_event e
                """ + (where.isEmpty() ? "" : "where " + String.join(" and ", where) + "\n")
                + "order by " + order + "\nlimit $" + args.size();
        return new Statement(sql, args);
    }

    private static void equal(List<String> where, Tuple args, String column, String value) {
        if (value != null) {
            args.addValue(value);
            where.add(column + " = $" + args.size());
        }
    }

    private static EventSummary summary(Row r) {
        return new EventSummary(r.getString("venue"), r.getString("event_id"), r.getLong("sequence"),
                Timestamps.format(r.getOffsetDateTime("recorded_at")), Timestamps.format(r.getOffsetDateTime("occurred_at")),
                r.getString("symbol"), r.getString("account_ref"), r.getString("fund_id"), r.getString("side"),
                r.getString("margin_mode"), r.getString("policy_mode"), r.getString("verdict"),
                Arrays.asList(r.getArrayOfStrings("finding_codes")),
                // the any-step forms are for finding events, not facts of the event
                Arrays.stream(r.getArrayOfStrings("differing_fields")).filter(f -> !f.contains("[*]")).toList(),
                r.getBigDecimal("amount_at_stake"), r.getString("outcome"), r.getBigDecimal("mark_price"),
                r.getBigDecimal("liquidation_price"), r.getBigDecimal("bankruptcy_price"),
                r.getBigDecimal("liquidated_quantity"), r.getBigDecimal("total_fee"), r.getBigDecimal("excess_equity"),
                r.getBigDecimal("insurance_fund_delta"), r.getBigDecimal("bankruptcy_loss"), r.getBigDecimal("adl_shortfall"));
    }
}
