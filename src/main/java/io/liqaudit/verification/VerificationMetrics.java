package io.liqaudit.verification;

import io.liqaudit.platform.ReadPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Re-verification for Prometheus: runs in progress (a gauge, refreshed every
 * {@code liqaudit.metrics.refresh}) and events re-replayed ({@code liqaudit_verification_events_total},
 * counted as each chunk commits; its rate is the runs' speed).
 */
@ApplicationScoped
public class VerificationMetrics {

    private final Pool pool;
    private final Counter events;
    private volatile long running = -1; // not read yet: the gauge says NaN

    VerificationMetrics(@ReactiveDataSource(ReadPool.NAME) Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.events = Counter.builder("liqaudit.verification.events").description("Events re-replayed by verification runs")
                .register(registry);
        Gauge.builder("liqaudit.verification.runs.running", this, m -> m.running < 0 ? Double.NaN : m.running).description("Verification runs in progress")
                .register(registry);
    }

    void replayed(long count) {
        events.increment(count);
    }

    @Scheduled(every = "${liqaudit.metrics.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("select count(*) from verification_run where status = 'RUNNING'").execute()
                .invoke(rows -> running = rows.iterator().next().getLong(0))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
