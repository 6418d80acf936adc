package io.liqaudit.streaming;

import io.liqaudit.platform.LiqauditConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records that cannot be recorded go to the dead-letter topic with their original bytes and key,
 * and the problems in a {@code problem} header (the same field errors an HTTP 400 names), plus
 * where they came from. Sent and acknowledged before the batch's offsets are committed, so a
 * poison record is never lost and never stops the stream.
 */
@ApplicationScoped
class DeadLetters {

    /** A record and the problems (JSON array of {field, message}) that keep it out of the log. */
    record Letter(ConsumerRecord<String, byte[]> source, String problems) {
    }

    private final StreamProducer producer;
    private final StreamingMetrics metrics;
    private final String topic;

    DeadLetters(StreamProducer producer, StreamingMetrics metrics, LiqauditConfig config) {
        this.producer = producer;
        this.metrics = metrics;
        this.topic = config.kafka().deadLetterTopic();
    }

    Uni<Void> send(List<Letter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            producer.sendAll(letters.stream().map(this::letter).toList());
            metrics.deadLettered(letters.size());
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private ProducerRecord<String, byte[]> letter(Letter l) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, l.source().key(), l.source().value());
        out.headers().add("problem", l.problems().getBytes(StandardCharsets.UTF_8));
        out.headers().add("source", (l.source().topic() + "/" + l.source().partition() + "/" + l.source().offset())
                .getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
