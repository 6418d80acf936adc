package io.liqaudit.fund;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A finance system reconciles a fund: its daily statement (opening + flows = closing, the break
 * listed) and its balance at an instant with the entries since the previous day's close, as of
 * a signed checkpoint.
 */
@QuarkusTest
class FundReconciliationTest {

    @Test
    void theStatementAddsUpDayByDayAndTheBalanceAtAnInstantFollowsTheChain() throws InterruptedException {
        String fund = "F-" + UUID.randomUUID().toString().substring(0, 8);
        BigDecimal opening = new BigDecimal("1000");
        Response a = FundLedgerTest.postEvent(FundLedgerTest.event(fund, "2026-03-01T10:00:00Z", opening));
        a.then().statusCode(201);
        BigDecimal closeOfFirst = opening.add(FundLedgerTest.delta(a));
        FundLedgerTest.postMovement(fund, "dep-" + fund, "DEPOSIT", "250", "2026-03-02T09:00:00Z").then().statusCode(201);
        Response b = FundLedgerTest.postEvent(FundLedgerTest.event(fund, "2026-03-02T10:00:00Z",
                closeOfFirst.add(new BigDecimal("250"))));
        b.then().statusCode(201);
        BigDecimal afterB = closeOfFirst.add(new BigDecimal("250")).add(FundLedgerTest.delta(b));
        Response c = FundLedgerTest.postEvent(FundLedgerTest.event(fund, "2026-03-02T11:00:00Z", new BigDecimal("5")));
        c.then().statusCode(201);
        long sequenceOfC = c.jsonPath().getLong("sequence");
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") <= sequenceOfC; i++) {
            Thread.sleep(100);
        }

        JsonPath statement = TestUsers.as(Roles.RECONCILER).queryParam("period", "2026-03")
                .get("/api/v1/reconciliation/funds/" + fund + "/statement").then().statusCode(200).extract().jsonPath();
        assertThat(statement.getLong("checkpoint.treeSize")).isGreaterThan(sequenceOfC);
        List<Map<String, Object>> days = statement.getList("days");
        assertThat(days).hasSize(2);
        assertThat(decimal(days.get(0).get("opening"))).isEqualByComparingTo(opening);
        assertThat(decimal(days.get(0).get("closing"))).isEqualByComparingTo(closeOfFirst);
        assertThat(days.get(0).get("balanced")).isEqualTo(true);
        assertThat(decimal(days.get(1).get("opening"))).isEqualByComparingTo(closeOfFirst);
        assertThat(decimal(days.get(1).get("deposits"))).isEqualByComparingTo("250");
        assertThat(days.get(1).get("breaks")).isEqualTo(1);
        assertThat(days.get(1).get("balanced")).isEqualTo(false);
        assertThat(statement.getLong("breaks[0].sequence")).isEqualTo(sequenceOfC);
        assertThat(decimal(statement.get("breaks[0].stated"))).isEqualByComparingTo("5");
        assertThat(decimal(statement.get("breaks[0].expected"))).isEqualByComparingTo(afterB);

        Response csv = TestUsers.as(Roles.RECONCILER).accept("text/csv").queryParam("period", "2026-03")
                .get("/api/v1/reconciliation/funds/" + fund + "/statement");
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.getHeader("Liqaudit-Checkpoint")).startsWith("treeSize=");
        assertThat(csv.asString().split("\r\n")).hasSize(3);
        assertThat(csv.asString()).startsWith("fundId,day,opening,").contains(fund + ",2026-03-02,");

        JsonPath balance = TestUsers.as(Roles.RECONCILER).queryParam("at", "2026-03-02T10:30:00Z")
                .get("/api/v1/reconciliation/funds/" + fund + "/balance").then().statusCode(200).extract().jsonPath();
        assertThat(decimal(balance.get("balance"))).isEqualByComparingTo(afterB);
        assertThat(decimal(balance.get("previousClose"))).isEqualByComparingTo(closeOfFirst);
        assertThat(balance.getList("entriesSincePreviousClose.kind")).containsExactly("DEPOSIT", "EVENT");

        Response entries = TestUsers.as(Roles.RECONCILER).accept("text/csv").queryParam("at", "2026-03-02T10:30:00Z")
                .get("/api/v1/reconciliation/funds/" + fund + "/balance");
        entries.then().statusCode(200).contentType("text/csv");
        assertThat(new BigDecimal(entries.getHeader("Liqaudit-Balance"))).isEqualByComparingTo(afterB);
        assertThat(entries.asString().split("\r\n")).hasSize(3);

        // The fund's own statement of those days, matched: a quiet day carries the balance, a wrong closing is named.
        BigDecimal closeOfSecond = new BigDecimal("5").add(FundLedgerTest.delta(c));
        String lines = "[{\"fundId\":\"" + fund + "\",\"day\":\"2026-03-01\",\"openingBalance\":\"1000\",\"closingBalance\":\""
                + closeOfFirst.toPlainString() + "\"},"
                + "{\"fundId\":\"" + fund + "\",\"day\":\"2026-03-02\",\"deposits\":\"250\",\"closingBalance\":\""
                + afterB.toPlainString() + "\"},"
                + "{\"fundId\":\"" + fund + "\",\"day\":\"2026-03-03\",\"closingBalance\":\"" + closeOfSecond.toPlainString()
                + "\",\"deposits\":\"0\"},"
                + "{\"fundId\":\"NO-SUCH-FUND\",\"day\":\"2026-03-01\",\"closingBalance\":\"1\"},"
                + "{\"fundId\":\"" + fund + "\",\"day\":\"March\"}]";
        JsonPath matched = TestUsers.as(Roles.RECONCILER).contentType("application/json").body("{\"kind\":\"funds\",\"period\":"
                        + "\"2026-03\",\"dryRun\":true,\"lines\":" + lines + "}").post("/api/v1/reconciliation/matches").then()
                .statusCode(200).extract().jsonPath();
        assertThat(matched.getLong("result.matched")).isEqualTo(2);
        assertThat(matched.getList("result.mismatched.field")).containsExactly("closingBalance");
        assertThat(matched.getString("result.mismatched[0].day")).isEqualTo("2026-03-02");
        assertThat(decimal(matched.get("result.mismatched[0].ours"))).isEqualByComparingTo(closeOfSecond);
        assertThat(matched.getList("result.missingHere.fundId")).containsExactly("NO-SUCH-FUND");
        assertThat(matched.getList("result.problems.line")).containsExactly(5);

        TestUsers.as(Roles.RECONCILER).queryParam("at", "2026-02-01T00:00:00Z")
                .get("/api/v1/reconciliation/funds/" + fund + "/balance").then().statusCode(404);
        TestUsers.as(Roles.RECONCILER).queryParam("period", "March").queryParam("asOf", "x")
                .get("/api/v1/reconciliation/funds/" + fund + "/statement").then().statusCode(400)
                .body("errors.field", hasItem("period")).body("errors.field", hasItem("asOf"));
        TestUsers.as(Roles.RECONCILER).queryParam("period", "2026-03").queryParam("asOf", 987654321)
                .get("/api/v1/reconciliation/funds/" + fund + "/statement").then().statusCode(404);
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(String.valueOf(o));
    }
}
