package io.liqaudit.ledger;

import io.liqaudit.platform.ReadPool;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The log's health for Prometheus: entries in the log, the latest signed checkpoint's size and age
 * (a log that grew while its checkpoint aged means signing stopped), and the last finished tamper
 * audit's outcome and time (an audit that found tampering, or none for days, is an alarm). Read
 * from the database every {@code liqaudit.metrics.refresh} on the read pool; the checkpoint's age
 * is computed when scraped, so it grows between refreshes as it should.
 */
@ApplicationScoped
public class LedgerMetrics {

    private static final Logger LOG = Logger.getLogger(LedgerMetrics.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = io.liqaudit.platform.json.ExactDecimalJson.newMapper();

    private final Pool pool;
    /** Not read yet: the gauge says NaN (no value) rather than a zero that would look like a fact. */
    private static final long UNKNOWN = -1;
    private volatile long entries = UNKNOWN;
    private volatile long checkpointSize = UNKNOWN;
    private volatile Instant checkpointAt;
    private volatile long auditTampered = UNKNOWN;
    private volatile long auditFinished = UNKNOWN;

    LedgerMetrics(@ReactiveDataSource(ReadPool.NAME) Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("liqaudit.log.entries", this, m -> known(m.entries)).description("Entries (events) in the log").register(registry);
        Gauge.builder("liqaudit.checkpoint.tree.size", this, m -> known(m.checkpointSize))
                .description("Tree size of the latest signed checkpoint").register(registry);
        Gauge.builder("liqaudit.checkpoint.age", this, LedgerMetrics::checkpointAge).baseUnit("seconds")
                .description("Seconds since the latest checkpoint was signed").register(registry);
        Gauge.builder("liqaudit.tamper.audit.last.tampered", this, m -> known(m.auditTampered))
                .description("Entries the last finished tamper audit found changed, missing or unproven (0: the log holds)")
                .register(registry);
        Gauge.builder("liqaudit.tamper.audit.last.finished.timestamp", this, m -> known(m.auditFinished)).baseUnit("seconds")
                .description("When the last tamper audit finished (Unix time)").register(registry);
    }

    private static double known(long value) {
        return value == UNKNOWN ? Double.NaN : value;
    }

    private double checkpointAge() {
        Instant at = checkpointAt;
        return at == null ? Double.NaN : (System.currentTimeMillis() - at.toEpochMilli()) / 1000.0;
    }

    @Scheduled(every = "${liqaudit.metrics.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("""
                        select (select next_sequence from ledger_head where id = 1) as entries,
                               c.tree_size, c.created_at, a.tampered, a.bad_checkpoints, a.finished_at
                        from (select 1) one
                        left join lateral (select tree_size, created_at from checkpoint order by tree_size desc limit 1) c on true
                        left join lateral (select tampered, bad_checkpoints, finished_at from ledger_audit
                                           where status = 'DONE' order by finished_at desc limit 1) a on true""")
                .execute().invoke(rows -> {
                    Row r = rows.iterator().next();
                    entries = r.getLong("entries");
                    checkpointSize = r.getLong("tree_size") == null ? UNKNOWN : r.getLong("tree_size");
                    checkpointAt = r.getOffsetDateTime("created_at") == null ? null : r.getOffsetDateTime("created_at").toInstant();
                    if (r.getOffsetDateTime("finished_at") != null) {
                        auditTampered = count(r.getString("tampered")) + count(r.getString("bad_checkpoints"));
                        auditFinished = r.getOffsetDateTime("finished_at").toEpochSecond();
                    }
                })
                .onFailure().invoke(e -> LOG.warn("log metrics not refreshed", e)).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The number of entries in a stored JSON array of findings. */
    private static int count(String json) {
        try {
            return JSON.readTree(json).size();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 1; // unreadable findings are themselves a problem to look at
        }
    }
}
