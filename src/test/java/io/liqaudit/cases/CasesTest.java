package io.liqaudit.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases over HTTP: opened for discrepancies, walked to closed by two auditors, the timeline append-only. */
@QuarkusTest
class CasesTest {

    @Inject
    CaseOpener opener;

    @Inject
    Pool pool;

    private static RequestSpecification second() {
        return given().auth().preemptive().basic("t-auditor2", "auditor-password-2");
    }

    private static String record(String vector) {
        ObjectNode e = TestEvents.fresh(vector);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        return e.get("eventId").asText();
    }

    private long caseOf(String eventId) {
        opener.openAndClear().await().indefinitely();
        List<Map<String, Object>> items = TestUsers.as(Roles.AUDITOR).queryParam("limit", "500").get("/api/v1/cases")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(c -> eventId.equals(c.get("eventId"))).map(c -> ((Number) c.get("id")).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("no case for " + eventId));
    }

    private static io.restassured.response.Response act(RequestSpecification who, long id, String action, String body) {
        return who.contentType("application/json").body(body).post("/api/v1/cases/" + id + "/" + action);
    }

    @Test
    void aDiscrepancyIsWorkedFromOpenToClosedByTwoAuditors() {
        String eventId = record("defect:fee#13");
        String clean = record("consistent#2");
        long id = caseOf(eventId);
        opener.openAndClear().await().indefinitely(); // idempotent: still one case
        List<Map<String, Object>> all = TestUsers.as(Roles.AUDITOR).queryParam("limit", "500").get("/api/v1/cases")
                .then().extract().jsonPath().getList("items");
        assertThat(all.stream().filter(c -> eventId.equals(c.get("eventId"))).count()).isEqualTo(1);
        assertThat(all.stream().noneMatch(c -> clean.equals(c.get("eventId")))).as("a consistent event has no case").isTrue();

        act(TestUsers.as(Roles.AUDITOR), id, "assign", "{\"assignee\":\"t-auditor\"}").then().statusCode(200)
                .body("assignee", org.hamcrest.Matchers.equalTo("t-auditor"));
        act(TestUsers.as(Roles.AUDITOR), id, "investigate", "{}").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("INVESTIGATING"));
        act(TestUsers.as(Roles.AUDITOR), id, "comment", "{\"comment\":\"fee differs from the schedule\"}").then().statusCode(200);
        act(TestUsers.as(Roles.AUDITOR), id, "propose", "{}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("$.outcome"));
        act(TestUsers.as(Roles.AUDITOR), id, "propose", "{\"outcome\":\"CONFIRMED_BREACH\",\"comment\":\"fee overcharged\"}")
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("PROPOSED"));
        // Four eyes: the proposer cannot approve.
        act(TestUsers.as(Roles.AUDITOR), id, "approve", "{}").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("four eyes"));
        JsonPath closed = act(second(), id, "approve", "{}").then().statusCode(200).extract().jsonPath();
        assertThat(closed.getString("state")).isEqualTo("CLOSED");
        assertThat(closed.getString("outcome")).isEqualTo("CONFIRMED_BREACH");
        act(second(), id, "comment", "{\"comment\":\"late\"}").then().statusCode(409)
                .body("detail", containsString("closed"));

        JsonPath view = TestUsers.as(Roles.AUDITOR).get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("timeline.action")).containsExactly("OPENED", "ASSIGN", "INVESTIGATE", "COMMENT", "PROPOSE",
                "APPROVE");
        assertThat(view.getList("timeline.actor")).containsExactly("system", "t-auditor", "t-auditor", "t-auditor",
                "t-auditor", "t-auditor2");
        assertThat(view.getList("timeline.stateAfter")).containsExactly("OPEN", "OPEN", "INVESTIGATING", "INVESTIGATING",
                "PROPOSED", "CLOSED");

        // The timeline is append-only in the database itself.
        Throwable refused = pool.preparedQuery("update case_event set actor = 'someone' where case_id = $1")
                .execute(Tuple.of(id)).onItem().<Throwable>transform(r -> null).onFailure().recoverWithItem(e -> e)
                .await().indefinitely();
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("append-only");
    }

    @Test
    void badRequestsAreNamedAndUnknownCasesAre404() {
        act(TestUsers.as(Roles.AUDITOR), 999_999_999L, "comment", "{\"comment\":\"x\"}").then().statusCode(404);
        act(TestUsers.as(Roles.AUDITOR), 1, "delete", "{}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("action"));
        long id = caseOf(record("defect:fee#13"));
        act(TestUsers.as(Roles.AUDITOR), id, "comment", "{\"comment\":\"x\",\"extra\":1}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("$.extra"));
        act(TestUsers.as(Roles.AUDITOR), id, "snooze", "{\"until\":\"tomorrow\"}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("$.until"));
        TestUsers.as(Roles.AUDITOR).queryParam("state", "SLEEPING").get("/api/v1/cases").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("state"));
        TestUsers.as(Roles.AUDITOR).queryParam("state", "OPEN").queryParam("limit", "1").get("/api/v1/cases").then()
                .statusCode(200).body("items.state", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("OPEN")));
    }
}
