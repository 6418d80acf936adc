package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;
import static io.liqaudit.disclosure.PublicCsv.rows;
import static io.liqaudit.disclosure.PublicCsv.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every public page tells the same story for the same scope: the overview's headline, the insurance
 * fund's flows, the excess-equity and liquidation-price tables and the ADL and draw lists each add
 * up to the same figures, and those equal the reconciliation API's totals, on events of every
 * outcome (partial, full with a loss, with nothing left, with excess equity; a fund draw, ADL).
 */
@io.quarkus.test.junit.QuarkusTest
class PagesAgreeTest {

    @Test
    void everyPageAddsUpToTheOverviewAndTheOverviewToTheReconciliationTotals() throws Exception {
        String venue = "AGREE-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> vectors = List.of("consistent#20", "consistent#14", "consistent#36", "consistent#51", "consistent#5",
                "defect:fee#46", "consistent#4", "consistent#1", "consistent#25");
        for (int i = 0; i < vectors.size(); i++) {
            FundDisclosureTest.vector(vectors.get(i), venue, venue + "-F" + (i % 2), "2026-09-0" + (i + 1) + "T10:00:00Z");
        }
        long size = TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("limit", 1).get("/api/v1/liquidations")
                .jsonPath().getLong("items[0].sequence") + 1;
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") < size; i++) {
            Thread.sleep(100);
        }
        Map<String, String> scope = Map.of("period", "2026-09", "venue", venue);
        Map<String, String> overview = rows("index", "venues", scope).get(0);
        BigDecimal draws = new BigDecimal(overview.get("fund_draws"));
        BigDecimal adl = new BigDecimal(overview.get("adl_shortfall"));
        long full = Long.parseLong(overview.get("full"));
        assertThat(draws.signum()).isPositive();
        assertThat(adl.signum()).isPositive();

        // Insurance funds: the flows of every fund of the venue add up to the headline.
        List<Map<String, String>> flows = rows("insurance-fund", "flows", scope);
        assertThat(sum(flows.stream().filter(f -> f.get("flow").equals("bankruptcy-loss draws")).toList(), "amount").negate())
                .isEqualByComparingTo(draws);
        assertThat(sum(flows.stream().filter(f -> f.get("flow").equals("ADL shortfalls")).toList(), "amount")).isEqualByComparingTo(adl);
        BigDecimal kept = sum(flows.stream().filter(f -> f.get("flow").equals("excess-equity deposits")).toList(), "amount");
        BigDecimal fees = sum(flows.stream().filter(f -> f.get("flow").equals("fee contributions")).toList(), "amount");
        assertThat(fees.add(kept)).isEqualByComparingTo(overview.get("fund_inflows"));
        assertThat(sum(rows("insurance-fund", "shortfalls", scope), "amount")).as("every shortfall listed").isEqualByComparingTo(adl);
        assertThat(sum(rows("insurance-fund", "draws", scope), "amount")).as("every draw listed (fewer than ten)").isEqualByComparingTo(draws);

        // Excess equity: its tables count the headline's full liquidations and the funds' deposits.
        List<Map<String, String>> byPolicy = rows("excess-equity", "by-policy", scope);
        assertThat(sum(byPolicy, "full_liquidations")).isEqualByComparingTo(BigDecimal.valueOf(full));
        assertThat(sum(rows("excess-equity", "distribution", scope), "full_liquidations")).isEqualByComparingTo(BigDecimal.valueOf(full));
        assertThat(sum(byPolicy, "kept_by_fund")).isEqualByComparingTo(kept);
        BigDecimal returned = sum(byPolicy, "returned_to_traders");

        // Liquidation prices: per symbol, the same draws and excess equity.
        List<Map<String, String>> symbols = rows("liquidation-prices", "by-symbol", scope);
        assertThat(sum(symbols, "fund_paid_amount")).isEqualByComparingTo(draws);
        assertThat(sum(symbols, "kept_by_fund")).isEqualByComparingTo(kept);
        assertThat(sum(symbols, "returned_to_traders")).isEqualByComparingTo(returned);

        // The reconciliation API, summed from the same recomputations, says the same.
        JsonPath totals = TestUsers.as(Roles.RECONCILER).queryParam("venue", venue).queryParam("from", "2026-09-01T00:00:00Z")
                .queryParam("to", "2026-10-01T00:00:00Z").get("/api/v1/reconciliation/totals").then().statusCode(200).extract()
                .jsonPath();
        assertThat(totals.getLong("groups[0].events")).isEqualTo(Long.parseLong(overview.get("liquidations"))).isEqualTo(vectors.size());
        assertThat(new BigDecimal(totals.getString("groups[0].notional"))).isEqualByComparingTo(overview.get("liquidated_notional"));
        assertThat(new BigDecimal(totals.getString("groups[0].figures.totalFee.recomputed"))).isEqualByComparingTo(overview.get("fees"));
        assertThat(new BigDecimal(totals.getString("groups[0].figures.adlShortfall.recomputed"))).isEqualByComparingTo(adl);
        assertThat(new BigDecimal(totals.getString("groups[0].figures.bankruptcyLoss.recomputed")).subtract(adl))
                .as("draws = losses − shortfalls").isEqualByComparingTo(draws);
        assertThat(new BigDecimal(totals.getString("groups[0].figures.excessEquity.recomputed")))
                .as("excess equity = kept + returned").isEqualByComparingTo(kept.add(returned));
    }
}
