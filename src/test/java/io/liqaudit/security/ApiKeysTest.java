package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: made, shown once, listed without the secret, scoped to a venue, revoked and rotated at once. */
@QuarkusTest
class ApiKeysTest {

    private static Response create(String body) {
        return TestUsers.as(Roles.ADMIN).contentType("application/json").body(body).post("/api/v1/admin/api-keys");
    }

    private static RequestSpecification with(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    @Test
    void aVenuesIngestKeyRecordsOnlyThatVenue() {
        String venue = "KEYS-" + UUID.randomUUID().toString().substring(0, 8);
        Response made = create("{\"name\":\"" + venue + " engine\",\"role\":\"ingestor\",\"venue\":\"" + venue + "\"}");
        made.then().statusCode(201).body("role", equalTo("ingestor")).body("venue", equalTo(venue));
        String id = made.jsonPath().getString("id");
        String key = made.jsonPath().getString("key");
        assertThat(key).startsWith("lqa_" + id + "_");

        // Listed, never with its secret.
        String listing = TestUsers.as(Roles.ADMIN).get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("id", hasItem(id)).extract().asString();
        assertThat(listing).doesNotContain(key.substring(21));

        ObjectNode own = TestEvents.fresh("consistent#1");
        own.put("venue", venue);
        with(key).contentType("application/json").body(own.toString()).post("/api/v1/liquidations").then().statusCode(201)
                .body("venue", equalTo(venue));
        ObjectNode other = TestEvents.fresh("consistent#2");
        other.put("venue", venue + "-OTHER");
        with(key).contentType("application/json").body(other.toString()).post("/api/v1/liquidations").then().statusCode(403);
        with(key).contentType("application/json").body("{\"events\":[" + TestEvents.fresh("consistent#3").put("venue", venue)
                        + "," + other + "]}").post("/api/v1/liquidations/batch").then().statusCode(403);
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + other.get("venue").asText() + "/"
                + other.get("eventId").asText()).then().statusCode(404);

        // Its fund is its own; another venue's fund is not.
        String fund = own.get("insuranceFund").get("fundId").asText();
        String movement = "{\"movementId\":\"m-" + venue + "\",\"kind\":\"DEPOSIT\",\"amount\":\"1\",\"occurredAt\":\"2026-03-01T00:00:00Z\"}";
        with(key).contentType("application/json").body(movement).post("/api/v1/insurance-funds/NO-SUCH-FUND/movements").then()
                .statusCode(403);

        // A reader key of the venue reads it only.
        String reader = create("{\"name\":\"recon\",\"role\":\"reconciler\",\"venue\":\"" + venue + "\"}").then().statusCode(201)
                .extract().jsonPath().getString("key");
        with(reader).get("/api/v1/liquidations/" + venue + "/" + own.get("eventId").asText()).then().statusCode(200);
        with(reader).get("/api/v1/liquidations").then().statusCode(200).body("items.venue", not(hasItem(not(equalTo(venue)))));
        with(reader).queryParam("venue", "VENUE-A").get("/api/v1/liquidations").then().statusCode(400);
        assertThat(fund).isNotBlank();
    }

    @Test
    void revokedAtOnceAndRotatedToANewKey() {
        Response made = create("{\"name\":\"rotating\",\"role\":\"auditor\"}");
        String id = made.jsonPath().getString("id");
        String key = made.jsonPath().getString("key");
        with(key).get("/api/v1/verification/runs").then().statusCode(200);

        Response rotated = TestUsers.as(Roles.ADMIN).contentType("application/json").post("/api/v1/admin/api-keys/" + id + "/rotate");
        rotated.then().statusCode(201).body("name", equalTo("rotating")).body("role", equalTo("auditor"));
        String newKey = rotated.jsonPath().getString("key");
        with(key).get("/api/v1/verification/runs").then().statusCode(401);
        with(newKey).get("/api/v1/verification/runs").then().statusCode(200);

        TestUsers.as(Roles.ADMIN).delete("/api/v1/admin/api-keys/" + rotated.jsonPath().getString("id")).then().statusCode(204);
        with(newKey).get("/api/v1/verification/runs").then().statusCode(401).contentType("application/problem+json");
        TestUsers.as(Roles.ADMIN).delete("/api/v1/admin/api-keys/" + id).then().statusCode(404);
    }

    @Test
    void aBadKeyRequestIsNamed() {
        create("{\"name\":\"x\",\"role\":\"superuser\"}").then().statusCode(400).body("errors.field", hasItem("$.role"));
        create("{\"name\":\"x\",\"role\":\"ingestor\",\"venue\":\"a b\"}").then().statusCode(400)
                .body("errors.field", hasItem("$.venue"));
        create("{\"role\":\"ingestor\",\"secret\":\"mine\"}").then().statusCode(400)
                .body("errors.field", hasItem("$.name")).body("errors.field", hasItem("$.secret"));
        create("{\"name\":\"x\",\"role\":\"ingestor\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}").then().statusCode(400)
                .body("errors.field", hasItem("$.expiresAt"));
    }
}
