package io.liqaudit.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;

/**
 * Events published to the liquidations topic (on the real local broker scripts/kafka-up.sh
 * starts) are recorded through the same ingest as HTTP: each once, a repeat a duplicate; a record
 * that is not JSON and a malformed event go to the dead-letter topic with their bytes and problems,
 * and the stream goes on; a conflict is refused and logged. Each recorded event's verdict comes
 * back on the verdict topic from the outbox, in sequence order, and the outbox drains.
 */
@QuarkusTest
@TestProfile(KafkaIngestTest.KafkaOn.class)
class KafkaIngestTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String TOPIC = "liquidations-test-" + RUN;
    static final String DEAD = "liquidations-dead-letter-test-" + RUN;
    static final String VERDICTS = "liquidation-verdicts-test-" + RUN;

    public static class KafkaOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("liqaudit.kafka.enabled", "true", "liqaudit.kafka.topic", TOPIC,
                    "liqaudit.kafka.dead-letter-topic", DEAD, "liqaudit.kafka.verdict-topic", VERDICTS,
                    "mp.messaging.incoming.liquidations.group.id", "test-" + RUN);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = io.liqaudit.platform.json.ExactDecimalJson.newMapper();

    @Inject
    Pool pool;

    @Test
    void eventsFromTheTopicAreRecordedOnceAndPoisonGoesToDeadLetters() throws Exception {
        String venue = "KAFKA-" + RUN;
        ObjectNode first = TestEvents.fresh("consistent#4").put("venue", venue).put("eventId", "k-1");
        ObjectNode second = TestEvents.fresh("defect:fee#13").put("venue", venue).put("eventId", "k-2");
        ObjectNode third = TestEvents.fresh("unverifiable:tiers_gap#31").put("venue", venue).put("eventId", "k-3");
        ObjectNode malformed = TestEvents.fresh("consistent#1").put("venue", venue).put("eventId", "k-4");
        malformed.remove("market");
        // The same identity as the first with other content: refused and logged, the first kept.
        ObjectNode conflicting = TestEvents.fresh("consistent#1").put("venue", venue).put("eventId", "k-1");
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (byte[] value : List.of(bytes(first), bytes(second), bytes(first), notJson, bytes(malformed), bytes(third),
                    bytes(conflicting))) {
                producer.send(new ProducerRecord<>(TOPIC, venue, value)).get();
            }
        }
        for (int i = 0; i < 300 && refused(venue + "/k-1") < 1; i++) {
            Thread.sleep(100);
        }
        assertThat(stored(venue)).as("each event once; the repeat is a duplicate").isEqualTo(3);
        assertThat(refused(venue + "/k-1")).as("the conflict is logged as an HTTP one is").isEqualTo(1);
        JsonNode kept = TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/k-1").then().statusCode(200)
                .extract().as(JsonNode.class);
        assertThat(kept.get("input").get("eventId").asText()).isEqualTo("k-1");
        assertThat(kept.get("input")).isEqualTo(JSON.readTree(bytes(first)));

        List<ConsumerRecord<String, byte[]>> letters = read(DEAD, 0).stream().filter(r -> venue.equals(r.key())).toList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).value()).isEqualTo(notJson);
        assertThat(new String(letters.get(0).headers().lastHeader("problem").value(), StandardCharsets.UTF_8))
                .contains("is not a JSON document");
        assertThat(letters.get(1).value()).isEqualTo(bytes(malformed));
        assertThat(new String(letters.get(1).headers().lastHeader("problem").value(), StandardCharsets.UTF_8))
                .contains("$.market");
        assertThat(stored(venue)).isEqualTo(3);

        // Out: one verdict message per recorded event, in sequence order, saying what the API says.
        List<ConsumerRecord<String, byte[]>> verdicts = read(VERDICTS, 0).stream().filter(r -> venue.equals(r.key())).toList();
        assertThat(verdicts).hasSize(3);
        List<Long> sequences = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : verdicts) {
            JsonNode message = JSON.readTree(r.value());
            assertThat(r.key()).isEqualTo(venue);
            assertThat(new String(r.headers().lastHeader("sequence").value(), StandardCharsets.UTF_8))
                    .isEqualTo(message.get("sequence").asText());
            JsonNode event = TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/"
                    + message.get("eventId").asText()).then().statusCode(200).extract().as(JsonNode.class);
            assertThat(message.get("sequence").asLong()).isEqualTo(event.get("sequence").asLong());
            assertThat(message.get("verdict").asText()).isEqualTo(event.get("verdict").asText());
            assertThat(message.get("leafHash").asText()).isEqualTo(event.get("leafHash").asText());
            sequences.add(message.get("sequence").asLong());
        }
        assertThat(sequences).isSorted();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", "127.0.0.1:9092"))) {
            assertThat(admin.describeTopics(List.of(VERDICTS)).allTopicNames().get().get(VERDICTS).partitions())
                    .as("the relay made the verdict topic with one partition (the broker's default is four)").hasSize(1);
        }
        JsonNode discrepant = JSON.readTree(verdicts.get(1).value());
        assertThat(discrepant.get("verdict").asText()).isEqualTo("DISCREPANT");
        assertThat(discrepant.get("findings")).isEmpty(); // a wrong fee: a difference, no broken rule
        assertThat(discrepant.get("differences").get(0).get("field").asText()).isEqualTo("steps[1].fee");
        JsonNode unverifiable = JSON.readTree(verdicts.get(2).value());
        assertThat(unverifiable.get("verdict").asText()).isEqualTo("UNVERIFIABLE");
        assertThat(unverifiable.get("unverifiableReasons")).isNotEmpty();
        assertThat(unverifiable.get("differences")).isEmpty();
        assertThat(JSON.readTree(verdicts.get(0).value()).get("unverifiableReasons")).isEmpty();
        for (int i = 0; i < 100 && outboxRows() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(outboxRows()).as("the outbox drains").isZero();

        // Operators see it: the consumer in readiness, dead letters, relayed verdicts and lag in the metrics.
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("liquidations"));
        String metrics = "";
        for (int i = 0; i < 50 && !metrics.contains("liqaudit_kafka_consumer_lag 0.0"); i++) {
            Thread.sleep(200);
            metrics = TestUsers.as(Roles.ADMIN).accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertThat(metrics).contains("liqaudit_kafka_consumer_lag 0.0", "liqaudit_verdict_outbox_messages 0.0");
        assertThat(counter(metrics, "liqaudit_kafka_dead_lettered_total")).isGreaterThanOrEqualTo(2);
        assertThat(counter(metrics, "liqaudit_verdicts_relayed_total")).isGreaterThanOrEqualTo(3);
    }

    /**
     * Hostile records (seeded, bounded: 300 records): mutated events and damaged bytes. Each one
     * is accounted for exactly once — recorded, a duplicate, a refused conflict or a dead letter
     * naming what is wrong — and the stream goes on: an event sent after them all is recorded.
     */
    @Test
    void hostileRecordsAreEachAccountedForAndTheStreamGoesOn() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261127L);
        java.util.Random random = new java.util.Random(seed);
        io.liqaudit.testing.JsonMutator mutator = new io.liqaudit.testing.JsonMutator(random);
        String venue = "KFUZZ-" + RUN;
        List<ObjectNode> vectors = TestEvents.all();
        int records = 300;
        double duplicatesBefore = duplicates();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < records; i++) {
                ObjectNode e = vectors.get(random.nextInt(vectors.size())).deepCopy().put("venue", venue)
                        .put("eventId", "f-" + i);
                mutator.mutate(e);
                String text = random.nextInt(4) == 0 ? mutator.damage(e.toString()) : e.toString();
                producer.send(new ProducerRecord<>(TOPIC, venue, text.getBytes(StandardCharsets.UTF_8)));
            }
            ObjectNode sentinel = TestEvents.fresh("consistent#2").put("venue", venue).put("eventId", "after-the-fuzz");
            producer.send(new ProducerRecord<>(TOPIC, venue, bytes(sentinel))).get();
        }
        for (int i = 0; i < 600 && !storedAs(venue, "after-the-fuzz"); i++) {
            Thread.sleep(100);
        }
        assertThat(storedAs(venue, "after-the-fuzz")).as("the stream goes on (seed %d)", seed).isTrue();

        List<ConsumerRecord<String, byte[]>> letters = read(DEAD, 0).stream()
                .filter(r -> venue.equals(r.key())).toList();
        for (ConsumerRecord<String, byte[]> letter : letters) {
            JsonNode problems = JSON.readTree(letter.headers().lastHeader("problem").value());
            assertThat(problems).as("a dead letter names what is wrong (seed %d)", seed).isNotEmpty();
            problems.forEach(p -> assertThat(p.get("field").asText()).startsWith("$"));
        }
        // What this test sent (the other test's events are venue KAFKA-RUN; a mutation may change any other field).
        long recorded = count("select count(*) from liquidation_event where recorded_by = $1 and venue <> $2 "
                + "and event_id <> 'after-the-fuzz'", "kafka:" + TOPIC, "KAFKA-" + RUN);
        long refused = count("select count(*) from refused_submission where submitted_by = $1 and identity not like $2",
                "kafka:" + TOPIC, "KAFKA-" + RUN + "/%");
        double repeated = duplicates() - duplicatesBefore;
        assertThat(recorded + refused + letters.size() + (long) repeated)
                .as("each hostile record once: %d recorded, %d refused, %d dead letters, %d duplicates (seed %d)",
                        recorded, refused, letters.size(), (long) repeated, seed)
                .isEqualTo(records);
        assertThat(letters.size()).as("most hostile records are refused (seed %d)", seed).isGreaterThan(records / 2);
    }

    private boolean storedAs(String venue, String eventId) {
        return count("select count(*) from liquidation_event where venue = $1 and event_id = $2", venue, eventId) > 0;
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    private static double duplicates() {
        String metrics = TestUsers.as(Roles.ADMIN).accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("liqaudit_events_duplicates_total")).mapToDouble(
                l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElse(-1);
    }

    /** The topic from its start: until {@code atLeast} records are read, or (0) until it has been quiet for 3 s. */
    private static List<ConsumerRecord<String, byte[]>> read(String topic, int atLeast) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            int quiet = 0;
            for (int i = 0; i < 60 && (atLeast == 0 ? quiet < 6 : out.size() < atLeast); i++) {
                var polled = consumer.poll(Duration.ofMillis(500));
                polled.forEach(out::add);
                quiet = polled.isEmpty() ? quiet + 1 : 0;
            }
        }
        return out;
    }

    private long refused(String identity) {
        return pool.preparedQuery("select count(*) from refused_submission where identity = $1").execute(Tuple.of(identity))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private long outboxRows() {
        return pool.query("select count(*) from verdict_outbox").execute().await().indefinitely().iterator().next().getLong(0);
    }

    private long stored(String venue) {
        return pool.preparedQuery("select count(*) from liquidation_event where venue = $1").execute(Tuple.of(venue))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private static byte[] bytes(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
