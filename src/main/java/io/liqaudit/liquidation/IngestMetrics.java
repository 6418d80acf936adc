package io.liqaudit.liquidation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest did, for Prometheus: events recorded by venue and verdict
 * ({@code liqaudit_events_recorded_total}), duplicates and refused conflicts by venue, invalid items,
 * and how long each request's batch took from arrival to answer ({@code liqaudit_ingest_batch_seconds},
 * a histogram). Venue labels are capped: any ingestor may name a new venue, and a label per name
 * without bound would grow the time series without bound; past the cap they count as "other".
 */
@ApplicationScoped
public class IngestMetrics {

    static final int MAX_VENUE_LABELS = 100;

    private final MeterRegistry registry;
    private final Timer batch;
    private final Counter invalid;
    private final Set<String> venues = ConcurrentHashMap.newKeySet();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batch = Timer.builder("liqaudit.ingest.batch").description("Time from a request's arrival to its answer, per batch")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.invalid = Counter.builder("liqaudit.items.invalid").description("Items refused as malformed (nothing written)")
                .register(registry);
    }

    /** Counts a request's items by what became of them, and times it. */
    void answered(List<IngestService.ItemResult> results, long startedNanos) {
        batch.record(System.nanoTime() - startedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        for (IngestService.ItemResult r : results) {
            switch (r.status()) {
                case CREATED -> registry.counter("liqaudit.events.recorded", "venue", venue(r.venue()), "verdict",
                        r.verdict().name()).increment();
                case DUPLICATE -> registry.counter("liqaudit.events.duplicates", "venue", venue(r.venue())).increment();
                case CONFLICT -> registry.counter("liqaudit.events.conflicts", "venue", venue(r.venue())).increment();
                case INVALID -> invalid.increment();
            }
        }
    }

    private String venue(String venue) {
        if (venues.contains(venue)) {
            return venue;
        }
        if (venues.size() < MAX_VENUE_LABELS) {
            venues.add(venue);
            return venue;
        }
        return "other";
    }
}
