package io.liqaudit.ledger;

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
import org.junit.jupiter.api.Test;

/**
 * Changes one stored event and deletes another with plain SQL, as an insider with database
 * access might, and expects the audit to name exactly those two. Runs on its own database
 * (liquidations_test_tamper), since it breaks what the other tests rely on.
 */
@QuarkusTest
@TestProfile(TamperAuditTest.OwnDatabase.class)
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
        List<Long> bad = done.jsonPath().getList("badCheckpoints.treeSize", Long.class);
        assertThat(bad).isNotEmpty().allMatch(size -> size > 7);
        long checked = done.jsonPath().getLong("checkpointsChecked");
        assertThat(checked).isGreaterThanOrEqualTo(bad.size());
    }
}
