package io.liqaudit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.fund.FundRegistry;
import io.liqaudit.rules.RuleSetReader;
import io.liqaudit.rules.RuleSets;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.IngestService;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.StartupWork;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads demo events into an empty database at start (liqaudit.demo.load-if-empty), through the
 * same ingest path as a venue would, in the background so the service is up meanwhile; it is not
 * ready until they are all in ({@link StartupWork}), and pages say their figures are still loading.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    static final int BATCH = 1000;
    static final String LOADER = "demo-loader";

    private final LiqauditConfig config;
    private final IngestService ingest;
    private final Pool pool;
    private final StartupWork work;
    private final FundRegistry registry;
    private final RuleSets ruleSets;

    DemoDataLoader(LiqauditConfig config, IngestService ingest, Pool pool, StartupWork work, FundRegistry registry,
            RuleSets ruleSets) {
        this.ruleSets = ruleSets;
        this.registry = registry;
        this.work = work;
        this.config = config;
        this.ingest = ingest;
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().loadIfEmpty()) {
            return;
        }
        // Not ready from the first moment: until the check below answers, nobody knows whether a load is coming.
        work.started(config.demo().events());
        pool.query("select exists (select 1 from liquidation_event)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // generating 20,000 events must not hold the event loop
                .subscribe().with(hasEvents -> {
                    if (hasEvents) {
                        LOG.info("demo data: events are already recorded; nothing loaded");
                        work.finished();
                    } else {
                        load(config.demo().seed(), config.demo().events());
                    }
                }, failure -> {
                    LOG.error("demo data: cannot check the database", failure);
                    work.failed("cannot check the database: " + failure.getMessage());
                });
    }

    private Uni<Void> publish(String venue, ObjectNode doc) {
        RuleSetReader.Read read = RuleSetReader.read(doc);
        if (read.ruleSet() == null) {
            throw new IllegalStateException("a demo rule set does not read: " + read.problems());
        }
        return ruleSets.publish(venue, read.ruleSet(), doc, LOADER).replaceWithVoid();
    }

    private void load(long seed, int count) {
        long start = System.nanoTime();
        // Events in the demo span half a year, whatever their number, so a period has them all.
        DemoEvents generator = new DemoEvents(seed, count, 180);
        int batches = (count + BATCH - 1) / BATCH;
        LOG.infof("demo data: loading %d events (seed %d)", count, seed);
        // The demo's funds are registered with their currency first, as a venue's admin would.
        Uni<Void> funds = Multi.createFrom().iterable(Markets.VENUES)
                .onItem().transformToUniAndConcatenate(v -> registry.register(DemoEvents.fundOf(v), DemoEvents.CURRENCY, LOADER))
                .collect().last().replaceWithVoid()
                // Three of the four venues publish their rules (the superseded set and the one in force) before their events.
                .chain(() -> Multi.createFrom().iterable(Markets.VENUES).filter(v -> config.demo().publishRules() && Markets.publishesRules(v))
                        .onItem().transformToIterable(v -> Markets.ruleSets(v).stream().map(doc -> java.util.Map.entry(v.name(), doc))
                                .toList())
                        .onItem().transformToUniAndConcatenate(e -> publish(e.getKey(), e.getValue()))
                        .collect().last().replaceWithVoid())
                .emitOn(Infrastructure.getDefaultWorkerPool()); // generating events must not hold the event loop
        // Batches are generated one at a time, as they are sent, so a million events never sit in memory.
        funds.onItem().transformToMulti(v -> Multi.createFrom().range(0, batches))
                .onItem().transformToUniAndConcatenate(b -> {
                    List<JsonNode> batch = new ArrayList<>(BATCH);
                    for (int i = b * BATCH; i < Math.min(count, (b + 1) * BATCH); i++) {
                        batch.add(generator.next());
                    }
                    return ingest.record(batch, "$.events[%d]", LOADER).invoke(r -> work.progressed(r.size()))
                            .emitOn(Infrastructure.getDefaultWorkerPool());
                })
                .collect().last()
                .subscribe().with(
                        results -> {
                            work.finished();
                            LOG.infof("demo data: %d events loaded in %d ms", count, (System.nanoTime() - start) / 1_000_000);
                        },
                        failure -> {
                            work.failed("loading failed: " + failure.getMessage());
                            LOG.error("demo data: loading failed", failure);
                        });
    }
}
