package io.liqaudit.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The chain of a fund's balances across events and movements, over HTTP, with late arrivals. */
@QuarkusTest
class FundLedgerTest {

    static Response postEvent(ObjectNode e) {
        return TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations");
    }

    static Response postMovement(String fund, String id, String kind, String amount, String at) {
        return TestUsers.as(Roles.INGESTOR).contentType("application/json")
                .body("{\"movementId\":\"" + id + "\",\"kind\":\"" + kind + "\",\"amount\":\"" + amount
                        + "\",\"occurredAt\":\"" + at + "\",\"reference\":\"treasury\"}")
                .post("/api/v1/insurance-funds/" + fund + "/movements");
    }

    static ObjectNode event(String fund, String at, BigDecimal balanceBefore) {
        ObjectNode e = TestEvents.fresh("consistent#4");
        e.put("occurredAt", at);
        ((ObjectNode) e.get("insuranceFund")).put("fundId", fund).put("balanceBefore", balanceBefore.toPlainString());
        e.remove("reported");
        return e;
    }

    static BigDecimal delta(Response r) {
        return new BigDecimal(r.jsonPath().getString("recomputation.insuranceFundDelta"));
    }

    @Test
    void aBreakIsFoundAndALateMovementThatExplainsItClearsIt() {
        String fund = "F-" + UUID.randomUUID().toString().substring(0, 8);
        BigDecimal b1 = new BigDecimal("1000");
        Response e1 = postEvent(event(fund, "2026-03-01T10:00:00Z", b1));
        e1.then().statusCode(201);
        postMovement(fund, "dep-1", "DEPOSIT", "500", "2026-03-01T11:00:00Z").then().statusCode(201);
        BigDecimal b2 = b1.add(delta(e1)).add(new BigDecimal("500"));
        Response e2 = postEvent(event(fund, "2026-03-01T12:00:00Z", b2));
        e2.then().statusCode(201).body("fundBalanceDiscontinuity", equalTo(false));
        BigDecimal b3 = b2.add(delta(e2)).add(new BigDecimal("7.25"));
        ObjectNode third = event(fund, "2026-03-01T14:00:00Z", b3);
        postEvent(third).then().statusCode(201);

        String id3 = third.get("eventId").asText();
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + third.get("venue").asText() + "/" + id3).then().statusCode(200)
                .body("fundBalanceDiscontinuity", equalTo(true))
                .body("verdict", equalTo("DISCREPANT"))
                .body("findingCodes", org.hamcrest.Matchers.hasItem("FUND_BALANCE_DISCONTINUITY"));

        // The public figures follow: the broken event counts as discrepant in the disclosure rollups.
        assertThat(verdictCounts(fund)).isEqualTo("2,1");

        // The same movement again is a no-op; with other content it is refused.
        postMovement(fund, "dep-1", "DEPOSIT", "500.00", "2026-03-01T11:00:00.000Z").then().statusCode(200);
        postMovement(fund, "dep-1", "WITHDRAWAL", "500", "2026-03-01T11:00:00Z").then().statusCode(409);

        // A late deposit between the second and third event explains the gap.
        postMovement(fund, "dep-late", "DEPOSIT", "7.25", "2026-03-01T13:00:00Z").then().statusCode(201);
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + third.get("venue").asText() + "/" + id3).then().statusCode(200)
                .body("fundBalanceDiscontinuity", equalTo(false))
                .body("verdict", equalTo("CONSISTENT"));
        assertThat(verdictCounts(fund)).isEqualTo("3,0");

        // The ledger lists the chain with running balances, and pages through it without losing the thread.
        Response all = TestUsers.as(Roles.RECONCILER).queryParam("limit", 500).get("/api/v1/insurance-funds/" + fund + "/ledger");
        all.then().statusCode(200).body("items.kind", org.hamcrest.Matchers.contains("EVENT", "MOVEMENT", "EVENT",
                "MOVEMENT", "EVENT"));
        List<String> afterAll = all.jsonPath().getList("items.balanceAfter");
        assertThat(new BigDecimal(afterAll.get(3))).isEqualByComparingTo(b3);

        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = TestUsers.as(Roles.REGULATOR).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/insurance-funds/" + fund + "/ledger");
            page.then().statusCode(200);
            paged.addAll(page.jsonPath().getList("items.balanceAfter"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(afterAll);
    }

    /** "consistent,discrepant" of the fund in the public overview's CSV. */
    static String verdictCounts(String fund) {
        String csv = io.restassured.RestAssured.given().queryParam("period", "2026").queryParam("fundId", fund)
                .queryParam("table", "venues").get("/disclosures/index.csv").then().statusCode(200).extract().asString();
        String[] row = csv.lines().skip(1).findFirst().orElseThrow().split(",");
        return row[9] + "," + row[10];
    }

    @Test
    void aLateEventBeforeTheOthersIsCheckedAndChecksTheNextOne() {
        String fund = "F-" + UUID.randomUUID().toString().substring(0, 8);
        Response later = postEvent(event(fund, "2026-04-01T12:00:00Z", new BigDecimal("100")));
        later.then().statusCode(201).body("fundBalanceDiscontinuity", equalTo(false)); // opening balance
        // An earlier event arrives late and does not lead to 100: the later one is now broken.
        postEvent(event(fund, "2026-04-01T08:00:00Z", new BigDecimal("50"))).then().statusCode(201);
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + later.jsonPath().getString("venue") + "/"
                        + later.jsonPath().getString("eventId")).then()
                .body("fundBalanceDiscontinuity", equalTo(true));
    }

    @Test
    void anInvalidMovementNamesItsFields() {
        TestUsers.as(Roles.INGESTOR).contentType("application/json")
                .body("{\"movementId\":\"x\",\"kind\":\"DEPOSIT\",\"amount\":\"-5\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}")
                .post("/api/v1/insurance-funds/F-bad/movements").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("$.amount"));
        TestUsers.as(Roles.INGESTOR).contentType("application/json")
                .body("{\"movementId\":\"x\",\"kind\":\"GIFT\",\"amount\":\"5\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}")
                .post("/api/v1/insurance-funds/F-bad/movements").then().log().ifValidationFails().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("$.kind"));
    }

    /**
     * Late arrivals re-derive only what they touch (the arrival and the event after it); whatever
     * the order events and movements arrive in, the stored flags are those of walking the whole
     * chain afresh (the ledger's walk). Random chains with ties in time, breaks, and movements.
     */
    @Test
    void inWhateverOrderThingsArriveTheStoredFlagsAreThoseOfTheWholeChain() {
        java.util.Random random = new java.util.Random(20261127);
        BigDecimal d = delta(postEvent(event("F-probe-" + UUID.randomUUID().toString().substring(0, 8),
                "2026-05-01T00:00:00Z", new BigDecimal("1000"))));
        for (int round = 0; round < 4; round++) {
            String fund = "F-" + UUID.randomUUID().toString().substring(0, 8);
            TestFunds.register(fund, "USDT"); // its movements may arrive before any liquidation names it
            List<Runnable> arrivals = new java.util.ArrayList<>();
            List<ObjectNode> events = new java.util.ArrayList<>();
            BigDecimal running = new BigDecimal("1000");
            int minute = 0;
            for (int i = 0; i < 24; i++) {
                minute += random.nextInt(3); // ties in time happen
                String at = "2026-05-02T" + String.format("%02d:%02d:00Z", minute / 60, minute % 60);
                if (random.nextInt(4) == 0) {
                    int amount = 1 + random.nextInt(50);
                    boolean in = random.nextBoolean();
                    running = running.add(BigDecimal.valueOf(in ? amount : -amount));
                    String id = "m" + i;
                    arrivals.add(() -> postMovement(fund, id, in ? "DEPOSIT" : "WITHDRAWAL", Integer.toString(amount), at)
                            .then().statusCode(201));
                } else {
                    BigDecimal before = random.nextInt(5) == 0 ? running.add(BigDecimal.ONE) : running; // some break
                    events.add(event(fund, at, before));
                    running = before.add(d);
                }
            }
            // Events arrive in small batches, in shuffled order with the movements.
            java.util.Collections.shuffle(events, random);
            for (int i = 0; i < events.size(); ) {
                int n = Math.min(events.size() - i, 1 + random.nextInt(4));
                List<ObjectNode> batch = events.subList(i, i + n);
                arrivals.add(() -> TestUsers.as(Roles.INGESTOR).contentType("application/json")
                        .body("{\"events\":" + batch + "}").post("/api/v1/liquidations/batch").then().statusCode(200));
                i += n;
            }
            java.util.Collections.shuffle(arrivals, random);
            arrivals.forEach(Runnable::run);

            List<java.util.Map<String, Object>> ledger = TestUsers.as(Roles.AUDITOR).queryParam("limit", "500")
                    .get("/api/v1/insurance-funds/" + fund + "/ledger").then().statusCode(200).extract().jsonPath()
                    .getList("items");
            java.util.Map<Long, Boolean> walked = new java.util.TreeMap<>();
            ledger.stream().filter(e -> "EVENT".equals(e.get("kind")))
                    .forEach(e -> walked.put(((Number) e.get("sequence")).longValue(), (Boolean) e.get("discontinuity")));
            List<java.util.Map<String, Object>> stored = TestUsers.as(Roles.AUDITOR).queryParam("fundId", fund)
                    .queryParam("limit", "500").get("/api/v1/liquidations").then().statusCode(200).extract().jsonPath()
                    .getList("items");
            java.util.Map<Long, Boolean> flags = new java.util.TreeMap<>();
            stored.forEach(e -> flags.put(((Number) e.get("sequence")).longValue(),
                    ((List<?>) e.get("findingCodes")).contains("FUND_BALANCE_DISCONTINUITY")));
            assertThat(walked).hasSize(events.size());
            assertThat(walked.containsValue(true)).as("round %d plants breaks", round).isTrue();
            assertThat(flags).as("round %d", round).isEqualTo(walked);
        }
    }
}
