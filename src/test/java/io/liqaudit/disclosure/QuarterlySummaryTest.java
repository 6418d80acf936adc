package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The quarterly summary (PQD-style): every figure numbered and defined, its parts adding up to its
 * whole, and each equal to the same figure on the other pages for the same scope.
 */
@QuarkusTest
class QuarterlySummaryTest {

    @Test
    void figuresAreDefinedAddUpAndAgreeWithTheOtherPages() throws IOException {
        String venue = "PQD-" + UUID.randomUUID().toString().substring(0, 8);
        String fund = venue + "-USDT";
        FundDisclosureTest.vector("consistent#20", venue, fund, "2026-05-11T10:00:00Z"); // bankrupt, all to ADL
        FundDisclosureTest.vector("consistent#14", venue, fund, "2026-05-12T10:00:00Z"); // bankrupt, part drawn
        FundDisclosureTest.vector("consistent#36", venue, fund, "2026-06-12T10:00:00Z"); // excess equity left
        FundDisclosureTest.vector("consistent#4", venue, fund, "2026-06-13T10:00:00Z"); // nothing left
        FundDisclosureTest.vector("consistent#1", venue, fund, "2026-04-02T10:00:00Z"); // partial

        List<List<String>> rows = records(given().queryParam("period", "2026-q2").queryParam("venue", venue)
                .queryParam("table", "figures").get("/disclosures/quarterly.csv").then().statusCode(200).extract().asString());
        assertThat(rows.get(0)).containsExactly("ref", "section", "figure", "unit", "value", "definition", "currency");
        Map<String, String> value = new LinkedHashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertThat(r.get(5)).as("figure %s has a definition", r.get(0)).hasSizeGreaterThan(20);
            value.put(r.get(0), r.get(4));
        }
        assertThat(value.get("1.1")).isEqualTo("5");
        assertThat(n(value, "1.2").add(n(value, "1.3")).add(n(value, "1.4")).add(n(value, "1.5"))).isEqualByComparingTo(n(value, "1.1"));
        assertThat(value.get("2.1")).as("bankrupt").isEqualTo("2");
        assertThat(value.get("2.3")).as("with excess equity").isEqualTo("1");
        assertThat(n(value, "3.2").add(n(value, "3.4"))).as("losses = draws + shortfalls").isEqualByComparingTo(n(value, "3.1"));
        assertThat(value.get("3.4")).isEqualTo(new BigDecimal("12834.0259008").add(new BigDecimal("11.970276")).toPlainString());

        // Section 4 is the fund: opening + every flow = the closing balance explained; explained + unexplained = closing.
        List<List<String>> fundRows = rows.stream().filter(r -> r.get(1).equals("Insurance fund " + fund)).toList();
        assertThat(fundRows).isNotEmpty().allSatisfy(r -> assertThat(r.get(0)).startsWith("4."));
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal explained = null;
        BigDecimal closing = null;
        BigDecimal unexplained = null;
        for (List<String> r : fundRows) {
            String name = r.get(2);
            if (name.startsWith("Closing balance these explain")) {
                explained = new BigDecimal(r.get(4));
            } else if (name.startsWith("Closing balance (end of")) {
                closing = new BigDecimal(r.get(4));
            } else if (name.equals("Unexplained")) {
                unexplained = new BigDecimal(r.get(4));
            } else if (explained == null) {
                running = running.add(new BigDecimal(r.get(4))); // opening and each flow
            }
        }
        assertThat(explained).isEqualByComparingTo(running);
        assertThat(explained.add(unexplained)).isEqualByComparingTo(closing);

        // The same scope's overview CSV says the same counts and sums.
        List<List<String>> overview = records(given().queryParam("period", "2026-Q2").queryParam("venue", venue)
                .queryParam("table", "venues").get("/disclosures/index.csv").then().statusCode(200).extract().asString());
        Map<String, String> headline = new LinkedHashMap<>();
        for (int i = 0; i < overview.get(0).size(); i++) {
            headline.put(overview.get(0).get(i), overview.get(1).get(i));
        }
        assertThat(value.get("1.1")).isEqualTo(headline.get("liquidations"));
        assertThat(n(value, "1.6")).isEqualByComparingTo(headline.get("liquidated_notional"));
        assertThat(n(value, "1.7")).isEqualByComparingTo(headline.get("fees"));
        assertThat(n(value, "3.2")).isEqualByComparingTo(headline.get("fund_draws"));
        assertThat(n(value, "3.4")).isEqualByComparingTo(headline.get("adl_shortfall"));

        String page = given().queryParam("period", "2026-Q2").queryParam("venue", venue).get("/disclosures/quarterly").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("id=\"figure-1.1\"").contains("id=\"section-4\"").contains("Insurance fund " + fund)
                .contains("aria-current=\"page\">2026-Q2<");
    }

    @Test
    void withoutAPeriodItIsTheQuarterOfTheLastPublishedDay() {
        // The test profile's publication delay is well under a day: the last published day is yesterday or the day before.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String page = given().get("/disclosures/quarterly").then().statusCode(200).extract().asString();
        assertThat(page).containsAnyOf("disclosure: " + Period.quarterOf(today.minusDays(1)) + "</h1>",
                "disclosure: " + Period.quarterOf(today.minusDays(2)) + "</h1>");
    }

    private static BigDecimal n(Map<String, String> value, String ref) {
        return new BigDecimal(value.get(ref));
    }

    private static List<List<String>> records(String csv) {
        return PublicCsv.records(csv);
    }
}
