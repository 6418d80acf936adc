package io.liqaudit.streaming;

import static org.assertj.core.api.Assertions.assertThat;

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
 * and the stream goes on.
 */
@QuarkusTest
@TestProfile(KafkaIngestTest.KafkaOn.class)
class KafkaIngestTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String TOPIC = "liquidations-test-" + RUN;
    static final String DEAD = "liquidations-dead-letter-test-" + RUN;

    public static class KafkaOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("liqaudit.kafka.enabled", "true", "liqaudit.kafka.topic", TOPIC,
                    "liqaudit.kafka.dead-letter-topic", DEAD, "mp.messaging.incoming.liquidations.group.id", "test-" + RUN);
        }
    }

    @Inject
    Pool pool;

    @Test
    void eventsFromTheTopicAreRecordedOnceAndPoisonGoesToDeadLetters() throws Exception {
        String venue = "KAFKA-" + RUN;
        ObjectNode first = TestEvents.fresh("consistent#4").put("venue", venue).put("eventId", "k-1");
        ObjectNode second = TestEvents.fresh("consistent#1").put("venue", venue).put("eventId", "k-2");
        ObjectNode malformed = TestEvents.fresh("consistent#1").put("venue", venue).put("eventId", "k-3");
        malformed.remove("market");
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (byte[] value : List.of(bytes(first), bytes(second), bytes(first), notJson, bytes(malformed))) {
                producer.send(new ProducerRecord<>(TOPIC, venue, value)).get();
            }
        }
        for (int i = 0; i < 300 && stored(venue) < 2; i++) {
            Thread.sleep(100);
        }
        assertThat(stored(venue)).as("each event once; the repeat is a duplicate").isEqualTo(2);
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/k-2").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(DEAD));
            for (int i = 0; i < 60 && letters.size() < 2; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
            }
        }
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).value()).isEqualTo(notJson);
        assertThat(new String(letters.get(0).headers().lastHeader("problem").value(), StandardCharsets.UTF_8))
                .contains("is not a JSON document");
        assertThat(letters.get(1).value()).isEqualTo(bytes(malformed));
        assertThat(new String(letters.get(1).headers().lastHeader("problem").value(), StandardCharsets.UTF_8))
                .contains("$.market");
        assertThat(stored(venue)).isEqualTo(2);
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
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + RUN);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
