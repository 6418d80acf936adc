package io.liqaudit.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A downstream system follows the change feed by polling: every event recorded by concurrent
 * clients appears once, in one gap-free order; an event a re-verification run revises appears
 * again as REVISED; a cursor read twice gives the same page.
 */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    Pool pool;

    private static JsonPath changes(Map<String, Object> params) {
        return TestUsers.as(Roles.RECONCILER).queryParams(params).get("/api/v1/reconciliation/changes").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Every change after {@code cursor}, page by page; answers them and leaves the last cursor in {@code last[0]}. */
    private static List<Map<String, Object>> follow(String cursor, String[] last) {
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            JsonPath page = changes(Map.of("after", cursor, "limit", 7));
            List<Map<String, Object>> items = page.getList("items");
            all.addAll(items);
            cursor = page.getString("nextCursor");
            if (items.isEmpty()) {
                last[0] = cursor;
                return all;
            }
        }
    }

    @Test
    void concurrentClientsEventsAppearOnceInOrderAndARevisionAppearsAgain() throws Exception {
        String start = changes(Map.of("after", "end")).getString("nextCursor");
        String venue = "CHG-" + UUID.randomUUID().toString().substring(0, 8);
        List<com.fasterxml.jackson.databind.node.ObjectNode> all = TestEvents.all().subList(0, 40);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            StringBuilder batch = new StringBuilder("{\"events\":[");
            for (int i = c * 10; i < c * 10 + 10; i++) {
                batch.append(i > c * 10 ? "," : "").append(all.get(i).put("venue", venue));
            }
            String body = batch.append("]}").toString();
            sent.add(clients.submit(() -> TestUsers.as(Roles.INGESTOR).contentType("application/json").body(body)
                    .post("/api/v1/liquidations/batch").then().statusCode(200)));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        clients.shutdown();

        String[] cursor = new String[1];
        List<Map<String, Object>> recorded = follow(start, cursor);
        List<Map<String, Object>> ours = recorded.stream().filter(c -> venue.equals(c.get("venue"))).toList();
        assertThat(ours).hasSize(40).allSatisfy(c -> assertThat(c.get("kind")).isEqualTo("RECORDED"));
        List<Long> sequences = recorded.stream().map(c -> ((Number) c.get("sequence")).longValue()).toList();
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("recorded events in log order, none missing").isEqualTo(sequences.get(i - 1) + 1);
        }
        assertThat(changes(Map.of("after", start, "limit", 7)).getList("items"))
                .as("the same cursor, the same page").isEqualTo(changes(Map.of("after", start, "limit", 7)).getList("items"));

        io.restassured.response.Response csv = TestUsers.as(Roles.RECONCILER).accept("text/csv").queryParam("after", start)
                .queryParam("limit", 5).get("/api/v1/reconciliation/changes");
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.asString().split("\r\n")).hasSize(6);
        assertThat(csv.asString()).startsWith("position,offset,kind,at,runId,sequence,venue,eventId,recordedAt,verdict\r\n");
        assertThat(csv.getHeader("Liqaudit-Next-Cursor")).isEqualTo(changes(Map.of("after", start, "limit", 5))
                .getString("nextCursor"));

        // Pretend an older engine judged one event otherwise: the run's new recomputation revises it.
        String eventId = all.get(3).get("eventId").asText();
        pool.preparedQuery("update event_status s set engine_verdict = 'UNVERIFIABLE' from liquidation_event e "
                + "where e.sequence = s.event_sequence and e.venue = $1 and e.event_id = $2")
                .execute(Tuple.of(venue, eventId)).await().indefinitely();
        long run = TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"venue\":\"" + venue + "\"}")
                .post("/api/v1/verification/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        for (int i = 0; i < 200 && !TestUsers.as(Roles.AUDITOR).get("/api/v1/verification/runs/" + run).jsonPath()
                .getString("status").equals("DONE"); i++) {
            Thread.sleep(100);
        }
        List<Map<String, Object>> revised = follow(cursor[0], new String[1]);
        assertThat(revised).hasSize(1);
        assertThat(revised.get(0)).containsEntry("kind", "REVISED").containsEntry("eventId", eventId)
                .containsEntry("venue", venue);
        assertThat(((Number) revised.get(0).get("runId")).longValue()).isEqualTo(run);
    }

    @Test
    void aCursorThatIsNotOursIsNamed() {
        TestUsers.as(Roles.RECONCILER).queryParam("after", "nonsense").get("/api/v1/reconciliation/changes").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("after"));
        TestUsers.as(Roles.AUDITOR).get("/api/v1/reconciliation/changes").then().statusCode(403);
    }
}
