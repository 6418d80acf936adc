package io.liqaudit.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A venue publishes its rules: a rule keeper publishes effective-dated rule sets, read by anyone;
 * published ones never change (the same again is a no-op, other content a 409), two rule sets may
 * not be in force for one symbol at once (409; adjacent periods are fine), and a malformed rule set
 * is a 400 naming each bad field, the spec's tier and policy rules included.
 */
@QuarkusTest
class RuleSetTest {

    /** A rule set of one symbol, with an event's own contract, tiers and policy (public vector consistent#4). */
    private static ObjectNode ruleSet(String version, String symbol, String from, String to) {
        ObjectNode event = TestEvents.fresh("consistent#4");
        ObjectNode doc = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        doc.put("ruleVersion", version).put("effectiveFrom", from);
        if (to != null) {
            doc.put("effectiveTo", to);
        }
        ObjectNode rules = doc.putObject("symbols").putObject(symbol);
        rules.set("contract", ((ObjectNode) event.get("contract").deepCopy()).put("quoteCurrency", "USDT"));
        rules.set("riskTiers", event.get("riskTiers").deepCopy());
        rules.set("policy", event.get("policy").deepCopy());
        rules.put("outlierBand", "0.05");
        return doc;
    }

    private static io.restassured.response.Response publish(String venue, ObjectNode doc) {
        return TestUsers.as(Roles.RULEKEEPER).contentType("application/json").body(doc.toString())
                .post("/api/v1/venues/" + venue + "/rule-sets");
    }

    @Test
    void ruleSetsArePublishedOnceAndNeverOverlapForASymbol() {
        String venue = "RULES-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode july = ruleSet("2026-07-01", "BTCUSDT", "2026-07-01T00:00:00Z", null);
        JsonPath created = publish(venue, july).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/venues/" + venue + "/rule-sets/2026-07-01"))
                .extract().jsonPath();
        assertThat(created.getList("symbols")).containsExactly("BTCUSDT");
        assertThat(created.getString("content.symbols.BTCUSDT.contract.quoteCurrency")).isEqualTo("USDT");
        publish(venue, july).then().statusCode(200);

        ObjectNode changed = july.deepCopy();
        ((ObjectNode) changed.get("symbols").get("BTCUSDT").get("policy")).put("liquidationFeeRate", "0.015");
        publish(venue, changed).then().statusCode(409).contentType("application/problem+json");

        // In force for BTCUSDT from July on: a later rule set for it overlaps; one for another symbol does not.
        publish(venue, ruleSet("2026-08-01", "BTCUSDT", "2026-08-01T00:00:00Z", null)).then().statusCode(409);
        publish(venue, ruleSet("2026-08-01", "ETHUSDT", "2026-08-01T00:00:00Z", null)).then().statusCode(201);
        // Adjacent periods meet without overlapping: [January, July) and [July, …).
        publish(venue, ruleSet("2026-01-01", "BTCUSDT", "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z")).then().statusCode(201);
        publish(venue, ruleSet("2025-12-01", "BTCUSDT", "2025-12-01T00:00:00Z", "2026-01-01T00:00:00.000001Z")).then()
                .statusCode(409);

        // Anyone reads them, in the order they come into force.
        JsonPath all = given().get("/api/v1/venues/" + venue + "/rule-sets").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("ruleVersion")).containsExactly("2026-01-01", "2026-07-01", "2026-08-01");
        given().get("/api/v1/venues/" + venue + "/rule-sets/2026-07-01").then().statusCode(200);
        given().get("/api/v1/venues/" + venue + "/rule-sets/none").then().statusCode(404);
        // Only the rule keeper publishes.
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(july.toString())
                .post("/api/v1/venues/" + venue + "/rule-sets").then().statusCode(403);
    }

    @Test
    void thePublishedRulesArePublicAsAPageAndCsv() {
        String venue = "RULESPAGE-" + UUID.randomUUID().toString().substring(0, 8);
        publish(venue, ruleSet("2026-07-01", "BTCUSDT", "2026-07-01T00:00:00Z", null)).then().statusCode(201);
        String page = given().get("/disclosures/rules").then().statusCode(200).contentType(org.hamcrest.Matchers
                .containsString("text/html")).extract().asString();
        String section = page.substring(page.indexOf(venue + ": rule set 2026-07-01"));
        assertThat(section).contains("<h3>BTCUSDT</h3>").contains("amounts in USDT").contains("<svg")
                .contains("Maintenance margin rate").contains("goes to the insurance fund")
                .contains("href=\"/api/v1/venues/" + venue + "/rule-sets/2026-07-01\"");
        String csv = given().get("/disclosures/rules/tiers.csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().filter(l -> l.startsWith(venue + ",2026-07-01,"))).hasSize(
                TestEvents.fresh("consistent#4").get("riskTiers").size());
        // One rule set's tiers, linked from its section; a bad filter is named.
        assertThat(section).contains("href=\"/disclosures/rules/tiers.csv?venue=" + venue + "&amp;ruleVersion=2026-07-01\"");
        String one = given().get("/disclosures/rules/tiers.csv?venue=" + venue + "&ruleVersion=2026-07-01").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        assertThat(one.lines().skip(1)).hasSize(TestEvents.fresh("consistent#4").get("riskTiers").size())
                .allMatch(l -> l.startsWith(venue + ",2026-07-01,"));
        given().get("/disclosures/rules/tiers.csv?venue=" + venue + "&ruleVersion=a%20b").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("ruleVersion"));
        assertThat(given().get("/disclosures/methodology").then().extract().asString()).contains("href=\"/disclosures/rules\"");
    }

    @Test
    void aTierWithAHoleIsNamedNotAFault() {
        ObjectNode doc = ruleSet("hole", "BTCUSDT", "2026-07-01T00:00:00Z", null);
        ((ObjectNode) doc.get("symbols").get("BTCUSDT").get("riskTiers").get(1)).remove("maintenanceMarginRate");
        ((ObjectNode) doc.get("symbols").get("BTCUSDT").get("policy")).putNull("liquidationFeeRate");
        publish("RULES-HOLE", doc).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("$.symbols.BTCUSDT.riskTiers[1].maintenanceMarginRate",
                        "$.symbols.BTCUSDT.policy.liquidationFeeRate"));
    }

    @Test
    void aMalformedRuleSetNamesEachBadField() {
        ObjectNode doc = ruleSet("bad", "BTCUSDT", "2026-07-01T00:00:00Z", "2026-06-01T00:00:00Z");
        ObjectNode rules = (ObjectNode) doc.get("symbols").get("BTCUSDT");
        ((ObjectNode) rules.get("riskTiers").get(0)).put("notionalFloor", "5");
        ((ObjectNode) rules.get("policy")).put("liquidationFeeRate", "1.5");
        ((ObjectNode) rules.get("contract")).put("quoteCurrency", "usdt");
        rules.remove("outlierBand");
        rules.put("extra", 1);
        publish("RULES-BAD", doc).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("$.effectiveTo", "$.symbols.BTCUSDT.riskTiers[0]",
                        "$.symbols.BTCUSDT.policy.liquidationFeeRate", "$.symbols.BTCUSDT.contract.quoteCurrency",
                        "$.symbols.BTCUSDT.outlierBand", "$.symbols.BTCUSDT.extra"));
    }
}
