package io.liqaudit.streaming;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.liqaudit.platform.LiqauditConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records that cannot be recorded go to the dead-letter topic with their original bytes and key,
 * and the problems in a {@code problem} header (the same field errors an HTTP 400 names), plus
 * where they came from. Sent and acknowledged before the batch's offsets are committed, so a
 * poison record is never lost and never stops the stream. A producer of its own, made on first use.
 */
@ApplicationScoped
class DeadLetters {

    /** A record and the problems (JSON array of {field, message}) that keep it out of the log. */
    record Letter(ConsumerRecord<String, byte[]> source, String problems) {
    }

    private final String bootstrap;
    private final String topic;
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, LiqauditConfig config) {
        this.bootstrap = bootstrap;
        this.topic = config.kafka().deadLetterTopic();
    }

    Uni<Void> send(List<Letter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            List<Future<RecordMetadata>> sent = letters.stream().map(l -> producer().send(letter(l))).toList();
            for (Future<RecordMetadata> f : sent) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a dead letter was not written", e.getCause());
                }
            }
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

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
