package io.liqaudit.liquidation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.rules.RulesView;
import io.liqaudit.ledger.LeafContent;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads a recorded event by its identity, with its log leaf and every recomputation (searches: {@link EventSearchQueries}). */
@ApplicationScoped
public class LiquidationQueries {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();

    /**
     * A stored event with its log position and leaf, current standing and every recomputation,
     * oldest first. {@code leafSchema} says how its leaf was made (LeafContent); for version 2,
     * {@code accountSalt} (hex) is what its leaf's account commitment was made with: with it, the
     * holder of this record can tie the published leaf to the account.
     */
    public record StoredEvent(String venue, String eventId, long sequence, String leafHash, String leafSchema, String accountSalt,
            String recordedAt, String recordedBy, String verdict, List<String> findingCodes, boolean fundBalanceDiscontinuity,
            JsonNode input, JsonNode recomputation, List<RecomputationView> recomputations, RulesView rules) {
    }

    public record RecomputationView(long id, String engineVersion, String computedAt, Long runId, String verdict,
            JsonNode output) {
    }

    private final Pool pool;

    private final MerkleLogRepository log;

    LiquidationQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool, MerkleLogRepository log) {
        this.pool = pool;
        this.log = log;
    }

    /** An event's identity, for pages that name events by log position (a tamper audit's findings). */
    public record Identity(long sequence, String venue, String eventId) {
    }

    /** The identities of the events at these log positions, in log order; a position with no event is left out. */
    public Uni<List<Identity>> identities(List<Long> sequences) {
        return pool.preparedQuery("select sequence, venue, event_id from liquidation_event where sequence = any($1) "
                        + "order by sequence")
                .execute(Tuple.of((Object) sequences.toArray(Long[]::new))).map(rows -> {
                    List<Identity> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Identity(r.getLong(0), r.getString(1), r.getString(2)));
                    }
                    return out;
                });
    }

    public Uni<Optional<StoredEvent>> find(String venue, String eventId) {
        return pool.preparedQuery("""
                        select e.sequence, e.venue, e.event_id, e.recorded_at, e.recorded_by, e.input,
                               e.verdict, e.finding_codes, e.fund_discontinuity, e.recomputation_id, encode(e.account_salt, 'hex') as salt,
                               c.standing as rule_standing, c.findings::text as rule_findings,
                               exists (select 1 from rule_set r where r.venue = e.venue) as venue_publishes
                        from current_event e left join rule_check c on c.event_sequence = e.sequence
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
                            e.getString("salt") == null ? LeafContent.SCHEMA : LeafContent.SCHEMA_V2, e.getString("salt"),
                            Timestamps.format(e.getOffsetDateTime("recorded_at")), e.getString("recorded_by"),
                            e.getString("verdict"), Arrays.asList(e.getArrayOfStrings("finding_codes")),
                            e.getBoolean("fund_discontinuity"), parse(e.getString("input")),
                            history.stream().filter(h -> h.id() == e.getLong("recomputation_id")).findFirst()
                                    .map(RecomputationView::output).orElse(null),
                            history, rules(e)))));
                });
    }

    private static RulesView rules(Row e) {
        String standing = e.getString("rule_standing");
        if (standing == null) {
            return new RulesView(e.getBoolean("venue_publishes") ? RulesView.State.PENDING : RulesView.State.NOT_PUBLISHED,
                    JSON.createArrayNode());
        }
        return new RulesView(RulesView.State.valueOf(standing), parse(e.getString("rule_findings")));
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

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json); // exact: the driver's own JSON decoding turns fractions into binary floating point
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
