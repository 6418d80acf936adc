package io.liqaudit.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Changes one stored event and deletes another with plain SQL, as an insider with database
 * access might, and expects the audit to name exactly those two. Runs on its own database
 * (liquidations_test_tamper), since it breaks what the other tests rely on.
 */
@QuarkusTest
@TestProfile(TamperAuditTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperAuditTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/liquidations_test_tamper",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/liquidations_test_tamper");
        }
    }

    @Inject
    Pool pool;

    private Response awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Response r = TestUsers.as(Roles.AUDITOR).get("/api/v1/ledger/audit/" + id);
            if (!r.jsonPath().getString("status").equals("RUNNING")) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("audit " + id + " did not finish");
    }

    private void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().indefinitely();
    }

    @Test
    @Order(1)
    void theAuditNamesExactlyTheChangedAndTheDeletedEvent() throws Exception {
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<ObjectNode> events = TestEvents.all().subList(0, 30);
        for (int i = 0; i < events.size(); i++) {
            batch.append(i > 0 ? "," : "").append(events.get(i));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200).body("counts.created", equalTo(30));
        LedgerProofsTest.latestCheckpointCovering(30);

        long clean = TestUsers.as(Roles.AUDITOR).contentType("application/json").post("/api/v1/ledger/audit").then().statusCode(202)
                .body("status", equalTo("RUNNING")).extract().jsonPath().getLong("id");
        awaitDone(clean).then().body("status", equalTo("DONE")).body("tampered.size()", equalTo(0))
                .body("badCheckpoints.size()", equalTo(0)).body("done", equalTo(30));

        // The insider: triggers off, one collateral raised, one event removed with what hangs on it.
        sql("alter table liquidation_event disable trigger liquidation_event_append_only");
        sql("alter table recomputation disable trigger recomputation_append_only");
        sql("update liquidation_event set input = replace(input, '\"collateral\":\"', '\"collateral\":\"1') where sequence = 7");
        sql("delete from event_status where event_sequence = 19");
        sql("delete from recomputation where event_sequence = 19");
        sql("delete from liquidation_event where sequence = 19");
        sql("alter table liquidation_event enable trigger liquidation_event_append_only");
        sql("alter table recomputation enable trigger recomputation_append_only");

        long audit = TestUsers.as(Roles.AUDITOR).contentType("application/json").post("/api/v1/ledger/audit").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        Response done = awaitDone(audit);
        done.then().body("status", equalTo("DONE"));
        assertThat(done.jsonPath().getList("tampered.sequence", Long.class)).containsExactly(7L, 19L);
        assertThat(done.jsonPath().getString("tampered[1].reason")).contains("deleted");
        // The log itself and its checkpoints were not touched: none of them is named.
        assertThat(done.jsonPath().getList("badCheckpoints", Object.class)).isEmpty();
        assertThat(done.jsonPath().getLong("checkpointsChecked")).isPositive();
    }

    /** Checkpoints altered in the table are named one by one, and never served; altered leaves are said once. */
    @Test
    @Order(2)
    void alteredCheckpointsAndLeavesAreNamedOnceAndNeverServed() throws Exception {
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<ObjectNode> events = TestEvents.all().subList(30, 50);
        for (int i = 0; i < events.size(); i++) {
            batch.append(i > 0 ? "," : "").append(events.get(i));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200).body("counts.created", equalTo(20));
        long size = LedgerProofsTest.latestCheckpointCovering(50).jsonPath().getLong("treeSize");
        long earlier = pool.preparedQuery("select max(tree_size) from checkpoint where tree_size < $1").execute(Tuple.of(size))
                .await().indefinitely().iterator().next().getLong(0);

        sql("alter table checkpoint disable trigger checkpoint_append_only");
        sql("update checkpoint set root_hash = decode(repeat('ab', 32), 'hex') where tree_size = $1", earlier);
        sql("alter table checkpoint enable trigger checkpoint_append_only");
        // The edited root is not served beside the note that carries the real one.
        given().queryParam("treeSize", earlier).get("/api/v1/ledger/checkpoint").then().statusCode(500)
                .body("title", equalTo("Integrity alarm")).body(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("abababab")));

        sql("alter table merkle_node disable trigger merkle_node_append_only");
        sql("update merkle_node set hash = decode(repeat('cd', 32), 'hex') where level = 0 and idx = 40");
        sql("alter table merkle_node enable trigger merkle_node_append_only");

        long audit = TestUsers.as(Roles.AUDITOR).contentType("application/json").post("/api/v1/ledger/audit").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        Response done = awaitDone(audit);
        done.then().body("status", equalTo("DONE"));
        List<Map<String, Object>> bad = done.jsonPath().getList("badCheckpoints");
        assertThat(bad).anySatisfy(b -> {
            assertThat(((Number) b.get("treeSize")).longValue()).isEqualTo(earlier);
            assertThat((String) b.get("reason")).contains("altered").contains("signed note");
        });
        assertThat(bad).filteredOn(b -> ((String) b.get("reason")).contains("leaves no longer reach")).hasSize(1)
                .allSatisfy(b -> assertThat(((Number) b.get("treeSize")).longValue()).isGreaterThan(40));
        assertThat(bad).hasSize(2);
        assertThat(done.jsonPath().getList("tampered.sequence", Long.class)).contains(40L);

        // The portal's audit page links the tampered leaf to its event.
        ObjectNode fortieth = events.get(10);
        TestUsers.as(Roles.AUDITOR).get("/portal/audits/" + audit).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("href=\"/portal/events/" + fortieth.get("venue").asText() + "/"
                        + fortieth.get("eventId").asText() + "\""));

        // An event page with the latest checkpoint failing verification still shows the event, and says so.
        sql("alter table checkpoint disable trigger checkpoint_append_only");
        sql("update checkpoint set root_hash = decode(repeat('ef', 32), 'hex') where tree_size = $1", size);
        sql("alter table checkpoint enable trigger checkpoint_append_only");
        ObjectNode first = events.get(0);
        TestUsers.as(Roles.AUDITOR).get("/portal/events/{v}/{id}", first.get("venue").asText(), first.get("eventId").asText())
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("cannot be checked"));
    }

    /**
     * An event stored before the input rules with content they now refuse still reads back, and a
     * re-verification run records that it cannot replay it and finishes instead of retrying forever.
     */
    @Test
    @Order(3)
    void aRunRecordsWhatItCannotReplayAndMovesOn() throws Exception {
        String venue = "LEGACY-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<ObjectNode> events = TestEvents.all().subList(50, 53);
        for (int i = 0; i < events.size(); i++) {
            events.get(i).put("venue", venue);
            batch.append(i > 0 ? "," : "").append(events.get(i));
        }
        List<Long> seqs = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200).extract().jsonPath()
                .getList("results.sequence", Long.class);
        sql("alter table liquidation_event disable trigger liquidation_event_append_only");
        sql("update liquidation_event set input = '{\"note\":1' || repeat('0', 1000) || ',' || substr(input, 2) where sequence = $1",
                seqs.get(1));
        sql("alter table liquidation_event enable trigger liquidation_event_append_only");

        TestUsers.as(Roles.REGULATOR).get("/api/v1/liquidations/" + venue + "/" + events.get(1).get("eventId").asText())
                .then().statusCode(200);
        long run = TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"venue\":\"" + venue + "\"}")
                .post("/api/v1/verification/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        Response finished = null;
        for (int i = 0; i < 100 && finished == null; i++) {
            Response r = TestUsers.as(Roles.AUDITOR).get("/api/v1/verification/runs/" + run);
            finished = r.jsonPath().getString("status").equals("DONE") ? r : null;
            Thread.sleep(100);
        }
        assertThat(finished).as("the run finishes").isNotNull();
        finished.then().body("done", equalTo(3)).body("failed", equalTo(1));
        long failures = pool.preparedQuery("select count(*) from verification_failure where run_id = $1 and event_sequence = $2")
                .execute(Tuple.of(run, seqs.get(1))).await().indefinitely().iterator().next().getLong(0);
        assertThat(failures).isEqualTo(1);
    }
}
