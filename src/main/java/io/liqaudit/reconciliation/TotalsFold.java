package io.liqaudit.reconciliation;

import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.Timestamps;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The one writer of {@code reconciliation_daily} and {@code reconciliation_fold}: folds totals up
 * to a signed checkpoint, so totals for a long period read a row per day instead of every event.
 * It folds only checkpoints signed at least {@code liqaudit.reconciliation.fold-lag} ago: a run's
 * chunk is stamped before it commits, and a checkpoint signed in between would otherwise miss it
 * for good. At most {@link #STEP} new events per transaction, so catching up over a large log
 * never holds one long transaction.
 */
@ApplicationScoped
public class TotalsFold {

    private static final Logger LOG = Logger.getLogger(TotalsFold.class);

    static final int STEP = 100_000;

    /** Adds what changed from the fold ($1, $2) to the checkpoint ($3, $4): recorded events and revisions. */
    private static final String UPSERT = "with revised as (" + Measures.revised("$1", "$2", "$4") + "),\nc as ("
            + Measures.since("$1", "$2", "$3", "$4", "true") + ")\n" + upsert();
    /**
     * The same when the fold is already as of the checkpoint's signing time ($3): the events from
     * $1 to $2 only (nothing was revised in no time; the runs' recomputations need no look).
     */
    private static final String UPSERT_RECORDED = "with c as (" + Measures.recordedSince("$1", "$2", "$3", "true") + ")\n" + upsert();

    private static String upsert() {
        return "insert into reconciliation_daily as d (" + Measures.KEY + ", " + Measures.columnList() + ")\nselect " + Measures.KEY
                + ", " + Measures.columns().stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "))
                + " from c group by " + Measures.KEY + "\non conflict (" + Measures.KEY + ") do update set "
                + Measures.columns().stream().map(c -> c + " = d." + c + " + excluded." + c).collect(Collectors.joining(", "));
    }

    private final Pool pool;
    private final Checkpoints checkpoints;
    private final Duration lag;

    TotalsFold(Pool pool, Checkpoints checkpoints, LiqauditConfig config) {
        this.pool = pool;
        this.checkpoints = checkpoints;
        this.lag = config.reconciliation().foldLag();
    }

    @Scheduled(every = "${liqaudit.reconciliation.fold-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return catchUp().replaceWithVoid()
                .onFailure().invoke(e -> LOG.error("folding reconciliation totals failed; will retry", e))
                .onFailure().recoverWithNull();
    }

    /** Folds up to the newest checkpoint signed at least the lag ago; answers the tree size the fold then stands at. */
    public Uni<Long> catchUp() {
        return catchUp(STEP);
    }

    /** {@link #catchUp()} at most {@code step} new events per transaction (tests take small steps). */
    Uni<Long> catchUp(int step) {
        return checkpoints.lastBefore(Timestamps.nowMicros().minus(lag))
                .chain(cp -> cp.isEmpty() ? Uni.createFrom().item(0L) : foldTo(cp.get().treeSize(), cp.get().createdAt(), step));
    }

    private Uni<Long> foldTo(long treeSize, OffsetDateTime signedAt, int step) {
        return step(treeSize, signedAt, step)
                .chain(at -> at < treeSize ? foldTo(treeSize, signedAt, step) : Uni.createFrom().item(at));
    }

    /**
     * One transaction: the events after the fold (at most {@link #STEP}) and the revisions since it
     * are added, the fold moved on. The fold's row is locked first, so two instances fold in turn.
     */
    private Uni<Long> step(long treeSize, OffsetDateTime signedAt, int step) {
        return pool.withTransaction(conn -> conn.query("select tree_size, signed_at from reconciliation_fold for update").execute()
                .chain(rows -> {
                    Row fold = rows.iterator().next();
                    long s0 = fold.getLong("tree_size");
                    OffsetDateTime t0 = fold.getOffsetDateTime("signed_at");
                    if (t0.isAfter(signedAt) || (s0 >= treeSize && !t0.isBefore(signedAt))) {
                        return Uni.createFrom().item(Math.max(s0, treeSize));
                    }
                    long s1 = Math.max(s0, Math.min(treeSize, s0 + step));
                    return add(conn, s0, t0, s1, signedAt).replaceWith(s1);
                }));
    }

    private static Uni<Void> add(SqlClient conn, long s0, OffsetDateTime t0, long s1, OffsetDateTime t1) {
        Uni<?> added = t0.isEqual(t1) ? conn.preparedQuery(UPSERT_RECORDED).execute(Tuple.of(s0, s1, t1))
                : conn.preparedQuery(UPSERT).execute(Tuple.of(s0, t0, s1, t1));
        return added
                .chain(() -> conn.query("delete from reconciliation_daily where events = 0").execute())
                .chain(() -> conn.preparedQuery("update reconciliation_fold set tree_size = $1, signed_at = $2")
                        .execute(Tuple.of(s1, t1)))
                .replaceWithVoid();
    }
}
