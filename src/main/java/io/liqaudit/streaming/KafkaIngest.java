package io.liqaudit.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.liquidation.IngestService;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.platform.problem.Overloaded;
import io.liqaudit.recording.RecordStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Streaming ingest (issue 20): each batch polled from the {@code liquidations} topic goes through
 * the same ingest service as an HTTP batch, in one recording transaction; the batch is
 * acknowledged (its offsets committed) only once that has committed and its dead letters are
 * written, so a crash replays it and idempotent recording keeps each event once. Off unless
 * {@code LIQAUDIT_KAFKA_ENABLED=true}.
 */
@ApplicationScoped
public class KafkaIngest {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final Logger LOG = Logger.getLogger(KafkaIngest.class);

    private final IngestService ingest;
    private final DeadLetters deadLetters;

    KafkaIngest(IngestService ingest, DeadLetters deadLetters) {
        this.ingest = ingest;
        this.deadLetters = deadLetters;
    }

    @Incoming("liquidations")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        // Parsing and replaying a batch is CPU work: on a worker, as an HTTP batch's is, not on the
        // connector's event loop, which both consumers of an instance may share.
        return Uni.createFrom().deferred(() -> recordBatch(records)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                // Anything else (the database or the broker out of reach) is not the records' fault: failing would
                // stop the channel, acknowledging would lose them. So the batch is tried again, whole — recording
                // is idempotent — until it goes through; readiness and the lag show an operator it is stuck.
                .onFailure().invoke(e -> LOG.warnf("a batch from %s could not be recorded; trying again: %s", records.partitions(), e))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely();
    }

    private Uni<Void> recordBatch(ConsumerRecords<String, byte[]> records) {
        List<JsonNode> items = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>();
        List<DeadLetters.Letter> dead = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                items.add(JSON.readTree(r.value() == null ? new byte[0] : r.value()));
                sources.add(r);
            } catch (IOException e) {
                dead.add(new DeadLetters.Letter(r, "[{\"field\":\"$\",\"message\":\"is not a JSON document\"}]"));
            }
        }
        if (items.isEmpty()) {
            return deadLetters.send(dead);
        }
        return ingest.record(items, "$", "kafka:" + sources.get(0).topic())
                // The group commit sheds load with Overloaded: a stream waits and tries again instead.
                .onFailure(Overloaded.class).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).indefinitely()
                .chain(results -> {
                    for (IngestService.ItemResult result : results) {
                        if (result.status() == RecordStatus.INVALID) {
                            dead.add(new DeadLetters.Letter(sources.get(result.index()), problems(result)));
                        }
                    }
                    return deadLetters.send(dead);
                });
    }

    private static String problems(IngestService.ItemResult result) {
        try {
            return JSON.writeValueAsString(result.problems());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
