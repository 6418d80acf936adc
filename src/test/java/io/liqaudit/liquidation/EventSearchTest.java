package io.liqaudit.liquidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.engine.MarginMode;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.PolicyMode;
import io.liqaudit.engine.Verdict;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Search: every filter finds exactly the events it names (checked against each event's own
 * standing, read one by one), each order pages through the whole result with no event twice or
 * missing, and the CSV export streams the whole result, not one page.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventSearchTest {

    private final String venue = "SRCH-" + UUID.randomUUID().toString().substring(0, 8);
    private String wrongSecondStepFee;
    private String wrongTotalFee;
    /** Each event of the venue with its standing as the single-event read serves it. */
    private final List<JsonNode> truth = new ArrayList<>();

    /** Once per class, but after the application has started (a PER_CLASS @BeforeAll can run before it listens). */
    @BeforeEach
    void record() {
        if (!truth.isEmpty()) {
            return;
        }
        ArrayNode events = TestEvents.JSON.createArrayNode();
        for (ObjectNode e : TestEvents.all()) {
            events.add(e.put("venue", venue));
        }
        ObjectNode second = TestEvents.fresh("consistent#2").put("venue", venue);
        ((ObjectNode) second.get("reported").get("steps").get(1)).put("fee", "0.123");
        wrongSecondStepFee = second.get("eventId").asText();
        ObjectNode total = TestEvents.fresh("consistent#2").put("venue", venue);
        ((ObjectNode) total.get("reported")).put("totalFee", "98765.4321");
        wrongTotalFee = total.get("eventId").asText();
        events.add(second).add(total);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body("{\"events\":" + events + "}")
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        for (JsonNode e : events) {
            truth.add(TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/{v}/{id}", venue, e.get("eventId").asText())
                    .then().statusCode(200).extract().as(JsonNode.class));
        }
    }

    private List<JsonNode> search(Map<String, ?> params) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            var spec = TestUsers.as(Roles.AUDITOR).queryParams(params).queryParam("venue", venue).queryParam("limit", 7);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonNode page = spec.get("/api/v1/liquidations").then().statusCode(200).extract().as(JsonNode.class);
            page.get("items").forEach(all::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return all;
    }

    private static Set<String> ids(List<JsonNode> events) {
        Set<String> out = new HashSet<>();
        events.forEach(e -> out.add(e.get("eventId").asText()));
        assertThat(out).as("no event twice").hasSameSizeAs(events);
        return out;
    }

    private Set<String> truthWhere(Predicate<JsonNode> p) {
        Set<String> out = new HashSet<>();
        truth.stream().filter(p).forEach(e -> out.add(e.get("eventId").asText()));
        return out;
    }

    /** Decimals travel as JSON strings, exactly. */
    private static BigDecimal decimal(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private static List<String> differing(JsonNode e) {
        List<String> out = new ArrayList<>();
        e.path("recomputation").path("differences").forEach(d -> out.add(d.get("field").asText()));
        return out;
    }

    @Test
    void eachFilterFindsExactlyTheEventsItNames() {
        assertThat(ids(search(Map.of()))).isEqualTo(truthWhere(e -> true)).hasSize(83);
        for (Verdict v : Verdict.values()) {
            assertThat(ids(search(Map.of("verdict", v.name())))).as(v.name())
                    .isEqualTo(truthWhere(e -> e.get("verdict").asText().equals(v.name())));
        }
        for (PolicyMode p : PolicyMode.values()) {
            assertThat(ids(search(Map.of("policy", p.name())))).as(p.name())
                    .isEqualTo(truthWhere(e -> e.get("input").get("policy").get("mode").asText().equals(p.name())));
        }
        for (MarginMode m : MarginMode.values()) {
            assertThat(ids(search(Map.of("marginMode", m.name())))).as(m.name())
                    .isEqualTo(truthWhere(e -> e.get("input").get("position").get("marginMode").asText().equals(m.name())));
        }
        for (Outcome o : Outcome.values()) {
            assertThat(ids(search(Map.of("outcome", o.name())))).as(o.name())
                    .isEqualTo(truthWhere(e -> o.name().equals(e.path("recomputation").path("outcome").asText(null))));
        }
        Set<String> codes = new HashSet<>();
        truth.forEach(e -> e.get("findingCodes").forEach(c -> codes.add(c.asText())));
        assertThat(codes).hasSizeGreaterThan(3);
        for (String code : codes) {
            assertThat(ids(search(Map.of("finding", code)))).as(code)
                    .isEqualTo(truthWhere(e -> e.get("findingCodes").toString().contains("\"" + code + "\"")));
        }
        JsonNode one = truth.get(5);
        assertThat(ids(search(Map.of("eventId", one.get("eventId").asText())))).containsExactly(one.get("eventId").asText());
        assertThat(ids(search(Map.of("accountRef", one.get("input").get("accountRef").asText()))))
                .isEqualTo(truthWhere(e -> e.get("input").get("accountRef").equals(one.get("input").get("accountRef"))));
        assertThat(ids(search(Map.of("from", "2026-07-01T00:00:00Z", "to", "2026-07-05T00:00:00Z"))))
                .isEqualTo(truthWhere(e -> {
                    String t = e.get("input").get("occurredAt").asText();
                    return t.compareTo("2026-07-01") >= 0 && t.compareTo("2026-07-05") < 0;
                }));
    }

    @Test
    void aDifferingFieldFindsTheEventsWhoseRecomputationDisagreesOnIt() {
        Set<String> fields = new HashSet<>();
        truth.forEach(e -> fields.addAll(differing(e)));
        assertThat(fields).contains("totalFee", "steps[2].fee");
        for (String field : fields) {
            assertThat(ids(search(Map.of("differingField", field)))).as(field)
                    .isEqualTo(truthWhere(e -> differing(e).contains(field)));
        }
        assertThat(ids(search(Map.of("differingField", "steps[2].fee")))).contains(wrongSecondStepFee)
                .doesNotContain(wrongTotalFee);
        assertThat(ids(search(Map.of("differingField", "totalFee")))).contains(wrongTotalFee);
        assertThat(ids(search(Map.of("differingField", "steps[*].fee"))))
                .isEqualTo(truthWhere(e -> differing(e).stream().anyMatch(f -> f.matches("steps\\[\\d+\\]\\.fee"))))
                .contains(wrongSecondStepFee);
        List<JsonNode> listed = search(Map.of("eventId", wrongSecondStepFee));
        assertThat(listed.get(0).get("differingFields").toString()).isEqualTo("[\"steps[2].fee\"]");
    }

    @Test
    void eachOrderPagesThroughTheWholeResultInOrder() {
        List<JsonNode> byTime = search(Map.of("sort", "time"));
        assertThat(ids(byTime)).hasSize(83);
        assertThat(byTime).isSortedAccordingTo(Comparator.comparing((JsonNode e) -> e.get("occurredAt").asText())
                .thenComparing(e -> e.get("sequence").asLong()).reversed());
        List<JsonNode> byAmount = search(Map.of("sort", "amount"));
        assertThat(ids(byAmount)).hasSize(83);
        assertThat(byAmount).isSortedAccordingTo(Comparator.comparing((JsonNode e) -> decimal(e.get("amountAtStake")))
                .thenComparing(e -> e.get("sequence").asLong()).reversed());
        for (JsonNode e : byAmount) {
            JsonNode delta = e.get("insuranceFundDelta");
            assertThat(decimal(e.get("amountAtStake"))).isEqualByComparingTo(
                    delta.isNull() ? BigDecimal.ZERO : decimal(delta).abs());
        }
        assertThat(decimal(byAmount.get(0).get("amountAtStake"))).isPositive();
        List<JsonNode> recorded = search(Map.of());
        assertThat(recorded).isSortedAccordingTo(Comparator.comparing((JsonNode e) -> e.get("sequence").asLong()).reversed());
    }

    @Test
    void badParametersAreEachNamed() {
        Response r = TestUsers.as(Roles.AUDITOR).queryParam("sort", "size").queryParam("differingField", "total fee")
                .queryParam("policy", "SOME").queryParam("outcome", "x").get("/api/v1/liquidations");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sort")).body("errors.field", hasItem("differingField"))
                .body("errors.field", hasItem("policy")).body("errors.field", hasItem("outcome"));
        String recordedCursor = TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("limit", 1)
                .get("/api/v1/liquidations").then().statusCode(200).extract().path("nextCursor");
        TestUsers.as(Roles.AUDITOR).queryParam("sort", "time").queryParam("cursor", recordedCursor)
                .get("/api/v1/liquidations").then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void theCsvExportStreamsTheWholeResult() {
        String csv = TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("sort", "amount")
                .get("/portal/events.csv").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("venue,eventId,sequence");
        assertThat(lines).hasSize(84);
        String blank = TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("verdict", "")
                .queryParam("differingField", "totalFee").get("/portal/events.csv").then().statusCode(200).extract().asString();
        assertThat(blank.split("\r\n")).hasSize(1 + truthWhere(e -> differing(e).contains("totalFee")).size());
    }
}
