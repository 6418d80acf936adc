package io.liqaudit.liquidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/liquidations/{venue}/{eventId}/trace: the stored recomputation's own numbers, explained. */
@QuarkusTest
class EventTraceTest {

    private static String record(ObjectNode event) {
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(event.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        return "/api/v1/liquidations/" + event.get("venue").asText() + "/" + event.get("eventId").asText();
    }

    @Test
    void aMultiStepEventIsExplainedWithTheNumbersItsRecomputationHolds() {
        String url = record(TestEvents.fresh("consistent#2"));
        JsonPath stored = TestUsers.as(Roles.AUDITOR).get(url).then().statusCode(200).extract().jsonPath();
        JsonPath trace = TestUsers.as(Roles.AUDITOR).get(url + "/trace").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(trace.getString("verdict")).isEqualTo(stored.getString("recomputation.verdict"));
        assertThat(trace.getLong("sequence")).isEqualTo(stored.getLong("sequence"));
        List<Map<String, Object>> steps = trace.getList("steps");
        List<Map<String, Object>> replaySteps = stored.getList("recomputation.steps");
        assertThat(replaySteps).hasSizeGreaterThanOrEqualTo(2);
        for (Map<String, Object> s : replaySteps) {
            int k = ((Number) s.get("step")).intValue();
            Map<String, Object> fee = steps.stream().filter(e -> ("fee of step " + k).equals(e.get("name"))).findFirst()
                    .orElseThrow();
            assertThat(new BigDecimal(fee.get("value").toString())).isEqualByComparingTo(s.get("fee").toString());
            assertThat(fee.get("formula").toString()).contains("roundMoney(q·F·liquidationFeeRate)");
            assertThat(((Map<?, ?>) fee.get("inputs")).keySet().stream().map(Object::toString).toList())
                    .contains("q", "F", "liquidationFeeRate");
        }
        Map<String, Object> trigger = steps.stream().filter(e -> "trigger".equals(e.get("name"))).findFirst().orElseThrow();
        assertThat(trigger.get("conclusion").toString()).startsWith("triggered");
        assertThat(trigger.get("section")).isEqualTo("6.1");
        // The regulator reads it too.
        TestUsers.as(Roles.REGULATOR).get(url + "/trace").then().statusCode(200);
    }

    @Test
    void anUnverifiableEventHasReasonsAndNoSteps() {
        String url = record(TestEvents.fresh("unverifiable:tiers_gap#31"));
        JsonPath trace = TestUsers.as(Roles.AUDITOR).get(url + "/trace").then().statusCode(200).extract().jsonPath();
        assertThat(trace.getString("verdict")).isEqualTo("UNVERIFIABLE");
        assertThat(trace.getList("unverifiableReasons")).isNotEmpty();
        assertThat(trace.getList("steps")).isEmpty();
    }

    @Test
    void anUnknownEventIs404() {
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/NO-VENUE/no-such-event/trace").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
