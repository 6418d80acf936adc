package io.liqaudit.fund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Insurance funds are known: a movement for a fund nobody registered is a 404 (not a new public
 * fund); the first liquidation naming a fund registers it (currency not stated), an admin states its
 * currency once, and another currency after that is a 409; an admin may register a fund ahead.
 */
@QuarkusTest
class FundRegistryTest {

    @Test
    void aMovementForAnUnknownFundIsRefusedAndFundsAreRegisteredOnce() {
        String fund = "REG-" + UUID.randomUUID().toString().substring(0, 8);
        String movement = "{\"movementId\":\"m1\",\"kind\":\"DEPOSIT\",\"amount\":\"100\",\"occurredAt\":\"2026-05-02T08:00:00Z\"}";
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(movement).post("/api/v1/insurance-funds/" + fund + "/movements")
                .then().statusCode(404).contentType("application/problem+json");
        TestUsers.as(Roles.AUDITOR).get("/api/v1/insurance-funds/" + fund).then().statusCode(404);

        // The first liquidation naming it registers it, with the liquidation that did.
        ObjectNode e = TestEvents.fresh("consistent#4");
        ((ObjectNode) e.get("insuranceFund")).put("fundId", fund);
        long sequence = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                .then().statusCode(201).extract().jsonPath().getLong("sequence");
        JsonPath named = TestUsers.as(Roles.AUDITOR).get("/api/v1/insurance-funds/" + fund).then().statusCode(200).extract().jsonPath();
        assertThat(named.getString("currency")).isNull();
        assertThat(named.getLong("firstSequence")).isEqualTo(sequence);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(movement).post("/api/v1/insurance-funds/" + fund + "/movements")
                .then().statusCode(201);

        // An admin states its currency once; the same again changes nothing; another is refused.
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"currency\":\"USDT\"}").put("/api/v1/insurance-funds/" + fund)
                .then().statusCode(200);
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"currency\":\"USDT\"}").put("/api/v1/insurance-funds/" + fund)
                .then().statusCode(200);
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"currency\":\"BTC\"}").put("/api/v1/insurance-funds/" + fund)
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(TestUsers.as(Roles.REGULATOR).get("/api/v1/insurance-funds/" + fund).jsonPath().getString("currency")).isEqualTo("USDT");

        // Registered ahead by an admin: movements are accepted before any liquidation.
        String ahead = fund + "-RESERVE";
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"currency\":\"BTC\"}").put("/api/v1/insurance-funds/" + ahead)
                .then().statusCode(201);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(movement).post("/api/v1/insurance-funds/" + ahead + "/movements")
                .then().statusCode(201);
        // A malformed registration names its fields.
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"currency\":\"usdt\",\"venue\":\"X\"}")
                .put("/api/v1/insurance-funds/" + fund + "-X").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("$.currency", "$.venue"));
    }
}
