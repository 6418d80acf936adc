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

    /** Every headline figure of the overview is the sum of the per-venue rows (its CSV), to the last unit as printed. */
    @Test
    void headlineFiguresAreTheSumsOfTheirRows() {
        for (int i = 0; i < 3; i++) { // amounts of several venues, with more decimals than cents
            ObjectNode e = TestEvents.fresh(List.of("consistent#5", "defect:fee#46", "defect:step_qty#17").get(i));
            e.put("venue", "VENUE-SUM-" + i + "-" + UUID.randomUUID().toString().substring(0, 6)).put("occurredAt", "2026-06-0" + (i + 1)
                    + "T10:00:00Z");
            TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                    .then().statusCode(201);
        }
        List<String[]> rows = given().queryParam("period", "2026").queryParam("table", "venues").get("/disclosures/index.csv")
                .then().statusCode(200).extract().asString().lines().skip(1).map(l -> l.split(",")).toList();
        assertThat(rows).hasSizeGreaterThan(2);
        String page = given().queryParam("period", "2026").get("/disclosures").then().statusCode(200).extract().asString();
        long events = rows.stream().mapToLong(r -> Long.parseLong(r[1])).sum();
        long noFill = rows.stream().mapToLong(r -> Long.parseLong(r[12])).sum();
        long unverifiable = rows.stream().mapToLong(r -> Long.parseLong(r[11])).sum();
        long partial = rows.stream().mapToLong(r -> Long.parseLong(r[2])).sum();
        long full = rows.stream().mapToLong(r -> Long.parseLong(r[3])).sum();
        assertThat(partial + full + noFill + unverifiable).as("every liquidation has one outcome or none to count").isEqualTo(events);
        assertThat(page).contains("id=\"liquidations\" class=\"figure\">" + Formats.count(events) + "<")
                .containsPattern("id=\"fills\"\\s+class=\"figure\">" + Formats.count(partial) + " / " + Formats.count(full) + " / "
                        + Formats.count(noFill) + " / " + Formats.count(unverifiable) + "<");
        // The page's own per-venue rows, as printed, add up to the headline as printed (rounded rows would not).
        String byVenue = page.substring(page.indexOf("id=\"by-venue\""), page.indexOf("id=\"rules\"")); // the next section counts rule breaks
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr><th scope=\"row\">[^<]+</th>(.*?)</tr>",
                java.util.regex.Pattern.DOTALL).matcher(byVenue);
        BigDecimal[] printed = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        int venues = 0;
        while (row.find()) {
            List<String> cells = new java.util.ArrayList<>();
            java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replace(",", ""));
            }
            for (int c = 0; c < 4; c++) {
                printed[c] = printed[c].add(new BigDecimal(cells.get(3 + c)));
            }
            venues++;
        }
        assertThat(venues).isEqualTo(rows.size());
        String[] ids = {"notional", "fees", "inflows", "draws"};
        for (int c = 0; c < ids.length; c++) {
            int column = 4 + c;
            BigDecimal sum = rows.stream().map(r -> new BigDecimal(r[column])).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(printed[c]).as(ids[c] + " rows as printed").isEqualByComparingTo(sum);
            assertThat(page).as(ids[c]).contains("id=\"" + ids[c] + "\" class=\"figure\">" + Formats.money(sum) + "<");
        }
    }

    /** The public headline and the reconciliation API tell the same story: count, notional and fees of one venue's month. */
    @Test
    void headlineFiguresEqualTheReconciliationTotals() throws Exception {
        String venue = "VENUE-RECON-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> vectors = List.of("consistent#5", "defect:fee#46", "defect:step_qty#17", "consistent#4");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode e = TestEvents.fresh(vectors.get(i));
            e.put("venue", venue).put("occurredAt", "2026-08-1" + i + "T10:00:00Z");
            TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                    .then().statusCode(201);
        }
        long size = TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("limit", 1).get("/api/v1/liquidations")
                .jsonPath().getLong("items[0].sequence") + 1;
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") < size; i++) {
            Thread.sleep(100);
        }
        io.restassured.path.json.JsonPath totals = TestUsers.as(Roles.RECONCILER).queryParam("venue", venue)
                .queryParam("from", "2026-08-01T00:00:00Z").queryParam("to", "2026-09-01T00:00:00Z")
                .get("/api/v1/reconciliation/totals").then().statusCode(200).extract().jsonPath();
        String page = given().queryParam("period", "2026-08").queryParam("venue", venue).get("/disclosures").then().statusCode(200)
                .extract().asString();
        assertThat(totals.getLong("groups[0].events")).isEqualTo(vectors.size());
        assertThat(page).contains("id=\"liquidations\" class=\"figure\">" + Formats.count(totals.getLong("groups[0].events")) + "<")
                .contains("id=\"notional\" class=\"figure\">" + Formats.money(new BigDecimal(totals.getString("groups[0].notional")))
                        + "<")
                .contains("id=\"fees\" class=\"figure\">" + Formats.money(new BigDecimal(totals.getString("groups[0].feesToFund"))
                        .add(new BigDecimal(totals.getString("groups[0].feesToVenue")))) + "<");
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
