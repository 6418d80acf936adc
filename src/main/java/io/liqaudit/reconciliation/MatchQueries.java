package io.liqaudit.reconciliation;

import io.liqaudit.standing.PinnedRecomputation;
import io.liqaudit.engine.DecimalText;
import io.liqaudit.platform.ReadPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What matching reads of the record, as of a checkpoint: events by identity, and the events of a scope. */
@ApplicationScoped
public class MatchQueries {

    static final int PAGE = 5000;

    private final Pool pool;

    MatchQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    static String key(String venue, String eventId) {
        return venue + '\u0000' + eventId;
    }

    /** Our recomputed settlement fields of the lines' events that the checkpoint covers, by {@link #key}. */
    Uni<Map<String, Map<MatchField, String>>> ours(AsOf asOf, List<Match.Line> lines) {
        StringBuilder columns = new StringBuilder();
        for (MatchField f : MatchField.values()) {
            columns.append(", r.").append(f.column);
        }
        return pool.preparedQuery("select e.venue, e.event_id" + columns + """
                         from liquidation_event e
                        join unnest($1::text[], $2::text[]) as k(venue, event_id) on e.venue = k.venue and e.event_id = k.event_id
                        %s
                        where e.sequence < $4""".formatted(PinnedRecomputation.lateral("$3")))
                .execute(Tuple.tuple().addValue(lines.stream().map(Match.Line::venue).toArray(String[]::new))
                        .addValue(lines.stream().map(Match.Line::eventId).toArray(String[]::new)).addValue(asOf.at())
                        .addValue(asOf.treeSize()))
                .map(rows -> {
                    Map<String, Map<MatchField, String>> out = new HashMap<>();
                    for (Row r : rows) {
                        Map<MatchField, String> values = new EnumMap<>(MatchField.class);
                        for (MatchField f : MatchField.values()) {
                            if (f.decimal) {
                                BigDecimal d = r.getBigDecimal(f.column);
                                if (d != null) {
                                    values.put(f, DecimalText.of(d));
                                }
                            } else if (r.getString(f.column) != null) {
                                values.put(f, r.getString(f.column));
                            }
                        }
                        out.put(key(r.getString("venue"), r.getString("event_id")), values);
                    }
                    return out;
                });
    }

    /** The funds of the scope's events (by occurredAt, optionally one venue) that the checkpoint covers. */
    Uni<List<String>> funds(AsOf asOf, OffsetDateTime from, OffsetDateTime to, String venue) {
        return pool.preparedQuery("""
                        select distinct e.fund_id from liquidation_event e
                        where e.sequence < $1 and e.occurred_at >= $2 and e.occurred_at < $3 and ($4::text is null or e.venue = $4)
                        order by 1""")
                .execute(Tuple.of(asOf.treeSize(), from, to, venue))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** The scope's events (by occurredAt, optionally one venue) that the checkpoint covers and no line named, a page at a time. */
    Uni<List<Match.MissingThere>> missingThere(AsOf asOf, OffsetDateTime from, OffsetDateTime to, String venue, Set<String> sent,
            long afterSequence, long[] last) {
        return pool.preparedQuery("""
                        select e.sequence, e.venue, e.event_id from liquidation_event e
                        where e.sequence < $1 and e.sequence > $2 and e.occurred_at >= $3 and e.occurred_at < $4
                          and ($5::text is null or e.venue = $5)
                        order by e.sequence limit $6""")
                .execute(Tuple.tuple().addValue(asOf.treeSize()).addValue(afterSequence).addValue(from).addValue(to)
                        .addValue(venue).addValue(PAGE))
                .map(rows -> {
                    List<Match.MissingThere> out = new ArrayList<>();
                    last[0] = -1;
                    for (Row r : rows) {
                        last[0] = r.getLong("sequence");
                        if (!sent.contains(key(r.getString("venue"), r.getString("event_id")))) {
                            out.add(Match.MissingThere.event(r.getLong("sequence"), r.getString("venue"), r.getString("event_id")));
                        }
                    }
                    return out;
                });
    }
}
