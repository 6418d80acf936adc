package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The excess-equity page keeps full liquidations' outcomes apart (a loss, nothing left, some left)
 * and shows the amounts left on their own scale: before, every bankrupt or empty liquidation fell in
 * the "< 1" bucket beside the amounts, and that one bar flattened the rest.
 */
@QuarkusTest
class ExcessEquityDisclosureTest {

    @Test
    void outcomesAreApartAndAmountsHaveTheirOwnChart() {
        String venue = "EXCESS-" + UUID.randomUUID().toString().substring(0, 8);
        FundDisclosureTest.vector("consistent#20", venue, venue + "-F", "2026-05-11T10:00:00Z"); // bankrupt: 12,834.03 lost
        FundDisclosureTest.vector("consistent#4", venue, venue + "-F", "2026-05-11T11:00:00Z"); // nothing lost, nothing left
        FundDisclosureTest.vector("consistent#36", venue, venue + "-F", "2026-05-12T10:00:00Z"); // 27,851.71 left
        FundDisclosureTest.vector("consistent#51", venue, venue + "-F", "2026-05-12T11:00:00Z"); // 3,753.66 left

        List<String> rows = given().queryParam("period", "2026-05").queryParam("venue", venue).queryParam("table", "distribution")
                .get("/disclosures/excess-equity.csv").then().statusCode(200).extract().asString().lines().toList();
        assertThat(rows).containsExactly("excess_equity,full_liquidations,currency", "bankrupt (a loss),1,not stated",
                "nothing left,1,not stated", "0 – 1,0,not stated", "1 – 10,0,not stated", "10 – 100,0,not stated",
                "\"100 – 1,000\",0,not stated", "\"1,000 – 10,000\",1,not stated", "\"10,000 – 100,000\",1,not stated",
                "\"≥ 100,000\",0,not stated");

        String page = given().queryParam("period", "2026-05").queryParam("venue", venue).get("/disclosures/excess-equity")
                .then().statusCode(200).extract().asString();
        String outcomes = page.substring(page.indexOf("id=\"outcome-chart\""), page.indexOf("</figure>", page.indexOf("id=\"outcome-chart\"")));
        assertThat(outcomes).contains(">bankrupt (a loss)<").contains(">nothing left<").contains(">excess equity left<");
        String amounts = page.substring(page.indexOf("id=\"amount-chart\""), page.indexOf("</figure>", page.indexOf("id=\"amount-chart\"")));
        assertThat(amounts).as("the amounts' chart has no outcome bars").doesNotContain("nothing left").contains("10,000 – 100,000");
    }
}
