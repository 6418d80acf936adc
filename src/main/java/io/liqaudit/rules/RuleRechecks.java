package io.liqaudit.rules;

import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.ledger.LogHead;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.standing.EventStanding;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-checks a venue's earlier events when it publishes a rule set (they may have arrived first),
 * in windows of the log, each one transaction that also advances the re-check's progress (public
 * with the rule set), so it survives a restart. The one writer of {@code rule_recheck}.
 *
 * <p>A re-check begins under the log head's lock: every batch that could have read the venue's
 * rule sets before this one was published has committed by then, below {@code up_to}; every later
 * batch reads them after (it takes the same lock first), so between them nothing goes unchecked.
 */
@ApplicationScoped
public class RuleRechecks {

    private static final Logger LOG = Logger.getLogger(RuleRechecks.class);

    private final Pool pool;
    private final LogHead head;
    private final RuleChecks checks;
    private final EventStanding standing;
    private final LiqauditConfig config;

    RuleRechecks(Pool pool, LogHead head, RuleChecks checks, EventStanding standing, LiqauditConfig config) {
        this.pool = pool;
        this.head = head;
        this.checks = checks;
        this.standing = standing;
        this.config = config;
    }

    @Scheduled(every = "${liqaudit.rules.recheck-poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> work() {
        return begin().chain(this::advanceAll)
                .onFailure().invoke(e -> LOG.error("a rule re-check failed a window; it will be retried", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Begins a re-check for each rule set that has none yet. */
    Uni<Void> begin() {
        return pool.query("select r.venue, r.rule_version from rule_set r where not exists (select 1 from rule_recheck c "
                        + "where c.venue = r.venue and c.rule_version = r.rule_version) order by r.published_at limit 20").execute()
                .chain(rows -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Row r : rows) {
                        String venue = r.getString("venue");
                        String version = r.getString("rule_version");
                        all = all.chain(() -> beginOne(venue, version));
                    }
                    return all;
                })
                // How many events each begun re-check covers, counted outside the head's lock.
                .chain(() -> pool.query("update rule_recheck c set total = (select count(*) from liquidation_event e "
                        + "where e.venue = c.venue and e.sequence < c.up_to) where c.total is null").execute())
                .replaceWithVoid();
    }

    private Uni<Void> beginOne(String venue, String version) {
        // Briefly under the head's lock: it waits for the batch being recorded, if any.
        return pool.withTransaction(conn -> head.lock(conn).chain(upTo -> conn.preparedQuery(
                        "insert into rule_recheck (venue, rule_version, status, up_to, requested_at) values ($1, $2, 'RUNNING', $3, $4) "
                                + "on conflict do nothing").execute(Tuple.of(venue, version, upTo, Timestamps.nowMicros()))))
                .replaceWithVoid();
    }

    private Uni<Void> advanceAll() {
        return advanceOne().chain(progressed -> progressed ? advanceAll() : Uni.createFrom().voidItem());
    }

    /** Checks one window of some running re-check; answers false when none had work. */
    Uni<Boolean> advanceOne() {
        return pool.withTransaction(conn -> conn.query("select venue, rule_version, up_to, last_sequence from rule_recheck "
                        + "where status = 'RUNNING' and total is not null order by requested_at limit 1 for update skip locked").execute()
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(false);
                    }
                    Row r = rows.iterator().next();
                    return window(conn, r.getString("venue"), r.getString("rule_version"), r.getLong("last_sequence"),
                            r.getLong("up_to")).replaceWith(true);
                }));
    }

    private Uni<Void> window(SqlConnection conn, String venue, String version, long after, long upTo) {
        long end = Math.min(upTo - 1, after + config.rules().recheckWindow());
        return conn.preparedQuery("select e.sequence, e.input, e.rule_findings from current_event e "
                        + "where e.venue = $1 and e.sequence > $2 and e.sequence <= $3 order by e.sequence")
                .execute(Tuple.of(venue, after, end))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // reading the stored inputs is CPU work
                .map(rows -> {
                    List<RuleChecks.Checked> events = new ArrayList<>();
                    for (Row r : rows) {
                        LiquidationEvent event = EventJsonReader.storedEvent(r.getString("input"));
                        events.add(new RuleChecks.Checked(r.getLong("sequence"), event,
                                Arrays.asList(r.getArrayOfStrings("rule_findings"))));
                    }
                    return events;
                })
                .chain(events -> checks.check(conn, events, Timestamps.nowMicros())
                        .chain(changed -> standing.rulesChecked(conn, changed))
                        .chain(() -> conn.preparedQuery("update rule_recheck set last_sequence = $3, done = done + $4, "
                                        + "status = case when $3 >= up_to - 1 then 'DONE' else status end, "
                                        + "finished_at = case when $3 >= up_to - 1 then now() end "
                                        + "where venue = $1 and rule_version = $2")
                                .execute(Tuple.of(venue, version, end, (long) events.size()))))
                .replaceWithVoid();
    }
}
