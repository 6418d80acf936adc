package io.liqaudit.liquidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * With the sequencer's queue as small as it gets (one event; one request's events per group),
 * many clients at once: the overflow is shed at once with 503, Retry-After and a problem
 * document, nothing of a shed batch is stored, and the same batch sent again is recorded.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.TinyQueue.class)
class LoadSheddingTest {

    public static class TinyQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("liqaudit.ingest.queue-capacity", "1", "liqaudit.ingest.max-group-events", "1");
        }
    }

    @Test
    void whatTheQueueCannotHoldIsShedWholeAndCanBeSentAgain() throws Exception {
        int clients = 24;
        List<String> bodies = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            StringBuilder body = new StringBuilder("{\"events\":[");
            List<String> batchIds = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ObjectNode e = TestEvents.fresh("consistent#4");
                e.put("venue", "VENUE-SHED");
                e.put("eventId", "shed-" + UUID.randomUUID());
                batchIds.add(e.get("eventId").asText());
                body.append(i > 0 ? "," : "").append(e);
            }
            bodies.add(body.append("]}").toString());
            ids.add(batchIds);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> answers = new ArrayList<>();
        for (String body : bodies) {
            answers.add(pool.submit(() -> {
                start.await();
                return TestUsers.as(Roles.INGESTOR).contentType("application/json").body(body)
                        .post("/api/v1/liquidations/batch");
            }));
        }
        start.countDown();
        int shed = 0;
        for (int c = 0; c < clients; c++) {
            Response r = answers.get(c).get();
            assertThat(r.statusCode()).as("batch %d", c).isIn(200, 503);
            if (r.statusCode() == 503) {
                shed++;
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("detail")).contains("Retry-After");
                // Nothing of it was stored: each of its events is unknown, and sending it again records it all.
                TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/VENUE-SHED/" + ids.get(c).get(0))
                        .then().statusCode(404);
                Response again = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(bodies.get(c))
                        .post("/api/v1/liquidations/batch");
                for (int tries = 0; again.statusCode() == 503 && tries < 50; tries++) {
                    Thread.sleep(50);
                    again = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(bodies.get(c))
                            .post("/api/v1/liquidations/batch");
                }
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(again.jsonPath().getInt("counts.created")).isEqualTo(20);
            } else {
                assertThat(r.jsonPath().getInt("counts.created")).isEqualTo(20);
            }
        }
        pool.shutdown();
        assertThat(shed).as("24 batches at once into a queue of one event").isPositive();
    }
}
