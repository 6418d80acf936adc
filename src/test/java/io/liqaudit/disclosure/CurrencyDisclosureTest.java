package io.liqaudit.disclosure;

import static io.liqaudit.disclosure.PublicCsv.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.fund.TestFunds;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every amount names its currency, the one its fund is registered in, and amounts in different
 * currencies are never added up: a scope whose funds hold several shows one at a time (the one
 * with the most liquidations, or the one asked for) and says so; a fund whose currency nobody
 * stated is shown as such, never assumed.
 */
@QuarkusTest
class CurrencyDisclosureTest {

    @Test
    void amountsAreNamedAndNeverAddedAcrossCurrencies() {
        String venue = "CCY-" + UUID.randomUUID().toString().substring(0, 8);
        TestFunds.register(venue + "-USDT", "USDT");
        TestFunds.register(venue + "-BTC", "BTC");
        FundDisclosureTest.vector("consistent#4", venue, venue + "-USDT", "2026-07-01T10:00:00Z");
        FundDisclosureTest.vector("consistent#14", venue, venue + "-USDT", "2026-07-02T10:00:00Z");
        FundDisclosureTest.vector("consistent#36", venue, venue + "-BTC", "2026-07-03T10:00:00Z");

        // The most liquidations are in USDT: shown first, and the page says the others exist.
        String page = given().queryParam("period", "2026-07").queryParam("venue", venue).get("/disclosures").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("id=\"liquidations\" class=\"figure\">2<").contains("Liquidated notional (USDT)")
                .contains("more than one currency").contains("<option value=\"BTC\">BTC</option>");
        Map<String, String> usdt = rows("index", "venues", Map.of("period", "2026-07", "venue", venue)).get(0);
        assertThat(usdt).containsEntry("liquidations", "2").containsEntry("currency", "USDT");

        // Asked for BTC: its fund only.
        Map<String, String> btc = rows("index", "venues", Map.of("period", "2026-07", "venue", venue, "currency", "BTC")).get(0);
        assertThat(btc).containsEntry("liquidations", "1").containsEntry("currency", "BTC");
        assertThat(given().queryParam("period", "2026-07").queryParam("venue", venue).queryParam("currency", "BTC")
                .get("/disclosures/insurance-fund").then().statusCode(200).extract().asString())
                .contains(">" + venue + "-BTC</h2>").doesNotContain(">" + venue + "-USDT</h2>").contains("Flows of " + venue + "-BTC, in BTC");
        List<Map<String, String>> figures = rows("quarterly", "figures", Map.of("period", "2026-Q3", "venue", venue, "currency", "BTC"));
        assertThat(figures).filteredOn(f -> f.get("unit").equals("money")).isNotEmpty().allSatisfy(f -> assertThat(f.get("currency"))
                .isEqualTo("BTC"));
        assertThat(given().queryParam("period", "2026-Q3").queryParam("venue", venue).queryParam("currency", "BTC")
                .get("/disclosures/quarterly").then().statusCode(200).extract().asString()).contains(" BTC</td>");

        // A venue of one currency says it once; a fund whose currency is not stated says that.
        String single = "CCY1-" + UUID.randomUUID().toString().substring(0, 8);
        FundDisclosureTest.vector("consistent#4", single, single + "-F", "2026-07-01T10:00:00Z");
        assertThat(given().queryParam("period", "2026-07").queryParam("venue", single).get("/disclosures").then().statusCode(200)
                .extract().asString()).contains("No currency is stated for\n      the funds shown")
                .contains("Liquidated notional (currency not stated)");
        String eventPage = given().get("/disclosures/register/" + venue + "/" + rows("register", "register",
                Map.of("period", "2026-07", "venue", venue, "currency", "BTC")).get(0).get("event_id")).then().statusCode(200)
                .extract().asString();
        assertThat(eventPage).contains("BTC.");

        // A currency that is not a code is a bad parameter, named.
        given().queryParam("period", "2026-07").queryParam("currency", "usdt").get("/disclosures").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("currency"));
    }
}
