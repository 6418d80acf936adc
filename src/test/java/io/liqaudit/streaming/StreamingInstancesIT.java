package io.liqaudit.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.demo.DemoEvents;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.testing.PackagedService;
import java.net.http.HttpClient;
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
 * (skip any sequence at or below the highest seen) — gives every sequence exactly once, in order,
 * each naming the event the log holds at that sequence.
 */
class StreamingInstancesIT {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final String DB = "liquidations_test_stream";
    private static final String BROKER = "127.0.0.1:9092";
    private static final int EVENTS = 12_000;
    private static final int PARTITIONS = 4;

    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER));

    @Test
    void twoInstancesShareTheTopicAndAKilledOneLosesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "liquidations-it-" + run;
        String verdicts = "liquidation-verdicts-it-" + run;
        String group = "liquidation-audit-it-" + run;
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1), new NewTopic(verdicts, 1, (short) 1)))
                .all().get(30, TimeUnit.SECONDS);
        Map<String, String> streaming = Map.of("LIQAUDIT_KAFKA_ENABLED", "true", "KAFKA_BOOTSTRAP_SERVERS", BROKER,
                "LIQAUDIT_KAFKA_TOPIC", topic, "LIQAUDIT_KAFKA_VERDICT_TOPIC", verdicts,
                "LIQAUDIT_KAFKA_DEAD_LETTER_TOPIC", "liquidations-dead-letter-it-" + run,
                "MP_MESSAGING_INCOMING_LIQUIDATIONS_GROUP_ID", group);
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
            events.forEach(e -> ((ObjectNode) e).put("eventId", "it-" + run + "-" + e.get("eventId").asText()));
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
            while ((membersWithPartitions(group) < PARTITIONS || stored() < 2_000) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(membersWithPartitions(group)).as("both instances share the topic").isEqualTo(PARTITIONS);
            atKill = stored();
            a.kill();
            assertThat(atKill).as("recorded before the kill").isGreaterThanOrEqualTo(2_000).isLessThan(EVENTS);

            try (PackagedService again = PackagedService.start("streaming-a-again", DB, portA, users, keys, streaming)) {
                again.awaitReady(http);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                while ((stored() < EVENTS || one("select count(*) from verdict_outbox") > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            }
        }

        Map<Long, String> identities = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "liqaudit", "liqaudit");
                Statement s = c.createStatement()) {
            assertThat(one(s, "select count(*) from liquidation_event")).as("every event once").isEqualTo(EVENTS);
            assertThat(one(s, "select max(sequence) + 1 from liquidation_event")).as("gap-free").isEqualTo(EVENTS);
            assertThat(one(s, "select next_sequence from ledger_head")).isEqualTo(EVENTS);
            assertThat(one(s, "select count(*) from merkle_node where level = 0")).isEqualTo(EVENTS);
            assertThat(one(s, "select count(*) from event_status")).isEqualTo(EVENTS);
            assertThat(one(s, "select count(*) from verdict_outbox")).as("the outbox drains").isZero();
            try (ResultSet rs = s.executeQuery("select sequence, venue || '/' || event_id from liquidation_event")) {
                while (rs.next()) {
                    identities.put(rs.getLong(1), rs.getString(2));
                }
            }
        }

        List<JsonNode> delivered = readAll(verdicts);
        assertThat(delivered.size()).as("at least once").isGreaterThanOrEqualTo(EVENTS);
        long highest = -1;
        List<Long> kept = new ArrayList<>();
        for (JsonNode m : delivered) {
            long sequence = m.get("sequence").asLong();
            if (sequence <= highest) {
                continue; // a re-send after the kill: the documented dedupe
            }
            assertThat(sequence).as("in sequence order, no gap").isEqualTo(highest + 1);
            assertThat(m.get("venue").asText() + "/" + m.get("eventId").asText()).isEqualTo(identities.get(sequence));
            highest = sequence;
            kept.add(sequence);
        }
        assertThat(kept).hasSize(EVENTS);
        System.out.printf("StreamingInstancesIT: %d events (+ repeats) over %d partitions; %d recorded at the kill; "
                + "%d verdict messages delivered for %d events%n", EVENTS, PARTITIONS, atKill, delivered.size(), EVENTS);
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

    private static long stored() throws Exception {
        return one("select count(*) from liquidation_event");
    }

    private static long one(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "liqaudit", "liqaudit");
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
