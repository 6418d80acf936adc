package io.liqaudit.streaming;

import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.ReadPool;
import io.liqaudit.verdicts.VerdictOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Streaming for Prometheus: records dead-lettered ({@code liqaudit_kafka_dead_lettered_total}),
 * verdicts relayed ({@code liqaudit_verdicts_relayed_total}), verdicts waiting in the outbox
 * ({@code liqaudit_verdict_outbox_messages}) and the consumer group's lag on the liquidations topic
 * ({@code liqaudit_kafka_consumer_lag}: the topic's end offsets less the group's committed ones,
 * what is left to record). Gauges refresh every {@code liqaudit.metrics.refresh} (the database on the
 * readers' pool); unknown is NaN.
 */
@ApplicationScoped
class StreamingMetrics {

    private static final Logger LOG = Logger.getLogger(StreamingMetrics.class);
    private static final long UNKNOWN = -1;

    private final Counter deadLettered;
    private final Counter relayed;
    private final Pool pool;
    private final VerdictOutbox outbox;
    private final boolean enabled;
    private final String bootstrap;
    private final String topic;
    private final String group;
    private volatile long waiting = UNKNOWN;
    private volatile long lag = UNKNOWN;
    private boolean lagUnread;
    private Admin admin;

    StreamingMetrics(MeterRegistry registry, @ReactiveDataSource(ReadPool.NAME) Pool pool, VerdictOutbox outbox, LiqauditConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.incoming.liquidations.group.id") String group) {
        this.pool = pool;
        this.outbox = outbox;
        this.enabled = config.kafka().enabled();
        this.bootstrap = bootstrap;
        this.topic = config.kafka().topic();
        this.group = group;
        this.deadLettered = Counter.builder("liqaudit.kafka.dead.lettered")
                .description("Records from the liquidations topic sent to the dead-letter topic").register(registry);
        this.relayed = Counter.builder("liqaudit.verdicts.relayed")
                .description("Verdict messages relayed from the outbox to the verdict topic").register(registry);
        Gauge.builder("liqaudit.verdict.outbox.messages", this, m -> known(m.waiting))
                .description("Verdict messages in the outbox, not yet relayed").register(registry);
        Gauge.builder("liqaudit.kafka.consumer.lag", this, m -> known(m.lag))
                .description("Records on the liquidations topic not yet recorded (end offsets less committed offsets)")
                .register(registry);
    }

    void deadLettered(int records) {
        deadLettered.increment(records);
    }

    void relayed(int messages) {
        relayed.increment(messages);
    }

    private static double known(long value) {
        return value == UNKNOWN ? Double.NaN : value;
    }

    /** Blocking (a worker thread): the admin client's calls wait for the broker, a few seconds at most. */
    @Scheduled(every = "${liqaudit.metrics.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!enabled) {
            return;
        }
        try {
            waiting = outbox.waiting(pool).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("outbox size not read", e);
        }
        try {
            lag = lag();
            lagUnread = false;
        } catch (Exception e) {
            lag = UNKNOWN; // the broker is out of reach: say so rather than keep an old figure
            if (!lagUnread) {
                LOG.warnf("consumer lag not read (said again once it has been read): %s", e.toString());
                lagUnread = true;
            }
        }
    }

    private long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin().describeTopics(java.util.List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin().listOffsets(ends).all()
                .get(5, TimeUnit.SECONDS);
        long total = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : end.entrySet()) {
            OffsetAndMetadata at = committed.get(e.getKey());
            total += e.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return total;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
            admin = Admin.create(p);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
