package io.liqaudit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The venues' published rule sets as the comparison needs them, read on the caller's connection
 * (inside its transaction) and kept parsed between batches: rule sets are append-only, so how many
 * a venue has tells whether the kept ones are still all of them (one small query per batch).
 */
@ApplicationScoped
class PublishedRules {

    private static final ObjectMapper JSON = ExactDecimalJson.storedMapper();

    /** A venue's rule sets by ruleVersion, and how many there were when read. */
    record Venue(int count, Map<String, RuleSet> byVersion) {
        static final Venue NONE = new Venue(0, Map.of());
    }

    private final Map<String, Venue> kept = new ConcurrentHashMap<>();

    /** Every named venue's rule sets as the database holds them now (a venue with none maps to {@link Venue#NONE}). */
    Uni<Map<String, Venue>> of(SqlClient client, Collection<String> venues) {
        String[] names = venues.stream().distinct().toArray(String[]::new);
        return client.preparedQuery("select venue, count(*)::int as n from rule_set where venue = any($1) group by venue")
                .execute(Tuple.of((Object) names)).chain(rows -> {
                    Map<String, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put(r.getString("venue"), r.getInteger("n")));
                    String[] stale = counts.entrySet().stream()
                            .filter(e -> kept.getOrDefault(e.getKey(), Venue.NONE).count() != e.getValue())
                            .map(Map.Entry::getKey).toArray(String[]::new);
                    Uni<Void> load = stale.length == 0 ? Uni.createFrom().voidItem() : load(client, stale);
                    return load.map(v -> {
                        Map<String, Venue> out = new HashMap<>();
                        for (String venue : names) {
                            out.put(venue, counts.containsKey(venue) ? kept.get(venue) : Venue.NONE);
                        }
                        return out;
                    });
                });
    }

    private Uni<Void> load(SqlClient client, String[] venues) {
        return client.preparedQuery("select venue, rule_version, content from rule_set where venue = any($1)")
                .execute(Tuple.of((Object) venues)).invoke(rows -> {
                    Map<String, Map<String, RuleSet>> read = new HashMap<>();
                    for (Row r : rows) {
                        read.computeIfAbsent(r.getString("venue"), v -> new HashMap<>()).put(r.getString("rule_version"),
                                parse(r.getString("content")));
                    }
                    read.forEach((venue, sets) -> kept.put(venue, new Venue(sets.size(), Map.copyOf(sets))));
                }).replaceWithVoid();
    }

    private static RuleSet parse(String content) {
        try {
            RuleSetReader.Read read = RuleSetReader.read(JSON.readTree(content));
            if (read.ruleSet() == null) {
                throw new IllegalStateException("a published rule set no longer reads: " + read.problems());
            }
            return read.ruleSet();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a published rule set is not readable JSON", e);
        }
    }
}
