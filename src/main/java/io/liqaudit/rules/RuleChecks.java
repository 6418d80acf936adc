package io.liqaudit.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.standing.RuleFindings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one writer of {@code rule_check}: checks events against their venue's published rules
 * ({@link RuleComparison}) inside the caller's transaction — the recording one on arrival, a
 * re-check's later — and answers the events whose rule findings changed, for their standing.
 */
@ApplicationScoped
public class RuleChecks {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    private static final String UPSERT = """
            insert into rule_check (event_sequence, venue, standing, rule_sets_seen, findings, checked_at)
            select t.seq, t.venue, t.standing, t.seen, t.findings::jsonb, $6
            from unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[]) as t(seq, venue, standing, seen, findings)
            on conflict (event_sequence) do update set standing = excluded.standing, rule_sets_seen = excluded.rule_sets_seen,
                findings = excluded.findings, checked_at = excluded.checked_at
            """;

    /** An event to check, with the rule findings its standing holds now (empty for a new event). */
    public record Checked(long sequence, LiquidationEvent event, List<String> findingsBefore) {
    }

    private final PublishedRules published;

    RuleChecks(PublishedRules published) {
        this.published = published;
    }

    /** Checks the events; answers those whose findings differ from {@code findingsBefore}. */
    public Uni<List<RuleFindings>> check(SqlClient client, List<Checked> events, OffsetDateTime at) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return published.of(client, events.stream().map(c -> c.event().venue()).toList()).chain(venues -> {
            List<Long> sequences = new ArrayList<>();
            List<String> venueNames = new ArrayList<>();
            List<String> standings = new ArrayList<>();
            List<Integer> seen = new ArrayList<>();
            List<String> findings = new ArrayList<>();
            List<RuleFindings> changed = new ArrayList<>();
            for (Checked c : events) {
                PublishedRules.Venue venue = venues.get(c.event().venue());
                RuleComparison.Result result = RuleComparison.check(c.event(), venue.byVersion());
                if (result.standing() != RuleComparison.Standing.NOT_PUBLISHED) {
                    sequences.add(c.sequence());
                    venueNames.add(c.event().venue());
                    standings.add(result.standing().name());
                    seen.add(venue.count());
                    findings.add(json(result.findings()));
                }
                if (!result.codes().equals(c.findingsBefore())) {
                    changed.add(new RuleFindings(c.sequence(), result.codes()));
                }
            }
            Uni<Void> written = sequences.isEmpty() ? Uni.createFrom().voidItem()
                    : client.preparedQuery(UPSERT).execute(Tuple.tuple().addValue(sequences.toArray(Long[]::new))
                            .addValue(venueNames.toArray(String[]::new)).addValue(standings.toArray(String[]::new))
                            .addValue(seen.toArray(Integer[]::new)).addValue(findings.toArray(String[]::new)).addValue(at))
                            .replaceWithVoid();
            return written.map(v -> changed);
        });
    }

    /** Findings as stored: an array of {code, field, published, event}. */
    static String json(List<RuleComparison.Finding> findings) {
        ArrayNode out = JSON.createArrayNode();
        for (RuleComparison.Finding f : findings) {
            out.addObject().put("code", f.code().name()).put("field", f.field()).put("published", f.published())
                    .put("event", f.event());
        }
        return out.toString();
    }
}
