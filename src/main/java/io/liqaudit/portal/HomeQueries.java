package io.liqaudit.portal;

import io.liqaudit.cases.CaseState;
import io.liqaudit.disclosure.Period;
import io.liqaudit.platform.ReadPool;
import io.liqaudit.platform.Timestamps;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal home's figures for a period and venue: events by verdict (from the daily rollup),
 * discrepancies by finding and by differing field, open cases by state and age, and refused
 * (conflicting) submissions.
 */
@ApplicationScoped
public class HomeQueries {

    /** Events of the period by effective verdict. */
    public record Verdicts(long consistent, long discrepant, long unverifiable) {
    }

    /** How many events carry a finding code, or differ on a field. */
    public record Count(String name, long count) {
    }

    /** Unclosed cases of one state by how long they have been open. */
    public record CaseAges(CaseState state, long underADay, long underAWeek, long older) {
    }

    /** A submission refused because its identity was recorded with other content. */
    public record Refused(long id, String at, String by, String kind, String identity) {
    }

    private final Pool pool;

    HomeQueries(@ReactiveDataSource(ReadPool.NAME) Pool pool) {
        this.pool = pool;
    }

    public Uni<Verdicts> verdicts(Period p, String venue) {
        return pool.preparedQuery("""
                        select coalesce(sum(consistent), 0), coalesce(sum(discrepant), 0), coalesce(sum(unverifiable), 0)
                        from disclosure_daily where day >= $1 and day < $2 and ($3::text is null or venue = $3)""")
                .execute(Tuple.of(p.from(), p.to(), venue))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Verdicts(r.getLong(0), r.getLong(1), r.getLong(2));
                });
    }

    /** Finding codes and differing fields of the period's events that are not CONSISTENT, most frequent first. */
    public Uni<List<Count>> findings(Period p, String venue) {
        return counts("s.finding_codes", p, venue);
    }

    public Uni<List<Count>> differingFields(Period p, String venue) {
        return counts("array(select f from unnest(s.differing_fields) f where f not like '%[*]%')", p, venue);
    }

    private Uni<List<Count>> counts(String array, Period p, String venue) {
        return pool.preparedQuery("""
                        select name, count(*) from current_event s, unnest(%s) name
                        where s.verdict <> 'CONSISTENT' and s.occurred_at >= $1 and s.occurred_at < $2
                          and ($3::text is null or s.venue = $3)
                        group by name order by 2 desc, 1""".formatted(array))
                .execute(Tuple.of(start(p.from()), start(p.to()), venue))
                .map(rows -> {
                    List<Count> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Count(r.getString(0), r.getLong(1)));
                    }
                    return out;
                });
    }

    /** Cases not closed, by state and age (under a day, under a week, older). */
    public Uni<List<CaseAges>> openCaseAges() {
        return pool.query("""
                        select state, count(*) filter (where opened_at > now() - interval '1 day'),
                               count(*) filter (where opened_at <= now() - interval '1 day' and opened_at > now() - interval '7 days'),
                               count(*) filter (where opened_at <= now() - interval '7 days')
                        from audit_case where state <> 'CLOSED' group by state""")
                .execute().map(rows -> {
                    List<CaseAges> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new CaseAges(CaseState.valueOf(r.getString(0)), r.getLong(1), r.getLong(2), r.getLong(3)));
                    }
                    out.sort(java.util.Comparator.comparing(CaseAges::state));
                    return out;
                });
    }

    public Uni<Long> refusedCount(Period p) {
        return pool.preparedQuery("select count(*) from refused_submission where refused_at >= $1 and refused_at < $2")
                .execute(Tuple.of(start(p.from()), start(p.to()))).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Refused submissions, newest first, with id below {@code beforeId} (null: from the newest). */
    public Uni<List<Refused>> refused(Long beforeId, int limit) {
        return pool.preparedQuery("""
                        select id, refused_at, submitted_by, kind, identity from refused_submission
                        where ($1::bigint is null or id < $1) order by id desc limit $2""")
                .execute(Tuple.of(beforeId, limit)).map(rows -> {
                    List<Refused> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Refused(r.getLong("id"), Timestamps.format(r.getOffsetDateTime("refused_at")),
                                r.getString("submitted_by"), r.getString("kind"), r.getString("identity")));
                    }
                    return out;
                });
    }

    private static OffsetDateTime start(java.time.LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
