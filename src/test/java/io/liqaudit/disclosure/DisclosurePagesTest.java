package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pages' figures are our recomputations, their CSVs carry the same numbers, and bad input is a clear 400. */
@QuarkusTest
class DisclosurePagesTest {

    @Test
    void figuresComeFromRecomputationsNotFromWhatTheVenueReported() {
        String venue = "VENUE-DISC-" + UUID.randomUUID().toString().substring(0, 6);
        BigDecimal recomputedFees = BigDecimal.ZERO;
        BigDecimal reportedFees = BigDecimal.ZERO;
        List<String> vectors = List.of("defect:step_qty#17", "defect:fee#46", "consistent#5");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode e = TestEvents.fresh(vectors.get(i));
            e.put("venue", venue);
            e.put("occurredAt", "2026-05-0" + (i + 1) + "T10:00:00Z");
            String fee = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString())
                    .post("/api/v1/liquidations").then().statusCode(201).extract().jsonPath().getString("recomputation.totalFee");
            recomputedFees = recomputedFees.add(new BigDecimal(fee));
            if (e.get("reported").has("totalFee")) {
                reportedFees = reportedFees.add(new BigDecimal(e.get("reported").get("totalFee").asText()));
            }
        }
        String csv = given().queryParam("period", "2026-05").queryParam("venue", venue).queryParam("table", "venues")
                .get("/disclosures/index.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        String[] row = csv.lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(row[0]).isEqualTo(venue);
        assertThat(row[1]).isEqualTo("3");
        assertThat(new BigDecimal(row[5])).isEqualByComparingTo(recomputedFees).isNotEqualByComparingTo(reportedFees);

        String page = given().queryParam("period", "2026-05").queryParam("venue", venue).get("/disclosures")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("id=\"liquidations\" class=\"figure\">3<")
                .contains(Formats.money(recomputedFees))
                .contains("Period 2026-05: 2026-05-01 to 2026-06-01 (exclusive), UTC");
    }

    @Test
    void periodsOfEveryFormParseAndOthersAreRefused() {
        for (String period : List.of("2026", "2026-Q2", "2026-05", "2026-05-01")) {
            given().queryParam("period", period).get("/disclosures/excess-equity").then().statusCode(200);
        }
        given().queryParam("period", "2026-13").get("/disclosures").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        given().queryParam("period", "last week").get("/disclosures/register").then().statusCode(400);
        given().queryParam("table", "nothing").get("/disclosures/index.csv").then().statusCode(404);
        assertThat(Period.parse("2026-Q4").to()).hasToString("2027-01-01");
        assertThat(Period.parse("2024-02").daily()).isTrue();
    }
}
