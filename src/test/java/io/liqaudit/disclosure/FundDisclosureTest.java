package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The insurance-fund page says plainly how a fund's balance moved: opening + each flow (movements
 * included) = closing, with nothing unexplained when the chain holds; daily balances include
 * deposits; a fund with movements only has balances too; a venue's page lists that venue's funds only.
 */
@QuarkusTest
class FundDisclosureTest {

    @Test
    void openingPlusEveryFlowIsTheClosingBalanceMovementsIncluded() {
        String venue = "FUNDPAGE-" + UUID.randomUUID().toString().substring(0, 8);
        String fund = venue + "-USDT";
        String quiet = venue + "-RESERVE";
        // April: the fund's first liquidation (its balance before it is where the chain starts).
        BigDecimal balance = post(venue, fund, "2026-04-20T10:00:00Z", new BigDecimal("1000000"));
        // May: a deposit of 250,000, then two liquidations whose stated balances follow the chain.
        movement(fund, "DEPOSIT", "250000", "2026-05-02T08:00:00Z");
        balance = balance.add(new BigDecimal("250000"));
        balance = post(venue, fund, "2026-05-03T10:00:00Z", balance);
        balance = post(venue, fund, "2026-05-07T10:00:00Z", balance);
        movement(fund, "WITHDRAWAL", "1000", "2026-05-09T08:00:00Z");
        balance = balance.subtract(new BigDecimal("1000"));
        io.liqaudit.fund.TestFunds.register(quiet, "USDT"); // a fund with movements only exists once an admin registers it
        movement(quiet, "DEPOSIT", "500", "2026-05-10T08:00:00Z");

        Map<String, String> lines = new LinkedHashMap<>();
        for (String row : csv("reconciliation", Map.of("period", "2026-05", "fundId", fund))) {
            String[] cells = row.split(",");
            lines.put(cells[1], cells[3]);
        }
        assertThat(lines).containsKeys("opening balance (end of 2026-04-30)", "deposits", "withdrawals",
                "closing balance (end of 2026-05-09)", "unexplained");
        assertThat(new BigDecimal(lines.get("deposits"))).isEqualByComparingTo("250000");
        assertThat(new BigDecimal(lines.get("withdrawals"))).isEqualByComparingTo("-1000");
        assertThat(new BigDecimal(lines.get("closing balance (end of 2026-05-09)"))).isEqualByComparingTo(balance);
        assertThat(new BigDecimal(lines.get("closing balance explained"))).isEqualByComparingTo(balance);
        assertThat(new BigDecimal(lines.get("unexplained"))).isEqualByComparingTo("0");

        List<String> days = csv("balances", Map.of("period", "2026-05", "fundId", fund));
        assertThat(days).as("the deposit's day has a closing balance").anySatisfy(r -> assertThat(r).startsWith(fund + ",2026-05-02,"));
        assertThat(days.get(days.size() - 1)).isEqualTo(fund + ",2026-05-09," + balance.stripTrailingZeros().toPlainString()
                + ",not stated");
        assertThat(csv("balances", Map.of("period", "2026-05", "fundId", quiet))).containsExactly(quiet + ",2026-05-10,500,USDT");
        // Over April and May together the fund is first seen in the period: its first stated balance is a line, not a break.
        Map<String, String> both = new LinkedHashMap<>();
        for (String row : csv("reconciliation", Map.of("period", "2026-Q2", "fundId", fund))) {
            both.put(row.split(",")[1], row.split(",")[3]);
        }
        assertThat(new BigDecimal(both.get("balance stated by its first liquidation"))).isEqualByComparingTo("1000000");
        assertThat(new BigDecimal(both.get("unexplained"))).isEqualByComparingTo("0");

        String page = given().queryParam("period", "2026-05").queryParam("fundId", fund).get("/disclosures/insurance-fund")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("Closing balance these explain").contains("Deposits").contains("<polyline");
        // A quarter's page folds the days into months, each linking to its month's daily page.
        String quarter = given().queryParam("period", "2026-Q2").queryParam("fundId", fund).get("/disclosures/insurance-fund")
                .then().statusCode(200).extract().asString();
        assertThat(quarter).contains("id=\"monthly-0\"").contains("href=\"/disclosures/insurance-fund?period=2026-04&amp;fundId=" + fund)
                .contains("href=\"/disclosures/insurance-fund?period=2026-05&amp;fundId=" + fund).doesNotContain("Daily closing balances");
        assertThat(page).contains("Daily closing balances");
        String venuePage = given().queryParam("period", "2026-05").queryParam("venue", venue).get("/disclosures/insurance-fund")
                .then().statusCode(200).extract().asString();
        assertThat(venuePage).contains("<h2 id=\"fund-0\">" + fund + "</h2>").doesNotContain("<h2 id=\"fund-1\">");
        assertThat(given().queryParam("period", "2026-05").queryParam("currency", "USDT").get("/disclosures/insurance-fund").then()
                .extract().asString()).as("a fund with movements only is listed, with its balance").contains(">" + quiet + "</h2>");
    }

    @Test
    void adlShortfallsAreListedWithTheLiquidationsBehindThemEvenWithoutADraw() {
        String venue = "ADLPAGE-" + UUID.randomUUID().toString().substring(0, 8);
        String fund = venue + "-USDT";
        // #20: the fund was empty, the whole loss went to ADL (no draw at all); #14: part drawn, part ADL;
        // #25: drawn in full, no shortfall.
        String onlyAdl = vector("consistent#20", venue, fund, "2026-05-11T10:00:00Z");
        String both = vector("consistent#14", venue, fund, "2026-05-12T10:00:00Z");
        String onlyDraw = vector("consistent#25", venue, fund, "2026-05-13T10:00:00Z");

        List<String> shortfalls = csv("shortfalls", Map.of("period", "2026-05", "fundId", fund));
        assertThat(shortfalls).as("largest first, each with its event").containsExactly(
                fund + ",%s,%s,2026-05-11,%s,ETHUSDT,12834.0259008,not stated".formatted(sequence(venue, onlyAdl), onlyAdl, venue),
                fund + ",%s,%s,2026-05-12,%s,BTCUSDT,11.970276,not stated".formatted(sequence(venue, both), both, venue));
        List<String> draws = csv("draws", Map.of("period", "2026-05", "fundId", fund));
        assertThat(draws).as("a shortfall without a draw is not a draw").hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("," + both + ",")).anySatisfy(r -> assertThat(r).contains("," + onlyDraw + ","));

        String page = given().queryParam("period", "2026-05").queryParam("fundId", fund).get("/disclosures/insurance-fund")
                .then().statusCode(200).extract().asString();
        String table = page.substring(page.indexOf("id=\"shortfalls-0\""), page.indexOf("</table>", page.indexOf("id=\"shortfalls-0\"")));
        assertThat(table).contains("href=\"/disclosures/register/" + venue + "/" + onlyAdl + "\"")
                .contains("href=\"/disclosures/register/" + venue + "/" + both + "\"").doesNotContain(onlyDraw)
                .contains("12,834.0259008");
        // The linked page is the published liquidation.
        given().get("/disclosures/register/" + venue + "/" + onlyAdl).then().statusCode(200);
    }

    /** Records a public vector's event as a new one of this venue and fund; answers its event id. */
    static String vector(String name, String venue, String fund, String at) {
        ObjectNode e = TestEvents.fresh(name);
        e.put("venue", venue).put("occurredAt", at);
        ((ObjectNode) e.get("insuranceFund")).put("fundId", fund);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        return e.get("eventId").asText();
    }

    private static long sequence(String venue, String eventId) {
        return TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/" + eventId).then().statusCode(200)
                .extract().jsonPath().getLong("sequence");
    }

    /** Records a liquidation with the stated balance before it; answers the balance after it (before + recomputed delta). */
    private static BigDecimal post(String venue, String fund, String at, BigDecimal before) {
        ObjectNode e = TestEvents.fresh("consistent#4");
        e.put("venue", venue).put("occurredAt", at);
        ((ObjectNode) e.get("insuranceFund")).put("fundId", fund).put("balanceBefore", before.toPlainString());
        String delta = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                .then().statusCode(201).extract().jsonPath().getString("recomputation.insuranceFundDelta");
        return before.add(new BigDecimal(delta));
    }

    private static void movement(String fund, String kind, String amount, String at) {
        TestUsers.as(Roles.INGESTOR).contentType("application/json")
                .body("{\"movementId\":\"" + UUID.randomUUID() + "\",\"kind\":\"" + kind + "\",\"amount\":\"" + amount
                        + "\",\"occurredAt\":\"" + at + "\"}")
                .post("/api/v1/insurance-funds/" + fund + "/movements").then().statusCode(201);
    }

    private static List<String> csv(String table, Map<String, String> params) {
        return given().queryParams(params).queryParam("table", table).get("/disclosures/insurance-fund.csv").then().statusCode(200)
                .extract().asString().lines().skip(1).filter(l -> !l.isBlank()).toList();
    }
}
