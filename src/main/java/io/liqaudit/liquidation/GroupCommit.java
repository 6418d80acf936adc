package io.liqaudit.liquidation;

import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.problem.Overloaded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Group commit: the one way events reach the database. Requests hand their prepared submissions
 * to a bounded queue; one sequencer takes whatever is waiting (up to {@code max-group-events})
 * and records it in a single transaction — one log-head lock, one fixed set of round trips, one
 * commit for many requests — as databases do with their log and Certificate Transparency logs
 * do with their entries. Waiting requests hold no connection and no lock, so more clients never
 * mean more contention: ingest uses one connection, on an event loop of its own
 * ({@link SequencerConnection}), whatever the load.
 *
 * <p>A request that would push the queue past {@code queue-capacity} events is shed at once
 * with {@link Overloaded} (503, Retry-After): a bounded wait instead of an unbounded one. When a
 * group's transaction fails, each request in it is retried alone, so one request's failure is
 * never another's.
 */
@ApplicationScoped
class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** One request's submissions, and where its outcomes go. */
    private record Waiting(List<LiquidationRepository.Arrival> arrivals, CompletableFuture<List<RecordOutcome>> done) {
    }

    private final Pool pool;
    private final LiquidationRepository repository;
    private final int capacity;
    private final int maxGroup;

    private final ArrayDeque<Waiting> queue = new ArrayDeque<>(); // guarded by this
    private int queuedEvents; // guarded by this
    private boolean sequencing; // guarded by this: a group is being committed

    private final IngestActivity activity;

    GroupCommit(SequencerConnection connection, LiquidationRepository repository, LiqauditConfig config,
            IngestActivity activity, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.activity = activity;
        // How full the queue is (shed at queue-capacity): the early sign of a cascade outrunning the sequencer.
        io.micrometer.core.instrument.Gauge.builder("liqaudit.ingest.queue.events", this, GroupCommit::queued)
                .description("Events waiting for the sequencer to commit them").register(metrics);
        this.pool = connection.pool();
        this.repository = repository;
        this.capacity = config.ingest().queueCapacity();
        this.maxGroup = config.ingest().maxGroupEvents();
    }

    private synchronized int queued() {
        return queuedEvents;
    }

    /** Records these arrivals with whatever else is waiting; fails at once with Overloaded when the queue is full. */
    Uni<List<RecordOutcome>> record(List<LiquidationRepository.Arrival> arrivals) {
        activity.arrived();
        Waiting waiting = new Waiting(arrivals, new CompletableFuture<>());
        boolean start;
        synchronized (this) {
            // An empty queue takes any request, so a batch larger than the capacity is still served.
            if (queuedEvents > 0 && queuedEvents + arrivals.size() > capacity) {
                throw new Overloaded("Ingest is at capacity (" + queuedEvents + " events waiting to be committed); "
                        + "nothing was recorded. Send the same request again after Retry-After.", Duration.ofSeconds(1));
            }
            queue.add(waiting);
            queuedEvents += arrivals.size();
            start = !sequencing;
            sequencing = true;
        }
        if (start) {
            commitNext();
        }
        // Outcomes arrive on the sequencer's own event loop: go on where the request was.
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        Uni<List<RecordOutcome>> outcomes = Uni.createFrom().completionStage(waiting.done());
        return caller == null ? outcomes : outcomes.emitOn(command -> caller.runOnContext(v -> command.run()));
    }

    /** Takes what is waiting and commits it; when done, goes on while anything waits. */
    private void commitNext() {
        List<Waiting> group = new ArrayList<>();
        synchronized (this) {
            int events = 0;
            while (!queue.isEmpty() && (group.isEmpty() || events + queue.peek().arrivals().size() <= maxGroup)) {
                Waiting w = queue.poll();
                events += w.arrivals().size();
                group.add(w);
            }
            queuedEvents -= events;
            if (group.isEmpty()) {
                sequencing = false;
                return;
            }
        }
        commit(group).subscribe().with(done -> commitNext(), failure -> commitNext());
    }

    private Uni<Void> commit(List<Waiting> group) {
        List<LiquidationRepository.Arrival> all = new ArrayList<>();
        group.forEach(w -> all.addAll(w.arrivals()));
        return pool.withTransaction(conn -> repository.record(conn, all, Timestamps.nowMicros()))
                .invoke(outcomes -> {
                    int from = 0;
                    for (Waiting w : group) {
                        w.done().complete(List.copyOf(outcomes.subList(from, from + w.arrivals().size())));
                        from += w.arrivals().size();
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    if (group.size() == 1) {
                        group.get(0).done().completeExceptionally(failure);
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf(failure, "a group of %d requests failed to commit; committing each alone", group.size());
                    Uni<Void> alone = Uni.createFrom().voidItem();
                    for (Waiting w : group) {
                        alone = alone.chain(() -> commit(List.of(w)));
                    }
                    return alone;
                });
    }
}
