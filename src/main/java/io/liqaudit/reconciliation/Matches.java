package io.liqaudit.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.platform.Timestamps;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a client's statement against the record as of a checkpoint, a page of lines at a time
 * (blocking: on the request's worker thread), and keeps the result as an immutable capture unless
 * it is a dry run. The one writer of {@code match_capture}.
 */
@ApplicationScoped
public class Matches {

    private static final Duration QUERY = Duration.ofSeconds(60);

    private final MatchQueries queries;
    private final io.liqaudit.fund.FundStatements statements;
    private final Pool pool;
    private final ObjectMapper json;

    Matches(MatchQueries queries, io.liqaudit.fund.FundStatements statements, Pool pool, ObjectMapper json) {
        this.statements = statements;
        this.queries = queries;
        this.pool = pool;
        this.json = json;
    }

    Match.Answer run(AsOf asOf, Match.Parameters parameters, OffsetDateTime from, OffsetDateTime to, List<Match.Line> given,
            List<Match.Problem> unreadable, Map<MatchField, BigDecimal> tolerance, String by) {
        List<Match.Problem> problems = new ArrayList<>(unreadable);
        Map<String, Integer> firstLine = new HashMap<>();
        List<Match.Line> lines = new ArrayList<>();
        for (Match.Line l : given) {
            Integer earlier = firstLine.putIfAbsent(MatchQueries.key(l.venue(), l.eventId()), l.line());
            if (earlier != null) {
                problems.add(new Match.Problem(l.line(), "names the same event as line " + earlier));
            } else {
                lines.add(l);
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Match.Problem::line));
        long matched = 0;
        List<Match.MissingHere> missingHere = new ArrayList<>();
        List<Match.Mismatch> mismatched = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += MatchQueries.PAGE) {
            List<Match.Line> page = lines.subList(i, Math.min(lines.size(), i + MatchQueries.PAGE));
            Map<String, Map<MatchField, String>> ours = queries.ours(asOf, page).await().atMost(QUERY);
            for (Match.Line l : page) {
                Map<MatchField, String> mine = ours.get(MatchQueries.key(l.venue(), l.eventId()));
                if (mine == null) {
                    missingHere.add(Match.MissingHere.event(l.line(), l.venue(), l.eventId()));
                    continue;
                }
                List<Match.Mismatch> found = Matcher.compare(l, mine, tolerance);
                if (found.isEmpty()) {
                    matched++;
                }
                mismatched.addAll(found);
            }
        }
        List<Match.MissingThere> missingThere = new ArrayList<>();
        long[] last = {-1};
        do {
            missingThere.addAll(queries.missingThere(asOf, from, to, parameters.venue(), firstLine.keySet(), last[0], last)
                    .await().atMost(QUERY));
        } while (last[0] >= 0);
        return keep(asOf, new Match.Result(asOf, parameters, given.size() + unreadable.size(), matched, missingHere, missingThere,
                mismatched, problems), by);
    }

    /**
     * Matches a statement of fund days: each line's figures against the fund's statement as of the
     * checkpoint: a day without activity carries the balance over, with no flows. The funds of the
     * scope's events and those the lines name are walked once each.
     */
    Match.Answer runFunds(AsOf asOf, Match.Parameters parameters, java.time.LocalDate from, java.time.LocalDate to,
            List<Match.FundLine> given, List<Match.Problem> unreadable, Map<FundField, BigDecimal> tolerance, String by) {
        List<Match.Problem> problems = new ArrayList<>(unreadable);
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, List<Match.FundLine>> byFund = new java.util.TreeMap<>();
        for (Match.FundLine l : given) {
            Integer earlier = firstLine.putIfAbsent(l.fundId() + '\u0000' + l.day(), l.line());
            if (earlier != null) {
                problems.add(new Match.Problem(l.line(), "names the same fund and day as line " + earlier));
            } else if (l.day().isBefore(from) || !l.day().isBefore(to)) {
                problems.add(new Match.Problem(l.line(), "day " + l.day() + " is outside the period"));
            } else {
                byFund.computeIfAbsent(l.fundId(), f -> new ArrayList<>()).add(l);
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Match.Problem::line));
        java.util.TreeSet<String> funds = new java.util.TreeSet<>(byFund.keySet());
        funds.addAll(queries.funds(asOf, from.atStartOfDay().atOffset(java.time.ZoneOffset.UTC),
                to.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), parameters.venue()).await().atMost(QUERY));
        long matched = 0;
        List<Match.MissingHere> missingHere = new ArrayList<>();
        List<Match.MissingThere> missingThere = new ArrayList<>();
        List<Match.Mismatch> mismatched = new ArrayList<>();
        for (String fund : funds) {
            long[] entries = {0};
            io.liqaudit.fund.FundDays days = statements.walk(fund, asOf.treeSize(), asOf.at(), from, to,
                    to.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), e -> entries[0]++);
            java.util.TreeMap<java.time.LocalDate, List<Object>> active = new java.util.TreeMap<>();
            days.rows().forEach(r -> active.put(java.time.LocalDate.parse((String) r.get(1)), r));
            BigDecimal entering = active.isEmpty() ? days.balance() : (BigDecimal) active.firstEntry().getValue().get(2);
            java.util.Set<java.time.LocalDate> named = new java.util.HashSet<>();
            for (Match.FundLine l : byFund.getOrDefault(fund, List.of())) {
                named.add(l.day());
                if (entries[0] == 0) {
                    missingHere.add(new Match.MissingHere(l.line(), null, null, fund, l.day().toString()));
                    continue;
                }
                List<Match.Mismatch> found = FundMatcher.compare(l, FundMatcher.ours(active, entering, l.day()), tolerance);
                if (found.isEmpty()) {
                    matched++;
                }
                mismatched.addAll(found);
            }
            active.keySet().stream().filter(d -> !named.contains(d))
                    .forEach(d -> missingThere.add(new Match.MissingThere(null, null, null, fund, d.toString())));
        }
        mismatched.sort(java.util.Comparator.comparingInt(Match.Mismatch::line));
        return keep(asOf, new Match.Result(asOf, parameters, given.size() + unreadable.size(), matched, missingHere, missingThere,
                mismatched, problems), by);
    }

    /** The answer to a match: its result's digest, and unless a dry run, the result kept whole in one insert. */
    private Match.Answer keep(AsOf asOf, Match.Result result, String by) {
        Match.Parameters parameters = result.parameters();
        byte[] text = bytes(result);
        String sha256 = HexFormat.of().formatHex(sha256(text));
        if (parameters.dryRun()) {
            return new Match.Answer(null, sha256, result);
        }
        long id = pool.preparedQuery("""
                        insert into match_capture (requested_by, requested_at, kind, parameters, tree_size, root_hash,
                            result_sha256, result)
                        values ($1, $2, $3, $4::jsonb, $5, decode($6, 'hex'), decode($7, 'hex'), $8) returning id""")
                .execute(Tuple.tuple().addValue(by).addValue(Timestamps.nowMicros()).addValue(parameters.kind().toUpperCase())
                        .addValue(new String(bytes(parameters), StandardCharsets.UTF_8)).addValue(asOf.treeSize())
                        .addValue(asOf.rootHash()).addValue(sha256).addValue(new String(text, StandardCharsets.UTF_8)))
                .await().atMost(QUERY).iterator().next().getLong("id");
        return new Match.Answer(id, sha256, result);
    }

    /** A kept match's record and its result exactly as stored (its SHA-256 is the one named). */
    Optional<Match.Capture> find(long id) {
        var rows = pool.preparedQuery("select *, parameters ->> 'venue' as venue from match_capture where id = $1")
                .execute(Tuple.of(id)).await().atMost(QUERY);
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new Match.Capture(r.getLong("id"), r.getString("requested_by"),
                Timestamps.format(r.getOffsetDateTime("requested_at")), r.getString("venue"), HexFormat.of().formatHex(r.getBuffer("result_sha256")
                        .getBytes()), r.getString("result")));
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a match result always serialises", e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
