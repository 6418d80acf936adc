package io.liqaudit.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.demo.DemoEvents;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.testing.PackagedService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one database (liquidations_test_stream, made afresh by
 * scripts/test.sh) consume one four-partition topic as one consumer group, on the real local
 * broker. Once both hold partitions and part of the stream is recorded, one is killed (SIGKILL)
 * and started again. In the end every event is in the log once, the log is gap-free and agrees
 * with its leaves, the outbox has drained, and the verdict topic — read as a consumer is told to
 * (take the next sequence expected, skip any other) — gives every sequence, in order, each naming
 * the event the log holds at that sequence. A second test stops the broker mid-stream
 * (its own database, liquidations_test_outage).
 */
class StreamingInstancesIT {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final String DB = "liquidations_test_stream";
    private static final String OUTAGE_DB = "liquidations_test_outage";
    private static final String BROKER = "127.0.0.1:9092";
    private static final int EVENTS = 12_000;
    private static final int PARTITIONS = 4;

    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER));

    @Test
    void twoInstancesShareTheTopicAndAKilledOneLosesNothing() throws Exception {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "liquidations-" + run;
        String verdicts = "liquidation-verdicts-" + run;
        String group = "liquidation-audit-" + run;
        Map<String, String> streaming = streamingOn(run);
        PackagedService.Keys keys = PackagedService.Keys.fresh();
        String users = "stream-admin:stream-password-123:admin";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int portA = PackagedService.freePort();
        int portB = PackagedService.freePort();
        long atKill;
        // Both closed whatever happens (closing a killed one is harmless): a process left behind would keep
        // signing this database's checkpoints with its own key in the next run.
        try (PackagedService a = PackagedService.start("streaming-a", DB, portA, users, keys, streaming);
                PackagedService b = PackagedService.start("streaming-b", DB, portB, users, keys, streaming)) {
            a.awaitReady(http);
            b.awaitReady(http);

            List<JsonNode> events = new ArrayList<>(DemoEvents.generate(2026_11_27L, EVENTS));
            events.forEach(e -> ((ObjectNode) e).put("eventId", run + "-" + e.get("eventId").asText()));
            Random random = new Random(7);
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int i = 0; i < events.size(); i++) {
                    send(producer, topic, i % PARTITIONS, events.get(i));
                    if (i > 0 && random.nextInt(20) == 0) {
                        int earlier = random.nextInt(i); // a repeat, as a venue's retry would be
                        send(producer, topic, earlier % PARTITIONS, events.get(earlier));
                    }
                }
                producer.flush();
            }

            // Both instances hold partitions, and part of the stream is recorded: then kill one.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // Two consumers per instance (liqaudit.kafka.consumers): all four holding a partition means both instances do.
            while ((membersWithPartitions(group) < PARTITIONS || stored(DB) < 2_000) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(membersWithPartitions(group)).as("both instances share the topic").isEqualTo(PARTITIONS);
            atKill = stored(DB);
            a.kill();
            assertThat(atKill).as("recorded before the kill").isGreaterThanOrEqualTo(2_000).isLessThan(EVENTS);

            try (PackagedService again = PackagedService.start("streaming-a-again", DB, portA, users, keys, streaming)) {
                again.awaitReady(http);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                while ((stored(DB) < EVENTS || one(DB, "select count(*) from verdict_outbox") > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            }
        }

        int delivered = assertEveryEventOnceAndEveryVerdictInOrder(DB, verdicts, EVENTS);
        System.out.printf("StreamingInstancesIT: %d events (+ repeats) over %d partitions; %d recorded at the kill; "
                + "%d verdict messages delivered for %d events%n", EVENTS, PARTITIONS, atKill, delivered, EVENTS);
    }

    /**
     * The broker stops in the middle of a stream (scripts/kafka-up.sh --stop) and starts again 10 s
     * later. Meanwhile HTTP ingest goes on (its verdicts wait in the outbox); afterwards the consumer
     * resumes from its committed offsets, the relay drains the outbox, and every event — streamed or
     * posted — is in the log once and its verdict on the topic, in order.
     */
    @Test
    void aBrokerOutageLosesNothing() throws Exception {
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "liquidations-" + run;
        String verdicts = "liquidation-verdicts-" + run;
        Map<String, String> streaming = streamingOn(run);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<JsonNode> events = new ArrayList<>(DemoEvents.generate(2026_11_28L, 6_500));
        events.forEach(e -> ((ObjectNode) e).put("eventId", run + "-" + e.get("eventId").asText()));
        try (PackagedService service = PackagedService.start("streaming-outage", OUTAGE_DB, PackagedService.freePort(),
                "outage-ingestor:outage-password-123:ingestor", PackagedService.Keys.fresh(), streaming)) {
            service.awaitReady(http);
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int i = 0; i < 6_000; i++) {
                    send(producer, topic, i % PARTITIONS, events.get(i));
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (stored(OUTAGE_DB) < 1_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            broker("--stop");
            try {
                long atStop = stored(OUTAGE_DB);
                assertThat(atStop).as("streamed before the outage").isLessThan(6_000);
                // HTTP ingest does not need the broker: 500 more events, recorded now, relayed later.
                String body = "{\"events\":" + JSON.writeValueAsString(events.subList(6_000, 6_500)) + "}";
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/v1/liquidations/batch"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "outage-ingestor:outage-password-123".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
                Thread.sleep(10_000);
            } finally {
                broker(""); // whatever happened: the next tests need it
            }
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while ((stored(OUTAGE_DB) < 6_500 || one(OUTAGE_DB, "select count(*) from verdict_outbox") > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        int delivered = assertEveryEventOnceAndEveryVerdictInOrder(OUTAGE_DB, verdicts, 6_500);
        System.out.printf("StreamingInstancesIT: broker outage of 10 s; %d verdict messages for 6,500 events%n", delivered);
    }

    /**
     * A run's topics (liquidations-RUN with four partitions, liquidation-verdicts-RUN with one), made
     * here, and the settings that point an instance at them with streaming on, in group liquidation-audit-RUN.
     */
    private Map<String, String> streamingOn(String run) throws Exception {
        admin.createTopics(List.of(new NewTopic("liquidations-" + run, PARTITIONS, (short) 1),
                new NewTopic("liquidation-verdicts-" + run, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return Map.of("LIQAUDIT_KAFKA_ENABLED", "true", "KAFKA_BOOTSTRAP_SERVERS", BROKER,
                "LIQAUDIT_KAFKA_TOPIC", "liquidations-" + run, "LIQAUDIT_KAFKA_VERDICT_TOPIC", "liquidation-verdicts-" + run,
                "LIQAUDIT_KAFKA_DEAD_LETTER_TOPIC", "liquidations-dead-letter-" + run,
                "MP_MESSAGING_INCOMING_LIQUIDATIONS_GROUP_ID", "liquidation-audit-" + run);
    }

    /** scripts/kafka-up.sh with this argument ("--stop", or none to start), waited for. */
    private static void broker(String argument) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/kafka-up.sh"));
        if (!argument.isEmpty()) {
            command.add(argument);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "kafka-up-outage.log").toFile())).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("scripts/kafka-up.sh %s finished", argument).isTrue();
        assertThat(p.exitValue()).as("scripts/kafka-up.sh %s; see target/kafka-up-outage.log", argument).isZero();
    }

    /**
     * The log holds {@code events} events, each once, gap-free and agreeing with its leaves; the
     * outbox has drained; and the verdict topic, read as README tells a consumer to (take the next
     * sequence expected, skip any other), gives every sequence, in order, naming the event the log
     * holds there. Answers how many messages were delivered (re-sends included).
     */
    private static int assertEveryEventOnceAndEveryVerdictInOrder(String db, String verdicts, int events) throws Exception {
        Map<Long, String> identities = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "liqaudit", "liqaudit");
                Statement s = c.createStatement()) {
            assertThat(one(s, "select count(*) from liquidation_event")).as("every event once").isEqualTo(events);
            assertThat(one(s, "select max(sequence) + 1 from liquidation_event")).as("gap-free").isEqualTo(events);
            assertThat(one(s, "select next_sequence from ledger_head")).isEqualTo(events);
            assertThat(one(s, "select count(*) from merkle_node where level = 0")).isEqualTo(events);
            assertThat(one(s, "select count(*) from event_status")).isEqualTo(events);
            assertThat(one(s, "select count(*) from verdict_outbox")).as("the outbox drains").isZero();
            try (ResultSet rs = s.executeQuery("select sequence, venue || '/' || event_id from liquidation_event")) {
                while (rs.next()) {
                    identities.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<JsonNode> delivered = readAll(verdicts);
        assertThat(delivered.size()).as("at least once").isGreaterThanOrEqualTo(events);
        long next = 0; // the documented consumer: take the sequence it expects, skip any other (it comes again)
        for (JsonNode m : delivered) {
            long sequence = m.get("sequence").asLong();
            if (sequence != next) {
                continue;
            }
            assertThat(m.get("venue").asText() + "/" + m.get("eventId").asText()).isEqualTo(identities.get(sequence));
            next++;
        }
        assertThat(next).as("every verdict, in order, read as README tells a consumer to").isEqualTo(events);
        return delivered.size();
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, int partition, JsonNode event)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, event.get("venue").asText(),
                JSON.writeValueAsBytes(event)));
    }

    private int membersWithPartitions(String group) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
        return (int) d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
    }

    private static List<JsonNode> readAll(String topic) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int idle = 0;
            while (idle < 10) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    out.add(JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    private static long stored(String db) throws Exception {
        return one(db, "select count(*) from liquidation_event");
    }

    private static long one(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "liqaudit", "liqaudit");
                Statement s = c.createStatement()) {
            return one(s, sql);
        }
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
