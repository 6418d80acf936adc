package io.liqaudit.recompute;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecomputeResourceTest {

    static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    static JsonNode vector(String name) throws IOException {
        try (InputStream in = RecomputeResourceTest.class.getResourceAsStream("/vectors/engine-v1-public.json")) {
            for (JsonNode v : JSON.readTree(in)) {
                if (v.get("name").asText().equals(name)) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void recomputesTheWorkedExampleWithDecimalsAsPlainStrings() throws IOException {
        JsonNode v = vector("worked:cross-short-liquidation-price");
        TestUsers.as(Roles.REGULATOR).contentType("application/json").body(v.get("input").toString())
                .post("/api/v1/engine/recompute").then().statusCode(200)
                .body("verdict", equalTo("CONSISTENT"))
                .body("liquidationPrice", equalTo("11383.99"))
                .body("bankruptcyPrice", equalTo("11689.53"))
                .body("steps[0].fee", equalTo("0.28475"))
                .body("insuranceFundBalanceAfter", equalTo("1000000.28475"))
                .body("remainingLiquidationPrice", nullValue())
                .body("engineVersion", equalTo("1.0.0"));
    }

    @Test
    void decimalsSentAsJsonNumbersAreReadExactly() throws IOException {
        ObjectNode input = (ObjectNode) vector("worked:cross-short-liquidation-price").get("input").deepCopy();
        String body = input.toString().replace("\"balanceBefore\":\"1000000\"", "\"balanceBefore\":1000000.000000000000000001");
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body(body)
                .post("/api/v1/engine/recompute").then().statusCode(200)
                .body("insuranceFundBalanceAfter", equalTo("1000000.284750000000000001"));
    }

    @Test
    void aDiscrepantEventNamesItsFindingsAndDifferences() throws IOException {
        JsonNode v = vector("defect:step_qty#17");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(v.get("input").toString())
                .post("/api/v1/engine/recompute").then().statusCode(200)
                .body("verdict", equalTo("DISCREPANT"))
                .body("findings.code", containsInAnyOrder("STEP_QUANTITY_MISMATCH", "INCOMPLETE_LIQUIDATION"))
                .body("differences.field", containsInAnyOrder("liquidatedQuantity", "totalFee", "steps[3].fee"));
    }

    @Test
    void anUnverifiableEventIsAnsweredWithItsReasons() throws IOException {
        JsonNode v = vector("unverifiable:lot#39");
        TestUsers.as(Roles.RECONCILER).contentType("application/json").body(v.get("input").toString())
                .post("/api/v1/engine/recompute").then().statusCode(200)
                .body("verdict", equalTo("UNVERIFIABLE"))
                .body("unverifiableReasons.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("$", not(org.hamcrest.Matchers.hasKey("steps")));
    }

    @Test
    void malformedInputNamesEveryBadField() throws IOException {
        ObjectNode input = (ObjectNode) vector("consistent#5").get("input").deepCopy();
        input.remove("venue");
        ((ObjectNode) input.get("position")).put("side", "SIDEWAYS");
        ((ObjectNode) input.get("position")).put("quantity", "1.2.3");
        ((ObjectNode) input.get("contract")).put("quoteScale", "8");
        input.put("occurredAt", "2026-07-04 05:00:13");
        ((ObjectNode) input.get("fills").get(0)).put("price", true);
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body(input.toString())
                .post("/api/v1/engine/recompute").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("$.venue", "$.position.side", "$.position.quantity",
                        "$.contract.quoteScale", "$.occurredAt", "$.fills[0].price"));
    }

    @Test
    void notJsonIsA400AndNobodyIsA401() {
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"eventId\": ")
                .post("/api/v1/engine/recompute").then().statusCode(400).contentType("application/problem+json");
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body("[1,2]")
                .post("/api/v1/engine/recompute").then().statusCode(400).body("errors.field", hasItems("$"));
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .post("/api/v1/engine/recompute").then().statusCode(401)
                .body(not(containsString("Exception")));
    }
}
