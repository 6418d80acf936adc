package io.liqaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.demo.DemoEvents;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events per second through Kafka (verification on) beside HTTP batch ingest and the broker's own
 * producer throughput, in one run on one service (bench/run-kafka.sh). HTTP: EVENTS events in
 * batches of 1,000 from 2 clients, timed to the last answer. Kafka: EVENTS other events produced
 * to the service's topic, timed from the first send until the log holds them all (production is
 * far faster than recording, so this is the consumer's rate). Producer: EVENTS records of the
 * same bytes to a scratch topic nobody consumes, idempotent with acks=all, timed to the last ack.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.liqaudit.bench.KafkaThroughput create-topic BROKER TOPIC PARTITIONS
 * java -cp bench/target/benchmarks.jar io.liqaudit.bench.KafkaThroughput run BROKER TOPIC URL USER:PASSWORD JDBC_URL [EVENTS]
 * </pre>
 */
public final class KafkaThroughput {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("create-topic")) {
            createTopic(args[1], args[2], Integer.parseInt(args[3]));
            return;
        }
        String broker = args[1];
        String topic = args[2];
        String url = args[3];
        String credentials = args[4];
        String jdbc = args[5];
        int events = args.length > 6 ? Integer.parseInt(args[6]) : 30_000;
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        IngestThroughput.post(http, url, auth, IngestThroughput.warmup(run, 1_000)); // the service's JIT, not counted

        List<byte[]> httpBatches = httpBatches(events(11, events, "http-" + run), 1_000);
        AtomicInteger refused = new AtomicInteger();
        long httpNanos = IngestThroughput.timeBatches(http, url, auth, httpBatches, 2, refused);
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " HTTP batches were not answered 200");
        }

        // Serialised before the clock starts, and the log watched on one connection every 100 ms:
        // the first version did both in the timed loop and took CPU from the service it measured.
        List<ProducerRecord<String, byte[]>> streamed = new ArrayList<>(events);
        for (JsonNode e : events(13, events, "kafka-" + run)) {
            streamed.add(new ProducerRecord<>(topic, e.get("venue").asText(), JSON.writeValueAsBytes(e)));
        }
        long kafkaNanos;
        try (Connection db = DriverManager.getConnection(jdbc, "liqaudit", "liqaudit");
                KafkaProducer<String, byte[]> producer = producer(broker)) {
            long before = stored(db);
            long start = System.nanoTime();
            for (ProducerRecord<String, byte[]> r : streamed) {
                producer.send(r);
            }
            producer.flush();
            long seen = before;
            long lastGrowth = System.nanoTime();
            for (long now = stored(db); now < before + events; now = stored(db)) {
                if (now > seen) {
                    seen = now;
                    lastGrowth = System.nanoTime();
                } else if (System.nanoTime() - lastGrowth > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("the log stopped growing at " + (now - before) + " of " + events
                            + " streamed events (dead letters? see the service's log)");
                }
                Thread.sleep(100);
            }
            kafkaNanos = System.nanoTime() - start;
        }

        List<byte[]> bytes = new ArrayList<>(events);
        for (JsonNode e : events(17, events, "producer-" + run)) {
            bytes.add(JSON.writeValueAsBytes(e));
        }
        String scratch = topic + "-producer-only";
        createTopic(broker, scratch, partitions(broker, topic));
        long producerNanos;
        try (KafkaProducer<String, byte[]> producer = producer(broker)) {
            long start = System.nanoTime();
            for (byte[] b : bytes) {
                producer.send(new ProducerRecord<>(scratch, "VENUE", b));
            }
            producer.flush();
            producerNanos = System.nanoTime() - start;
        }

        double httpRate = events / (httpNanos / 1e9);
        double kafkaRate = events / (kafkaNanos / 1e9);
        double producerRate = events / (producerNanos / 1e9);
        System.out.printf("events=%d partitions=%d%n", events, partitions(broker, topic));
        System.out.printf("HTTP batch ingest (batches of 1,000, 2 clients, verification on): %.0f events/s (%.2f s)%n",
                httpRate, httpNanos / 1e9);
        System.out.printf("Kafka ingest (one instance, verification on, verdicts relayed): %.0f events/s (%.2f s)%n",
                kafkaRate, kafkaNanos / 1e9);
        System.out.printf("the broker's own producer (acks=all, idempotent, same bytes): %.0f records/s (%.2f s)%n",
                producerRate, producerNanos / 1e9);
        System.out.printf("ratio Kafka/HTTP: %.2f; ratio Kafka/producer: %.3f%n", kafkaRate / httpRate, kafkaRate / producerRate);
    }

    /**
     * Demo events, all recordable: the demo's clock starts at 2026-01-01 and advances with each
     * event, so past about 30,000 it runs into the future (refused). Longer runs take several seeds.
     */
    private static List<JsonNode> events(long seed, int count, String prefix) {
        List<JsonNode> out = new ArrayList<>(count);
        for (int part = 0; out.size() < count; part++) {
            for (JsonNode e : DemoEvents.generate(seed * 1_000 + part, Math.min(30_000, count - out.size()))) {
                ((ObjectNode) e).put("eventId", prefix + "-" + part + "-" + e.get("eventId").asText());
                out.add(e);
            }
        }
        return out;
    }

    private static List<byte[]> httpBatches(List<JsonNode> events, int size) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from < events.size(); from += size) {
            out.add(("{\"events\":" + JSON.writeValueAsString(events.subList(from, Math.min(events.size(), from + size))) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static long stored(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select next_sequence from ledger_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void createTopic(String broker, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static int partitions(String broker, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        }
    }

    private static KafkaProducer<String, byte[]> producer(String broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }
}
