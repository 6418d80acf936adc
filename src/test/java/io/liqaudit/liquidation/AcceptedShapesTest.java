package io.liqaudit.liquidation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every shape an event may take (each public vector, so every verdict, outcome and policy, and
 * each optional field present, absent or null, decimals as strings and as numbers, the largest
 * accepted values) is stored, read back as it was sent, re-verified, audited, and shown on every
 * public page and CSV table: nothing accepted is ever unreadable later.
 */
@QuarkusTest
class AcceptedShapesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Every decimal string of the event as a JSON number, sent in exponent form where it is an integer. */
    private static JsonNode asNumbers(JsonNode node, String field) {
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), asNumbers(f.getValue(), f.getKey()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(n -> out.add(asNumbers(n, field)));
            return out;
        }
        if (node.isTextual() && node.textValue().matches("-?\\d+(\\.\\d+)?") && !Set.of("eventId", "ruleVersion", "source")
                .contains(field)) {
            return JSON.numberNode(new BigDecimal(node.textValue()));
        }
        return node;
    }

    private static List<ObjectNode> shapes(String venue) {
        List<ObjectNode> out = new ArrayList<>(TestEvents.all());
        // Decimals as JSON numbers (the whole event).
        out.add((ObjectNode) asNumbers(TestEvents.fresh("consistent#1"), null));
        // Optional parts absent, empty or null.
        ObjectNode noFillsNoReport = TestEvents.fresh("consistent#2");
        noFillsNoReport.remove("fills");
        noFillsNoReport.remove("reported");
        out.add(noFillsNoReport);
        ObjectNode emptyFills = TestEvents.fresh("consistent#3");
        emptyFills.putArray("fills");
        out.add(emptyFills);
        ObjectNode nullReports = TestEvents.fresh("consistent#4");
        ObjectNode reported = (ObjectNode) nullReports.get("reported");
        reported.putNull("liquidationPrice").putNull("bankruptcyPrice").putNull("outcome").putNull("markPrice");
        out.add(nullReports);
        ObjectNode explicitZeros = TestEvents.fresh("consistent#5");
        ((ObjectNode) explicitZeros.get("position")).put("openOrderMargin", "0").put("otherUnrealizedPnl", "0.0")
                .putNull("otherMaintenanceMargin");
        out.add(explicitZeros);
        // The largest accepted values: 38 digits, 30 places, 1E+30, identifiers of 128 characters, any Unicode text.
        ObjectNode extremes = TestEvents.fresh("consistent#7");
        ((ObjectNode) extremes.get("insuranceFund")).put("balanceBefore", "12345678.123456789012345678901234567890");
        ((ObjectNode) extremes.get("position")).put("otherMaintenanceMargin", "0.000000000000000000000000000000");
        extremes.put("accountRef", "a" + "b".repeat(127));
        extremes.put("ruleVersion", "règles 2026 \uD83D\uDCC8");
        out.add(extremes);
        ObjectNode bigExponent = TestEvents.fresh("unverifiable:lot#39");
        bigExponent.set("insuranceFund", ((ObjectNode) bigExponent.get("insuranceFund")).put("balanceBefore", "1E+30"));
        out.add(bigExponent);
        out.forEach(e -> e.put("venue", venue));
        return out;
    }

    private static Response awaitDone(String path) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Response r = TestUsers.as(Roles.AUDITOR).get(path);
            if (!"RUNNING".equals(r.jsonPath().getString("status"))) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not finish");
    }

    @Test
    void everyAcceptedShapeReadsBackReverifiesAuditsAndRenders() throws Exception {
        String venue = "SHAPES-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObjectNode> shapes = shapes(venue);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < shapes.size(); i++) {
            batch.append(i > 0 ? "," : "").append(shapes.get(i));
        }
        Response recorded = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch");
        recorded.then().statusCode(200).body("counts.created", equalTo(shapes.size()));
        Set<Long> sequences = new HashSet<>(recorded.jsonPath().getList("results.sequence", Long.class));

        Set<String> verdicts = new HashSet<>();
        for (ObjectNode sent : shapes) {
            Response stored = TestUsers.as(Roles.REGULATOR).get("/api/v1/liquidations/" + venue + "/"
                    + sent.get("eventId").asText());
            stored.then().statusCode(200);
            JsonNode input = TestEvents.JSON.readTree(stored.asString()).get("input");
            assertThat(numerically(input)).isEqualTo(numerically(sent));
            verdicts.add(stored.jsonPath().getString("verdict"));
        }
        assertThat(verdicts).contains("CONSISTENT", "DISCREPANT", "UNVERIFIABLE");

        // A movement of the same fund, so the fund pages show flows of both kinds.
        String fund = shapes.get(0).get("insuranceFund").get("fundId").asText();
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body("{\"movementId\":\"dep-" + venue + "\",\"kind\":\"DEPOSIT\","
                + "\"amount\":\"250000\",\"occurredAt\":\"2026-03-01T00:00:00Z\"}")
                .post("/api/v1/insurance-funds/" + fund + "/movements").then().statusCode(201);

        long run = TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"venue\":\"" + venue + "\"}")
                .post("/api/v1/verification/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitDone("/api/v1/verification/runs/" + run).then().body("status", equalTo("DONE"))
                .body("done", equalTo(shapes.size())).body("failed", equalTo(0));

        long audit = TestUsers.as(Roles.AUDITOR).contentType("application/json").post("/api/v1/ledger/audit").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        Response audited = awaitDone("/api/v1/ledger/audit/" + audit);
        audited.then().body("status", equalTo("DONE")).body("badCheckpoints.size()", equalTo(0));
        assertThat(audited.jsonPath().getList("tampered.sequence", Long.class)).doesNotContainAnyElementsOf(sequences);

        for (String page : List.of("", "/insurance-fund", "/excess-equity", "/liquidation-prices", "/register", "/methodology")) {
            for (String scope : List.of("period=2026&venue=" + venue, "period=2026", "period=2026-03")) {
                given().urlEncodingEnabled(false).get("/disclosures" + page + "?" + scope).then().statusCode(200)
                        .contentType(containsString("text/html"));
            }
        }
        for (String table : List.of("index.csv?table=venues", "index.csv?table=series", "insurance-fund.csv?table=flows",
                "insurance-fund.csv?table=balances", "insurance-fund.csv?table=draws", "excess-equity.csv?table=by-policy",
                "excess-equity.csv?table=distribution", "liquidation-prices.csv?table=by-symbol",
                "register.csv?table=register")) {
            given().urlEncodingEnabled(false).get("/disclosures/" + table + "&period=2026&venue=" + venue).then()
                    .statusCode(200).contentType(containsString("text/csv"));
        }
    }

    /** The event with every decimal as a number (strings and numbers compared by value). */
    private static JsonNode numerically(JsonNode node) {
        JsonNode numbers = asNumbers(node, null);
        return TestEvents.JSON.valueToTree(normalise(numbers));
    }

    private static Object normalise(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new java.util.TreeMap<>();
            node.fields().forEachRemaining(f -> out.put(f.getKey(), normalise(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(normalise(n)));
            return out;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.isNull() ? null : node.asText();
    }
}
