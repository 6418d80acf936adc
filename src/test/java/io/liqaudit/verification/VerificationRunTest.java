package io.liqaudit.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerificationRunTest {

    @Inject
    Pool pool;

    private String recordVenue(int events) {
        String venue = "VENUE-RV-" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<ObjectNode> all = TestEvents.all();
        for (int i = 0; i < events; i++) {
            ObjectNode e = all.get(i % all.size());
            e.put("venue", venue);
            e.put("eventId", "rv-" + i);
            batch.append(i > 0 ? "," : "").append(e);
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200).body("counts.created", equalTo(events));
        return venue;
    }

    private Response awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Response r = TestUsers.as(Roles.AUDITOR).get("/api/v1/verification/runs/" + id);
            if (r.jsonPath().getString("status").equals("DONE")) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aRunReplaysTheFilteredEventsAndStoresNewRecomputationsBesideTheOld() throws InterruptedException {
        String venue = recordVenue(81);
        // Pretend an older engine had judged one event differently: the run must notice the change.
        pool.preparedQuery("update event_status s set engine_verdict = 'UNVERIFIABLE' from liquidation_event e "
                + "where e.sequence = s.event_sequence and e.venue = $1 and e.event_id = 'rv-0'")
                .execute(Tuple.of(venue)).await().indefinitely();

        Response started = TestUsers.as(Roles.AUDITOR).contentType("application/json")
                .body("{\"venue\":\"" + venue + "\"}").post("/api/v1/verification/runs");
        started.then().statusCode(202).body("total", equalTo(81)).body("engineVersion", equalTo("1.0.0"));
        Response done = awaitDone(started.jsonPath().getLong("id"));
        done.then().body("done", equalTo(81)).body("verdictsChanged", equalTo(1)).body("secondsLeft", equalTo(0));

        assertThat(count("select count(*) from recomputation r join liquidation_event e on e.sequence = r.event_sequence "
                + "where e.venue = $1", venue)).as("old and new recomputations, side by side").isEqualTo(162);
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/rv-0").then().statusCode(200)
                .body("recomputations.size()", equalTo(2))
                .body("recomputations[1].runId", equalTo(started.jsonPath().getInt("id")));
    }

    @Test
    void anInterruptedRunIsResumedWhereItStopped() throws InterruptedException {
        String venue = recordVenue(30);
        long firstSeq = count("select min(sequence) from liquidation_event where venue = $1", venue);
        long lastSeq = count("select max(sequence) from liquidation_event where venue = $1", venue);
        // A run that an instance had taken halfway before it died: 10 done, resume point after them.
        long id = pool.preparedQuery("insert into verification_run (requested_by, engine_version, filter, status, "
                        + "up_to_sequence, total, done, last_sequence) values ('t-auditor', '1.0.0', $1::text::jsonb, 'RUNNING', $2, 30, 10, $3) "
                        + "returning id")
                .execute(Tuple.of("{\"venue\":\"" + venue + "\"}", lastSeq, firstSeq + 9)).await().indefinitely()
                .iterator().next().getLong(0);
        awaitDone(id).then().body("done", equalTo(30));
        assertThat(count("select count(*) from recomputation where run_id = $1", id)).as("only the 20 not yet done").isEqualTo(20);
    }

    @Test
    void anInvalidFilterIsRefused() {
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"verdict\":\"MAYBE\"}")
                .post("/api/v1/verification/runs").then().statusCode(400).body("errors[0].field", equalTo("$.verdict"));
    }
}
