package io.liqaudit.frontdoor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The front door: a landing page naming the latest checkpoint and the ways in; problems as a page
 * for browsers and as problem+json for API clients, by Accept; quarters typed in lower case; the
 * disclosure filters as pick lists of what is published (a venue's funds only, once one is picked).
 */
@QuarkusTest
class FrontDoorTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void theLandingPageSaysWhatThisIsAndLinksEveryWayIn() {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("<h1>Liquidation Audit</h1>").contains("href=\"/disclosures\"").contains("href=\"/portal\"")
                .contains("href=\"/reports\"").contains("href=\"/q/swagger-ui\"").contains("href=\"/q/openapi\"");
        // Checkpoints are signed every 200 ms in tests (the empty log's too): the page names one of them.
        assertThat(page).contains("id=\"tree-size\"").containsPattern("/api/v1/ledger/checkpoint\\?treeSize=\\d+")
                .containsPattern("<code class=\"hash\">[0-9a-f]{64}</code>");
    }

    @Test
    void aBrowserGetsAProblemAsAPageAndAnApiClientAsJson() {
        given().accept(BROWSER).get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("404 · Not Found"));
        given().accept("application/json").get("/no/such/page").then().statusCode(404).contentType("application/problem+json");
        given().get("/no/such/page").then().statusCode(404).contentType("application/problem+json");

        String page = given().accept(BROWSER).queryParam("period", "2026-13").get("/disclosures").then().statusCode(400)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("400 · Invalid request").contains("<dt>period</dt>");
        given().queryParam("period", "2026-13").get("/disclosures").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("period"));
        // A browser that follows an API link without signing in reads why, too.
        given().accept(BROWSER).get("/api/v1/cases").then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("401 · Unauthorized"));
    }

    @Test
    void quartersMayBeTypedInLowerCase() {
        given().queryParam("period", "2026-q3").get("/disclosures").then().statusCode(200)
                .body(containsString("2026-07-01 to 2026-10-01"));
    }

    @Test
    void filtersArePickListsOfWhatIsPublishedAndAVenueNarrowsItsFunds() {
        String venue = "DOOR-" + UUID.randomUUID().toString().substring(0, 8);
        String fund = venue + "-FUND";
        ObjectNode e = TestEvents.fresh("consistent#5");
        e.put("venue", venue).put("occurredAt", "2026-02-03T10:00:00Z");
        ((ObjectNode) e.get("insuranceFund")).put("fundId", fund);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        String all = given().queryParam("period", "2026").get("/disclosures").then().statusCode(200).extract().asString();
        assertThat(all).contains("<option>" + venue + "</option>").contains("<option>" + fund + "</option>");
        String other = given().queryParam("period", "2026").queryParam("venue", "SOME-OTHER-VENUE").get("/disclosures")
                .then().statusCode(200).extract().asString();
        assertThat(other).as("another venue's page offers only its funds").doesNotContain(fund)
                .contains("<option selected>SOME-OTHER-VENUE</option>");
        String own = given().queryParam("period", "2026").queryParam("venue", venue).get("/disclosures").then().statusCode(200)
                .extract().asString();
        assertThat(own).contains("<option selected>" + venue + "</option>").contains("<option>" + fund + "</option>");
    }
}
