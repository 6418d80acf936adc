package io.liqaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events checked on arrival against the rules their venue published: each finding with its field,
 * published and event values; the effective-date edges; a venue without rules verified as before;
 * and the public verdict counts following.
 */
@QuarkusTest
class RuleCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    /** Public vector consistent#4 (BTCUSDT, ruleVersion 2026-07-01), with its own fund so no chain joins events. */
    private static ObjectNode event(String venue, String id) {
        ObjectNode e = TestEvents.fresh("consistent#4");
        e.put("venue", venue).put("eventId", id);
        ((ObjectNode) e.get("insuranceFund")).put("fundId", "RC-" + UUID.randomUUID().toString().substring(0, 12));
        return e;
    }

    /** A rule set of BTCUSDT carrying the event's own rules. */
    static ObjectNode ruleSet(ObjectNode event, String version, String from, String to) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("ruleVersion", version).put("effectiveFrom", from);
        if (to != null) {
            doc.put("effectiveTo", to);
        }
        ObjectNode rules = doc.putObject("symbols").putObject(event.get("symbol").textValue());
        rules.set("contract", ((ObjectNode) event.get("contract").deepCopy()).put("quoteCurrency", "USDT"));
        rules.set("riskTiers", event.get("riskTiers").deepCopy());
        rules.set("policy", event.get("policy").deepCopy());
        rules.put("outlierBand", "0.05");
        return doc;
    }

    static void publish(String venue, ObjectNode doc) {
        TestUsers.as(Roles.RULEKEEPER).contentType("application/json").body(doc.toString())
                .post("/api/v1/venues/" + venue + "/rule-sets").then().statusCode(201);
    }

    static void record(ObjectNode... events) {
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.length; i++) {
            batch.append(i > 0 ? "," : "").append(events[i]);
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
    }

    static JsonPath stored(String venue, String id) {
        return TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachEventIsCheckedAgainstTheRuleSetItCitesAndInForceWhenItHappened() {
        String venue = "RC-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode base = event(venue, "base");
        ObjectNode older = base.deepCopy();
        // An older tier table: a lower first rate, so every later tier's maintenance amount is 50 more (the spec's continuity).
        ((ObjectNode) older.get("riskTiers").get(0)).put("maintenanceMarginRate", "0.003");
        for (int i = 1; i < older.get("riskTiers").size(); i++) {
            ObjectNode tier = (ObjectNode) older.get("riskTiers").get(i);
            tier.put("maintenanceAmount", new java.math.BigDecimal(tier.get("maintenanceAmount").textValue()).add(
                    java.math.BigDecimal.valueOf(50)).toPlainString());
        }
        // January to July: other tiers; from July: the event's own rules.
        publish(venue, ruleSet(older, "2026-01-01", "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z"));
        publish(venue, ruleSet(base, "2026-07-01", "2026-07-01T00:00:00Z", null));

        ObjectNode follows = event(venue, "follows");
        ObjectNode fee = event(venue, "fee");
        ((ObjectNode) fee.get("policy")).put("liquidationFeeRate", "0.0045");
        ObjectNode sameFeeOtherText = event(venue, "fee-text");
        ((ObjectNode) sameFeeOtherText.get("policy")).put("liquidationFeeRate", "0.0030");
        ObjectNode unknown = event(venue, "unknown").put("ruleVersion", "2099-01-01");
        ObjectNode atStart = event(venue, "at-start").put("occurredAt", "2026-07-01T00:00:00Z");
        ObjectNode justBefore = event(venue, "just-before").put("occurredAt", "2026-06-30T23:59:59.999999Z");
        ObjectNode superseded = event(venue, "superseded");
        superseded.set("riskTiers", older.get("riskTiers").deepCopy());
        record(follows, fee, sameFeeOtherText, unknown, atStart, justBefore, superseded);

        JsonPath ok = stored(venue, "follows");
        assertThat(ok.getString("verdict")).isEqualTo("CONSISTENT");
        assertThat(ok.getString("rules.state")).isEqualTo("FOLLOWS");
        assertThat(ok.getList("rules.findings")).isEmpty();
        assertThat(stored(venue, "fee-text").getString("rules.state")).isEqualTo("FOLLOWS"); // 0.0030 is 0.003

        JsonPath wrongFee = stored(venue, "fee");
        assertThat(wrongFee.getString("verdict")).isEqualTo("DISCREPANT");
        assertThat(wrongFee.getList("findingCodes")).contains("RULES_MISMATCH");
        assertThat(wrongFee.getList("rules.findings")).contains(Map.of("code", "RULES_MISMATCH",
                "field", "policy.liquidationFeeRate", "published", "0.003", "event", "0.0045"));

        JsonPath unknownVersion = stored(venue, "unknown");
        assertThat(unknownVersion.getString("verdict")).isEqualTo("DISCREPANT");
        assertThat(unknownVersion.getList("rules.findings")).containsExactly(Map.of("code", "RULE_VERSION_UNKNOWN",
                "field", "ruleVersion", "published", "none", "event", "2099-01-01"));

        assertThat(stored(venue, "at-start").getString("rules.state")).isEqualTo("FOLLOWS");
        JsonPath before = stored(venue, "just-before");
        assertThat(before.getString("verdict")).isEqualTo("DISCREPANT");
        assertThat(before.getList("findingCodes")).contains("RULE_VERSION_NOT_IN_FORCE");
        assertThat(before.getList("rules.findings.field")).containsExactly("occurredAt");

        JsonPath old = stored(venue, "superseded");
        assertThat(old.getString("verdict")).isEqualTo("DISCREPANT");
        assertThat(old.getList("rules.findings")).first().isEqualTo(Map.of("code", "RULES_MISMATCH",
                "field", "riskTiers[0].maintenanceMarginRate", "published", "0.004", "event", "0.003"));
        assertThat(old.getList("rules.findings.field", String.class)).hasSize(10)
                .allMatch(f -> f.startsWith("riskTiers[")).contains("riskTiers[9].maintenanceAmount");

        // The public counts follow the standing: four of the seven break the rules.
        assertThat(discrepantOf(venue)).isEqualTo(4);
        // The public overview counts them per venue, as a table and as CSV.
        assertThat(io.restassured.RestAssured.given().get("/disclosures/index.csv?table=rules&period=2026&venue=" + venue)
                .then().statusCode(200).extract().asString())
                .startsWith("venue,rules_mismatch,rule_version_unknown,rule_version_not_in_force,").contains("\n" + venue + ",2,1,1,");
        assertThat(io.restassured.RestAssured.given().accept("text/html").get("/disclosures?period=2026&venue=" + venue)
                .then().statusCode(200).extract().asString()).contains("Against the venues' published rules")
                .contains("<th scope=\"row\">" + venue + "</th><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>");
        // The portal's event page shows each finding with its field, published and event values.
        assertThat(page(venue, "fee")).contains("RULES_MISMATCH").contains("policy.liquidationFeeRate")
                .contains("breaks the rules " + venue + " published");
        assertThat(page(venue, "follows")).contains("carries exactly its contract, tiers and policy");
        // So does the public register entry, with the effective verdict the register's row shows.
        assertThat(io.restassured.RestAssured.given().get("/disclosures/register/" + venue + "/fee").then().statusCode(200)
                .extract().asString()).contains("Verdict: DISCREPANT")
                .contains("policy.liquidationFeeRate: published 0.003, this liquidation 0.0045").contains("breaks the <a");
        // Search by finding finds them.
        assertThat(TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations?venue=" + venue + "&finding=RULES_MISMATCH")
                .then().statusCode(200).extract().jsonPath().getList("items.eventId"))
                .containsExactlyInAnyOrder("fee", "superseded");
    }

    @Test
    void aVenueWithoutPublishedRulesIsVerifiedAsBefore() {
        String venue = "RC-NONE-" + UUID.randomUUID().toString().substring(0, 8);
        record(event(venue, "plain"));
        JsonPath plain = stored(venue, "plain");
        assertThat(plain.getString("verdict")).isEqualTo("CONSISTENT");
        assertThat(plain.getString("rules.state")).isEqualTo("NOT_PUBLISHED");
        assertThat(count("select count(*) from rule_check where venue = $1", venue)).isZero();
        assertThat(page(venue, "plain")).contains("not independently published");
        assertThat(io.restassured.RestAssured.given().get("/disclosures/register/" + venue + "/plain").then().statusCode(200)
                .extract().asString()).contains(venue + " publishes no rules");
    }

    @Test
    void aRuleSetPublishedAfterItsEventsReChecksThemWithProgressAndTheCountsFollow() throws InterruptedException {
        String venue = "RC-LATE-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode follows = event(venue, "early-follows");
        ObjectNode fee = event(venue, "early-fee");
        ((ObjectNode) fee.get("policy")).put("liquidationFeeRate", "0.0045");
        record(follows, fee);
        assertThat(stored(venue, "early-fee").getString("rules.state")).isEqualTo("NOT_PUBLISHED");
        long consistentBefore = count("select coalesce(sum(consistent), 0) from disclosure_daily where venue = $1", venue);
        long discrepantBefore = discrepantOf(venue);

        publish(venue, ruleSet(follows, "2026-07-01", "2026-07-01T00:00:00Z", null));
        JsonPath rules = null;
        for (int i = 0; i < 100; i++) {
            rules = io.restassured.RestAssured.given().get("/api/v1/venues/" + venue + "/rule-sets/2026-07-01").then()
                    .statusCode(200).extract().jsonPath();
            if ("DONE".equals(rules.getString("recheck.status"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(rules.getString("recheck.status")).isEqualTo("DONE");
        assertThat(rules.getLong("recheck.total")).isEqualTo(2);
        assertThat(rules.getLong("recheck.done")).isEqualTo(2);

        assertThat(stored(venue, "early-follows").getString("rules.state")).isEqualTo("FOLLOWS");
        JsonPath broken = stored(venue, "early-fee");
        assertThat(broken.getString("rules.state")).isEqualTo("BREAKS");
        assertThat(broken.getString("verdict")).isEqualTo("DISCREPANT");
        assertThat(broken.getList("rules.findings.field")).containsExactly("policy.liquidationFeeRate");
        // The event with the wrong fee was already discrepant by its own replay or now moves; none is counted twice.
        long total = count("select coalesce(sum(consistent + discrepant + unverifiable), 0) from disclosure_daily where venue = $1", venue);
        assertThat(total).isEqualTo(2);
        assertThat(discrepantOf(venue)).isEqualTo(1);
        assertThat(discrepantOf(venue) - discrepantBefore)
                .isEqualTo(consistentBefore - count("select coalesce(sum(consistent), 0) from disclosure_daily where venue = $1", venue));

        // An event after the publication is checked on arrival.
        ObjectNode later = event(venue, "later-fee");
        ((ObjectNode) later.get("policy")).put("liquidationFeeRate", "0.0045");
        record(later);
        assertThat(stored(venue, "later-fee").getString("rules.state")).isEqualTo("BREAKS");
    }

    private static String page(String venue, String id) {
        String session = io.liqaudit.security.PortalForms.session("t-auditor", "auditor-password-1");
        return io.restassured.RestAssured.given().cookie(io.liqaudit.security.PortalSessions.COOKIE, session)
                .get("/portal/events/" + venue + "/" + id).then().statusCode(200).extract().asString();
    }

    private long discrepantOf(String venue) {
        return count("select coalesce(sum(discrepant), 0) from disclosure_daily where venue = $1", venue);
    }

    private long count(String sql, String venue) {
        return pool.preparedQuery(sql).execute(Tuple.of(venue)).await().indefinitely().iterator().next().getLong(0);
    }
}
