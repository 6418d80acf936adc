package io.liqaudit.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.standing.Figures;
import io.liqaudit.standing.EffectiveVerdict;
import io.liqaudit.standing.EventStanding;
import io.liqaudit.standing.RollupRepository;
import io.liqaudit.changes.ChangeFeed;
import io.liqaudit.engine.EngineResult;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.Verdict;
import io.liqaudit.engine.LiquidationEvent;
import io.liqaudit.eventjson.EventJsonReader;
import io.liqaudit.fund.FundChainRepository;
import io.liqaudit.ledger.LogHead;
import io.liqaudit.liquidation.IngestActivity;
import io.liqaudit.liquidation.RecomputationWriter;
import io.liqaudit.platform.JobStatus;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Re-verification: re-replays stored inputs with the current engine and stores the new
 * recomputations beside the old ones. Work happens in chunks, each one transaction that also
 * advances the run's resume point, so a run survives a restart and never replays an event
 * twice; {@code FOR UPDATE SKIP LOCKED} on the run row lets several instances share the work.
 */
@ApplicationScoped
public class VerificationRuns {

    private static final Logger LOG = Logger.getLogger(VerificationRuns.class);
    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    /** What a client sees of a run. */
    public record RunView(long id, JobStatus status, String engineVersion, String requestedBy, String requestedAt,
            RunFilter filter, long total, long done, long verdictsChanged, long failed, String eventsPerSecond,
            Long secondsLeft, String finishedAt) {
    }

    private final Pool pool;
    private final LiqauditConfig config;
    private final EventStanding standing;
    private final FundChainRepository fundChain;

    private final LogHead logHead;
    private final VerificationRunRepository runs;

    private final IngestActivity ingest;
    private final VerificationMetrics metrics;

    VerificationRuns(Pool pool, LiqauditConfig config, EventStanding standing, FundChainRepository fundChain,
            LogHead logHead, VerificationRunRepository runs, IngestActivity ingest, VerificationMetrics metrics) {
        this.metrics = metrics;
        this.ingest = ingest;
        this.runs = runs;
        this.logHead = logHead;
        this.pool = pool;
        this.config = config;
        this.standing = standing;
        this.fundChain = fundChain;
    }

    public Uni<RunView> start(RunFilter filter, String by) {
        RunFilter f = filter == null ? RunFilter.ALL : filter;
        String count = "select count(*) from current_event e where " + RunFilter.where(1) + " and e.sequence < $7";
        return logHead.size(pool)
                .chain(head -> pool.preparedQuery(count).execute(f.addTo(Tuple.tuple()).addValue(head))
                        .map(rows -> rows.iterator().next().getLong(0))
                        .chain(total -> Panache.withTransaction(() -> {
                            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                            VerificationRun run = new VerificationRun();
                            run.requestedBy = by;
                            run.requestedAt = now;
                            run.startedAt = now;
                            run.engineVersion = LiquidationEngine.VERSION;
                            run.filter = f;
                            run.status = total == 0 ? JobStatus.DONE : JobStatus.RUNNING;
                            run.finishedAt = total == 0 ? now : null;
                            run.upToSequence = head - 1;
                            run.total = total;
                            return runs.persist(run);
                        })))
                .map(VerificationRuns::view);
    }

    public Uni<Optional<RunView>> find(long id) {
        return Panache.withSession(() -> runs.findById(id)).map(r -> Optional.ofNullable(r).map(VerificationRuns::view));
    }

    /** Up to {@code count} runs with id below {@code beforeId} (null: the newest), newest first. */
    public Uni<List<RunView>> page(Long beforeId, int count) {
        return Panache.withSession(() -> runs.page(beforeId, count)).map(all -> all.stream().map(VerificationRuns::view).toList());
    }

    public Uni<List<RunView>> recent() {
        return Panache.withSession(() -> runs.mostRecent(50)).map(all -> all.stream().map(VerificationRuns::view).toList());
    }

    /** Advances every running run by chunks; also what resumes runs after a restart. */
    @Scheduled(every = "${liqaudit.verification.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> work() {
        long started = System.nanoTime();
        return advanceOneChunk().chain(progressed -> progressed ? giveWayToIngest(System.nanoTime() - started).chain(this::work)
                        : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> LOG.error("verification run failed a chunk; it will be retried", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * While events are arriving, pauses so that the chunk just done ({@code chunkNanos}) was the
     * configured share of the run's time: on two cores a run at full speed halved ingest.
     */
    private Uni<Void> giveWayToIngest(long chunkNanos) {
        int percent = config.verification().percentUnderIngest();
        if (percent >= 100 || !ingest.within(Duration.ofSeconds(1))) {
            return Uni.createFrom().voidItem();
        }
        long pause = chunkNanos * (100 - percent) / percent;
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(pause));
    }

    /** Replays one chunk of some running run; answers false when no run had work. */
    Uni<Boolean> advanceOneChunk() {
        return pool.withTransaction(conn -> conn.query("select *, filter::text as filter_text from verification_run where status = 'RUNNING' "
                        + "order by id limit 1 for update skip locked").execute()
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(false);
                    }
                    return chunk(conn, rows.iterator().next()).replaceWith(true);
                }))
                .invoke(progressed -> {
                    if (progressed) {
                        metrics.replayed(lastProcessed);
                    }
                });
    }

    /**
     * One chunk read and replayed, ready to write: the replays in sequence order and the last
     * sequence of the window it covers (-1 when the run has nothing left).
     */
    private record Chunk(List<Replay> replays, long lastSeen) {
    }

    /**
     * The next chunk, read and replayed on another connection while the previous one is written
     * (PostgreSQL writes while the cores replay). Used only by the same run from the same point,
     * and not at all when writing the previous chunk changed a fund-chain flag it may have read.
     */
    private static final class ReadAhead {
        final long runId;
        final long after;
        final CompletableFuture<Chunk> chunk = new CompletableFuture<>();
        volatile boolean stale;

        ReadAhead(long runId, long after) {
            this.runId = runId;
            this.after = after;
        }
    }

    private volatile ReadAhead ahead;
    private volatile long lastProcessed;

    private Uni<Void> chunk(SqlConnection conn, Row run) {
        long id = run.getLong("id");
        long after = run.getLong("last_sequence");
        RunFilter filter = parse(run.getString("filter_text"));
        long upTo = run.getLong("up_to_sequence");
        ReadAhead prefetched = ahead;
        ahead = null;
        Uni<Chunk> current = prefetched != null && !prefetched.stale && prefetched.runId == id && prefetched.after == after
                ? Uni.createFrom().completionStage(prefetched.chunk).onFailure().recoverWithUni(() -> read(conn, filter, after, upTo))
                : read(conn, filter, after, upTo);
        return current.chain(chunk -> {
            ReadAhead next = null;
            if (chunk.lastSeen() >= 0 && chunk.lastSeen() < upTo) {
                next = new ReadAhead(id, chunk.lastSeen());
                ahead = next;
                read(pool, filter, chunk.lastSeen(), upTo).subscribe().with(next.chunk::complete,
                        next.chunk::completeExceptionally);
            }
            return write(conn, id, chunk, next);
        });
    }

    private Uni<Chunk> read(io.vertx.mutiny.sqlclient.SqlClient client, RunFilter filter, long after, long upTo) {
        // A chunk is a window of sequences (gap-free: a window of the whole log holds exactly its size
        // of events; a filtered run's windows hold the matching ones). Asking instead for "the next
        // N matching events after X" let the planner join the whole rest of the log before sorting
        // and limiting: each chunk read cost the remaining run (300-950 ms per 5,000 events at
        // 100,000; 50 ms per window).
        if (after >= upTo) {
            return Uni.createFrom().item(new Chunk(List.of(), -1));
        }
        long windowEnd = Math.min(upTo, after + config.verification().chunkSize());
        String select = "select e.sequence, e.input, e.verdict as current_verdict, e.fund_discontinuity, e.rule_findings, e.outcome, "
                + "e.total_fee, e.excess_equity, e.trader_return, e.bankruptcy_loss, e.adl_shortfall, e.liquidation_price, "
                + "e.bankruptcy_price, e.insurance_fund_delta from current_event e where " + RunFilter.where(1)
                + " and e.sequence > $7 and e.sequence <= $8 order by e.sequence";
        Tuple params = filter.addTo(Tuple.tuple()).addValue(after).addValue(windowEnd);
        return client.preparedQuery(select).execute(params)
                .emitOn(Infrastructure.getDefaultWorkerPool()) // parsing and replaying is CPU work
                .map(rows -> {
                    List<Row> all = new ArrayList<>();
                    rows.forEach(all::add);
                    // Parsing, replaying and rendering each event is independent CPU work: spread over
                    // every core. Writing stays one transaction per chunk, in sequence order.
                    List<Replay> replays = all.parallelStream().map(VerificationRuns::replay).toList();
                    return new Chunk(replays, windowEnd);
                });
    }

    private Uni<Void> write(SqlConnection conn, long id, Chunk chunk, ReadAhead next) {
        lastProcessed = 0;
        List<Long> sequences = new ArrayList<>();
        List<RecomputationWriter.Columns> results = new ArrayList<>();
        List<RollupRepository.Revision> revisions = new ArrayList<>();
        List<Long> deltasChanged = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Replay replay : chunk.replays()) {
            if (replay.failure() != null) {
                failures.add(replay.failure());
                continue;
            }
            sequences.add(replay.sequence());
            results.add(replay.columns());
            if (replay.revision() != null) {
                revisions.add(replay.revision());
                if (!sameDelta(replay.revision().before(), replay.revision().after())) {
                    deltasChanged.add(replay.sequence());
                }
            }
        }
        if (chunk.lastSeen() < 0) {
            return conn.preparedQuery("update verification_run set status = 'DONE', finished_at = now() where id = $1")
                    .execute(Tuple.of(id)).replaceWithVoid();
        }
        int processed = sequences.size() + failures.size();
        lastProcessed = processed; // counted once the chunk's transaction commits (advanceOneChunk)
        // New recomputations become current; the public rollups follow them, and where a fund
        // delta changed, the chain is re-evaluated after it (which may move verdict counts again).
        Uni<List<Long>> written = sequences.isEmpty() ? Uni.createFrom().item(List.of())
                : RecomputationWriter.write(conn, sequences, results, Timestamps.nowMicros(), id)
                        .chain(current -> standing.recomputed(conn, current, revisions))
                        .call(() -> fundChain.reevaluate(conn, deltasChanged, List.of())
                                .invoke(changes -> {
                                    if (!changes.isEmpty() && next != null) {
                                        next.stale = true; // a flag the chunk read ahead may hold just changed
                                    }
                                })
                                .chain(changes -> standing.chainRewalked(conn, changes)));
        return written
                .call(() -> recordFailures(conn, id, failures))
                // Last before the progress row: the feed's lock is held from here to the commit only.
                .call(verdictsChanged -> ChangeFeed.revised(conn, id, revised(verdictsChanged, revisions), Timestamps.nowMicros()))
                .chain(verdictsChanged -> conn.preparedQuery("update verification_run set done = done + $2, "
                                + "last_sequence = $3, verdicts_changed = verdicts_changed + $4, "
                                + "failed = failed + $5 where id = $1")
                        .execute(Tuple.of(id, processed, chunk.lastSeen(), (long) verdictsChanged.size(), failures.size())))
                .replaceWithVoid();
    }

    /** The events whose current recomputation a chunk changed: a new engine verdict, or figures that moved; in log order. */
    private static List<Long> revised(List<Long> verdictsChanged, List<RollupRepository.Revision> revisions) {
        java.util.TreeSet<Long> all = new java.util.TreeSet<>(verdictsChanged);
        revisions.forEach(r -> all.add(r.sequence()));
        return List.copyOf(all);
    }

    /** An event a run could not re-replay, and why. */
    private record Failure(long sequence, String reason) {
    }

    /** What re-replaying one stored event gave: its new columns and, when its figures moved, the revision; or a failure. */
    private record Replay(long sequence, RecomputationWriter.Columns columns, RollupRepository.Revision revision,
            Failure failure) {
    }

    private static Replay replay(Row r) {
        long sequence = r.getLong("sequence");
        LiquidationEvent event;
        EngineResult result;
        try {
            event = EventJsonReader.storedEvent(r.getString("input"));
            result = LiquidationEngine.replay(event);
        } catch (RuntimeException e) {
            // Recorded and passed over: one event that cannot be processed must not stall the run.
            return new Replay(sequence, null, null, new Failure(sequence, e.getMessage()));
        }
        Figures before = storedFigures(r);
        Figures after = withStandingFindings(Figures.of(result), r.getBoolean("fund_discontinuity"),
                java.util.Arrays.asList(r.getArrayOfStrings("rule_findings")));
        RollupRepository.Revision revision = before.sameAs(after) ? null
                : new RollupRepository.Revision(sequence, event, before, after);
        return new Replay(sequence, RecomputationWriter.Columns.of(result), revision, null);
    }

    private static Uni<Void> recordFailures(SqlConnection conn, long runId, List<Failure> failures) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        failures.forEach(f -> LOG.warnf("verification run %d: event %d cannot be re-replayed: %s", runId, f.sequence(),
                f.reason()));
        return conn.preparedQuery("insert into verification_failure (run_id, event_sequence, reason) "
                        + "select $1, t.seq, t.reason from unnest($2::bigint[], $3::text[]) as t(seq, reason)")
                .execute(Tuple.of(runId, failures.stream().map(Failure::sequence).toArray(Long[]::new),
                        failures.stream().map(Failure::reason).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** The figures the rollups hold for an event now: its current recomputation and effective verdict. */
    private static Figures storedFigures(Row r) {
        String outcome = r.getString("outcome");
        return new Figures(Verdict.valueOf(r.getString("current_verdict")), outcome == null ? null : Outcome.valueOf(outcome),
                r.getBigDecimal("total_fee"),
                r.getBigDecimal("excess_equity"), r.getBigDecimal("trader_return"), r.getBigDecimal("bankruptcy_loss"),
                r.getBigDecimal("adl_shortfall"), r.getBigDecimal("liquidation_price"), r.getBigDecimal("bankruptcy_price"),
                r.getBigDecimal("insurance_fund_delta"));
    }

    /** The figures as the rollups will hold them: with the verdict the fund chain and the published rules make of the engine's. */
    private static Figures withStandingFindings(Figures f, boolean discontinuity, List<String> ruleFindings) {
        return new Figures(EffectiveVerdict.of(f.verdict(), discontinuity, ruleFindings), f.outcome(), f.totalFee(), f.excessEquity(), f.traderReturn(), f.bankruptcyLoss(),
                f.adlShortfall(), f.liquidationPrice(), f.bankruptcyPrice(), f.insuranceFundDelta());
    }

    private static boolean sameDelta(Figures a, Figures b) {
        return a.insuranceFundDelta() == null ? b.insuranceFundDelta() == null
                : b.insuranceFundDelta() != null && a.insuranceFundDelta().compareTo(b.insuranceFundDelta()) == 0;
    }

    private static RunView view(VerificationRun r) {
        OffsetDateTime until = r.finishedAt != null ? r.finishedAt : OffsetDateTime.now();
        long millis = Math.max(1, Duration.between(r.startedAt, until).toMillis());
        long perSecondTimes10 = r.done * 10_000 / millis;
        String rate = (perSecondTimes10 / 10) + "." + (perSecondTimes10 % 10);
        Long left = null; // unknown until something is done
        if (r.finishedAt != null) {
            left = 0L;
        } else if (r.done > 0) {
            left = (r.total - r.done) * millis / r.done / 1000;
        }
        return new RunView(r.id, r.status, r.engineVersion, r.requestedBy, Timestamps.format(r.requestedAt), r.filter,
                r.total, r.done, r.verdictsChanged, r.failed, rate, left, Timestamps.format(r.finishedAt));
    }

    private static RunFilter parse(String json) {
        try {
            return JSON.readValue(json, RunFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored run filter is unreadable", e);
        }
    }
}
