package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Anyone can open a published liquidation from its register row: its fields without the account,
 * its steps and where the money went, its verdict with reasons in plain words, and its inclusion
 * proof hash by hash, checked by the offline verifier's code against the latest signed checkpoint.
 */
@QuarkusTest
class RegisterEntryTest {

    @Test
    void aRegisterRowLinksToItsLiquidationWithTheProofCheckedAndNoAccount() throws Exception {
        String venue = "ENTRY-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode e = TestEvents.fresh("defect:fee#46");
        e.put("venue", venue).put("occurredAt", "2026-03-04T05:06:07Z");
        String account = e.get("accountRef").asText();
        String eventId = e.get("eventId").asText();
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        long sequence = TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/" + eventId).jsonPath().getLong("sequence");
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") <= sequence; i++) {
            Thread.sleep(100);
        }

        String register = given().queryParam("period", "2026-03").queryParam("venue", venue).get("/disclosures/register")
                .then().statusCode(200).extract().asString();
        assertThat(register).contains("href=\"/disclosures/register/" + venue + "/" + eventId + "\"");

        String page = given().get("/disclosures/register/" + venue + "/" + eventId).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(page).doesNotContain(account).contains("Liquidation " + eventId + " at " + venue).contains("Step 1: closed")
                .contains("Verdict: DISCREPANT").contains("the proof holds");
        long treeSize = given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize");
        JsonPath proof = given().queryParam("sequence", sequence).queryParam("treeSize", treeSize).get("/api/v1/ledger/proof/inclusion")
                .jsonPath();
        assertThat(page).contains("<code>" + proof.getString("leafHash") + "</code>");
        for (String sibling : proof.getList("auditPath", String.class)) {
            assertThat(page).contains("<code>" + sibling + "</code>");
        }

        given().get("/disclosures/register/" + venue + "/no-such-event").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
