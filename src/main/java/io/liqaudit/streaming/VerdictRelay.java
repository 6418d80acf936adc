package io.liqaudit.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.verdicts.VerdictOutbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Relays the verdict outbox to the {@code liquidation-verdicts} topic: takes the oldest batches
 * (one instance at a time: the outbox's lock), sends their messages in sequence order keyed by
 * venue with the sequence in a header (to a topic it creates with one partition, unless it
 * exists), and removes the batches only once the broker has
 * acknowledged every message, in the same transaction. A crash or a broker outage in between
 * leaves them in the outbox to be sent again, from the oldest on: at-least-once, and every
 * message that overtook a failed one is sent again after it, so a consumer that takes only the
 * next sequence it expects sees every verdict once, in order.
 */
@ApplicationScoped
class VerdictRelay {

    private static final Logger LOG = Logger.getLogger(VerdictRelay.class);
    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    /** Batches per transaction: a group commit holds at most liqaudit.ingest.max-group-events (4,000), so 80,000 messages at most. */
    static final int BATCHES_PER_TAKE = 20;

    private final Pool pool;
    private final VerdictOutbox outbox;
    private final StreamProducer producer;
    private final StreamingMetrics metrics;
    private final boolean enabled;
    private final String topic;
    private volatile boolean topicReady;

    VerdictRelay(Pool pool, VerdictOutbox outbox, StreamProducer producer, StreamingMetrics metrics, LiqauditConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.producer = producer;
        this.metrics = metrics;
        this.enabled = config.kafka().enabled();
        this.topic = config.kafka().verdictTopic();
    }

    @Scheduled(every = "${liqaudit.kafka.relay-poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return drain()
                .onFailure().invoke(e -> LOG.warn("verdicts not relayed; they stay in the outbox and are tried again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Relays until the outbox is empty (or another instance holds it). */
    private Uni<Void> drain() {
        return relayOnce().chain(taken -> {
            metrics.relayed(taken.messages()); // counted once committed: removed from the outbox
            return taken.batches() == BATCHES_PER_TAKE ? drain() : Uni.createFrom().voidItem();
        });
    }

    /** What one transaction relayed. */
    record Taken(int batches, int messages) {
    }

    /** One transaction: take, send and wait for the broker, remove. */
    Uni<Taken> relayOnce() {
        return pool.withTransaction(tx -> outbox.take(tx, BATCHES_PER_TAKE).chain(batches -> {
            if (batches.isEmpty()) {
                return Uni.createFrom().item(new Taken(0, 0));
            }
            // On a worker: reading tens of thousands of messages' headers and waiting for the broker block.
            return Uni.createFrom().item(() -> {
                        List<ProducerRecord<String, byte[]>> records = records(batches);
                        if (!topicReady) {
                            producer.ensureTopic(topic, 1); // one partition: consumers see the log's order
                            topicReady = true;
                        }
                        producer.sendAll(records);
                        return new Taken(batches.size(), records.size());
                    }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .call(() -> outbox.relayed(tx, batches));
        }));
    }

    private List<ProducerRecord<String, byte[]>> records(List<VerdictOutbox.Batch> batches) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (VerdictOutbox.Batch b : batches) {
            for (String message : b.messages()) {
                try {
                    var node = JSON.readTree(message);
                    ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, node.get("venue").asText(),
                            message.getBytes(StandardCharsets.UTF_8));
                    r.headers().add("sequence", node.get("sequence").asText().getBytes(StandardCharsets.UTF_8));
                    out.add(r);
                } catch (IOException e) {
                    throw new IllegalStateException("an outbox message is not JSON", e);
                }
            }
        }
        return out;
    }
}
