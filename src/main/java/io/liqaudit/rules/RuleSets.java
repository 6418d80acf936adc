package io.liqaudit.rules;

import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.JobStatus;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.json.CanonicalJson;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Venues' published rule sets, and the one writer of {@code rule_set} and {@code rule_set_symbol}.
 * Append-only: the same rule set published again changes nothing; another content under a
 * published ruleVersion, or a period that overlaps another rule set's for one of its symbols, is
 * refused (a correction is a new rule set). Publishing takes a per-venue lock, so two overlapping
 * rule sets published at once cannot both pass the check.
 */
@ApplicationScoped
public class RuleSets {

    /** What publishing did: stored now, the same was stored before, or a refusal and why. */
    public enum Outcome {
        CREATED, UNCHANGED, OTHER_CONTENT, OVERLAPS
    }

    public record Published(Outcome outcome, String detail) {
    }

    /** A published rule set as readers see it: when, by whom, for which symbols, and the content as published. */
    public record View(String venue, String ruleVersion, String effectiveFrom, String effectiveTo, List<String> symbols,
            String publishedAt, String publishedBy, com.fasterxml.jackson.databind.JsonNode content, Recheck recheck) {
    }

    /**
     * The re-check of the venue's events recorded before the rule set was published: RUNNING (its
     * total known once counted) until DONE.
     */
    public record Recheck(JobStatus status, long done, Long total, String finishedAt) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = io.liqaudit.platform.json.ExactDecimalJson.storedMapper();

    private final Pool pool;
    private final Pool reads;

    RuleSets(Pool pool, @ReactiveDataSource(ReadPool.NAME) Pool reads) {
        this.pool = pool;
        this.reads = reads;
    }

    /** Publishes a rule set read from {@code document} (its canonical text is what is kept and digested). */
    public Uni<Published> publish(String venue, RuleSet rules, com.fasterxml.jackson.databind.JsonNode document, String by) {
        String content = CanonicalJson.text(document);
        String digest = HexFormat.of().formatHex(CanonicalJson.sha256(content));
        OffsetDateTime from = rules.effectiveFrom().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = rules.effectiveTo() == null ? null : rules.effectiveTo().atOffset(ZoneOffset.UTC);
        String[] symbols = rules.symbols().keySet().toArray(String[]::new);
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock(hashtext('rule_set:' || $1))")
                .execute(Tuple.of(venue))
                .chain(() -> conn.preparedQuery("select encode(content_digest, 'hex') d from rule_set where venue = $1 "
                        + "and rule_version = $2").execute(Tuple.of(venue, rules.ruleVersion())))
                .chain(existing -> {
                    if (existing.iterator().hasNext()) {
                        boolean same = existing.iterator().next().getString("d").equals(digest);
                        return Uni.createFrom().item(same ? new Published(Outcome.UNCHANGED, null)
                                : new Published(Outcome.OTHER_CONTENT, "Rule set " + rules.ruleVersion() + " of " + venue
                                        + " is published with other content; a published rule set never changes: publish the "
                                        + "correction as a new ruleVersion."));
                    }
                    return conn.preparedQuery("""
                                    select symbol, rule_version from rule_set_symbol
                                    where venue = $1 and symbol = any($2)
                                      and tstzrange(effective_from, effective_to) && tstzrange($3, $4)
                                    order by symbol, effective_from limit 5""")
                            .execute(Tuple.of(venue, symbols, from, to))
                            .chain(overlaps -> {
                                if (overlaps.iterator().hasNext()) {
                                    List<String> named = new ArrayList<>();
                                    overlaps.forEach(r -> named.add(r.getString("symbol") + " (rule set " + r.getString("rule_version")
                                            + ")"));
                                    return Uni.createFrom().item(new Published(Outcome.OVERLAPS, "The period overlaps another "
                                            + "rule set in force for " + String.join(", ", named) + "; nothing was published."));
                                }
                                return conn.preparedQuery("insert into rule_set (venue, rule_version, effective_from, effective_to, "
                                                + "content, content_digest, published_at, published_by) values ($1, $2, $3, $4, $5, "
                                                + "decode($6, 'hex'), $7, $8)")
                                        .execute(Tuple.tuple().addValue(venue).addValue(rules.ruleVersion()).addValue(from)
                                                .addValue(to).addValue(content).addValue(digest).addValue(Timestamps.nowMicros())
                                                .addValue(by))
                                        .chain(() -> conn.preparedQuery("insert into rule_set_symbol (venue, rule_version, symbol, "
                                                        + "effective_from, effective_to) select $1, $2, s, $4, $5 from unnest($3::text[]) s")
                                                .execute(Tuple.of(venue, rules.ruleVersion(), symbols, from, to)))
                                        .map(v -> new Published(Outcome.CREATED, null));
                            });
                }));
    }

    /** Every venue's rule sets, by venue and when they come into force (the public rules page). */
    public Uni<List<View>> all() {
        return reads.query(SELECT + " group by r.venue, r.rule_version order by r.venue, r.effective_from").execute().map(rows -> {
            List<View> out = new ArrayList<>();
            rows.forEach(r -> out.add(view(r)));
            return out;
        });
    }

    /** A venue's rule sets, by when they come into force. */
    public Uni<List<View>> ofVenue(String venue) {
        return reads.preparedQuery(SELECT + " where r.venue = $1 group by r.venue, r.rule_version order by r.effective_from")
                .execute(Tuple.of(venue)).map(rows -> {
                    List<View> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    public Uni<Optional<View>> find(String venue, String ruleVersion) {
        return reads.preparedQuery(SELECT + " where r.venue = $1 and r.rule_version = $2 group by r.venue, r.rule_version")
                .execute(Tuple.of(venue, ruleVersion))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next())) : Optional.empty());
    }

    private static final String SELECT = """
            select r.venue, r.rule_version, r.effective_from, r.effective_to, r.content, r.published_at, r.published_by,
                   array_agg(s.symbol order by s.symbol) symbols,
                   min(c.status) as recheck_status, min(c.done) as recheck_done, min(c.total) as recheck_total,
                   min(c.finished_at) as recheck_finished
            from rule_set r join rule_set_symbol s on s.venue = r.venue and s.rule_version = r.rule_version
            left join rule_recheck c on c.venue = r.venue and c.rule_version = r.rule_version""";

    private static Recheck recheck(Row r) {
        String status = r.getString("recheck_status");
        // Not begun yet (it begins within a poll of the publication): already owed, so running.
        return new Recheck(status == null ? JobStatus.RUNNING : JobStatus.valueOf(status),
                r.getLong("recheck_done") == null ? 0 : r.getLong("recheck_done"), r.getLong("recheck_total"),
                r.getOffsetDateTime("recheck_finished") == null ? null : Timestamps.format(r.getOffsetDateTime("recheck_finished")));
    }

    private static View view(Row r) {
        try {
            return new View(r.getString("venue"), r.getString("rule_version"), Timestamps.format(r.getOffsetDateTime("effective_from")),
                    r.getOffsetDateTime("effective_to") == null ? null : Timestamps.format(r.getOffsetDateTime("effective_to")),
                    Arrays.asList(r.getArrayOfStrings("symbols")), Timestamps.format(r.getOffsetDateTime("published_at")),
                    r.getString("published_by"), JSON.readTree(r.getString("content")), recheck(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored rule set is not readable JSON", e);
        }
    }
}
