package io.liqaudit.reports;

import io.liqaudit.standing.PinnedRecomputation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The discrepancies report's rows, pinned like the register: for each event whose recomputation
 * as of the checkpoint is not CONSISTENT, a row per finding, per reported field that differs
 * (with the amount of the difference) and per reason it could not be recomputed, each with the
 * event's case as it stood at the checkpoint's signing time (its outcome once closed: a closed
 * case never changes).
 */
@ApplicationScoped
public class DiscrepancyQueries implements ReportSource {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();

    private static final String FROM = """
            from liquidation_event e
            %s
            where r.verdict <> 'CONSISTENT' and e.sequence < $2 and e.occurred_at >= $3 and e.occurred_at < $4
              and ($5::text is null or e.venue = $5)""".formatted(PinnedRecomputation.lateral("$1"));

    private final Pool pool;
    private final MerkleLogRepository log;

    DiscrepancyQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool, MerkleLogRepository log) {
        this.pool = pool;
        this.log = log;
    }

    @Override
    public Uni<Long> count(Pin pin, Scope scope) {
        // An unverifiable event's output has no findings or differences: each absent list counts none.
        return pool.preparedQuery("select coalesce(sum(greatest(1, coalesce(jsonb_array_length(r.output::jsonb -> 'findings'), 0) "
                        + "+ coalesce(jsonb_array_length(r.output::jsonb -> 'differences'), 0) "
                        + "+ coalesce(jsonb_array_length(r.output::jsonb -> 'unverifiableReasons'), 0))), 0) " + FROM)
                .execute(Tuple.of(pin.at(), pin.treeSize(), scope.from(), scope.to(), scope.venue()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Pages of at most {@code limit} events, each page ending after its last event's sequence. */
    @Override
    public Uni<Page> next(Pin pin, Scope scope, long after, int limit) {
        return page(pin, scope, after, limit).map(rows -> new Page(rows, ReportSource.lastEvent(rows, limit)));
    }

    public Uni<List<List<Object>>> page(Pin pin, Scope scope, long afterSequence, int limit) {
        return pool.preparedQuery("""
                        select e.sequence, e.venue, e.event_id, e.occurred_at, e.symbol, e.fund_id, r.verdict, r.output, c.id as case_id,
                               (select ce.state_after from case_event ce where ce.case_id = c.id and ce.at <= $1
                                order by ce.id desc limit 1) as case_state, c.outcome
                        """ + FROM.replace("where r.verdict", "left join audit_case c on c.event_sequence = e.sequence\nwhere r.verdict")
                        + " and e.sequence > $6 order by e.sequence limit $7")
                .execute(Tuple.tuple().addValue(pin.at()).addValue(pin.treeSize()).addValue(scope.from()).addValue(scope.to())
                        .addValue(scope.venue()).addValue(afterSequence).addValue(limit))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return log.leafHashesHex(pool, list.stream().map(r -> r.getLong("sequence")).toList()).map(leaves -> {
                        List<List<Object>> out = new ArrayList<>();
                        list.forEach(r -> out.addAll(items(r, leaves)));
                        return out;
                    });
                });
    }

    /** The rows of one event: one per finding, difference and unverifiable reason (one at least). */
    private static List<List<Object>> items(Row r, Map<Long, String> leaves) {
        JsonNode output;
        try {
            output = JSON.readTree(r.getString("output"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored recomputation is unreadable", e);
        }
        String state = r.getString("case_state");
        List<Object> event = List.of(r.getLong("sequence"), leaves.get(r.getLong("sequence")), r.getString("venue"),
                r.getString("event_id"), Timestamps.format(r.getOffsetDateTime("occurred_at")), r.getString("symbol"),
                r.getString("fund_id"), r.getString("verdict"));
        List<Object> caseColumns = new ArrayList<>();
        caseColumns.add(state == null ? null : r.getLong("case_id"));
        caseColumns.add(state);
        caseColumns.add("CLOSED".equals(state) ? r.getString("outcome") : null);
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode f : output.path("findings")) {
            out.add(row(event, "FINDING", f.path("code").asText(), f.has("step") ? (Long) f.get("step").asLong() : null,
                    text(f.get("actual")), text(f.get("expected")), caseColumns));
        }
        for (JsonNode d : output.path("differences")) {
            out.add(row(event, "DIFFERENCE", d.path("field").asText(), null, text(d.get("reported")),
                    text(d.get("recomputed")), caseColumns));
        }
        for (JsonNode reason : output.path("unverifiableReasons")) {
            out.add(row(event, "UNVERIFIABLE", reason.asText(), null, null, null, caseColumns));
        }
        if (out.isEmpty()) {
            out.add(row(event, "UNVERIFIABLE", "no reason recorded", null, null, null, caseColumns));
        }
        return out;
    }

    private static List<Object> row(List<Object> event, String kind, String item, Long step, String stated,
            String recomputed, List<Object> caseColumns) {
        List<Object> row = new ArrayList<>(event);
        row.add(kind);
        row.add(item);
        row.add(step);
        row.add(stated);
        row.add(recomputed);
        BigDecimal a = decimal(stated);
        BigDecimal b = decimal(recomputed);
        row.add(a != null && b != null ? b.subtract(a) : null);
        row.addAll(caseColumns);
        return row;
    }

    /** A value of the output as text, exactly (decimals plain, an outcome by name); null when absent. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The number a value holds, or null when it holds none (an outcome). */
    private static BigDecimal decimal(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
