package io.liqaudit.streaming;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one Kafka producer, for dead letters and relayed verdicts: idempotent with
 * {@code acks=all}, so the broker's retries neither lose nor repeat a record and records to one
 * partition keep their order. Made on first use, so an instance with streaming off never connects.
 */
@ApplicationScoped
class StreamProducer {

    private final String bootstrap;
    private KafkaProducer<String, byte[]> producer;

    StreamProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Sends the records in order and waits until the broker has acknowledged every one; blocking.
     * When a send fails the caller sends them all again. Across a broker outage a later record can
     * still land before an earlier failed one (an idempotent producer's batch that expires while the
     * next goes through): the resend then repeats the later ones after it, which is why a consumer
     * takes only the next sequence it expects (README, "Streaming ingest").
     */
    void sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        KafkaProducer<String, byte[]> p = producer();
        for (ProducerRecord<String, byte[]> r : records) {
            Future<RecordMetadata> f = p.send(r);
            sent.add(f);
            if (f.isDone() && failed(f)) {
                break; // refused at once (no metadata for the topic, say): sending the rest would let them overtake it
            }
        }
        if (sent.size() < records.size()) {
            discard(p);
            throw new IllegalStateException("the broker did not take a record; the rest were not sent");
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                // A producer that has seen an error may be left in a state it cannot leave (a fenced epoch, a
                // sequence the broker refuses): the next send starts afresh, and the caller sends everything again.
                discard(p);
                throw new IllegalStateException("the broker did not take a record", e.getCause());
            }
        }
    }

    private static boolean failed(Future<RecordMetadata> f) {
        try {
            f.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private synchronized void discard(KafkaProducer<String, byte[]> failed) {
        if (producer == failed) {
            producer = null;
            failed.close(Duration.ZERO);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // A broker that is down fails the send within this, and the caller tries again later.
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * Creates the topic with this many partitions unless it exists (made on the broker's defaults
     * by the first send otherwise, which may be several partitions); blocking.
     */
    void ensureTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("topic " + topic + " could not be created", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
