package io.liqaudit.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A venue's finance system reconciles every public vector (all verdicts, outcomes and optional
 * reported fields) recorded over two days: the totals equal the sums of the events they cover
 * exactly, as recomputed, as reported and their difference; breaks list each differing figure;
 * answers as of an earlier checkpoint do not move when later events arrive.
 */
@QuarkusTest
class ReconciliationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIGURES = {"liquidatedQuantity", "totalFee", "excessEquity", "bankruptcyLoss", "adlShortfall",
        "insuranceFundDelta"};

    private static String venue;
    private static List<ObjectNode> sent;

    /** Once per class, when the first test needs them (the service is not up yet in a static @BeforeAll). */
    private static synchronized void recordEveryVector() throws InterruptedException {
        if (venue != null) {
            return;
        }
        venue = "REC-" + UUID.randomUUID().toString().substring(0, 8);
        sent = TestEvents.all();
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < sent.size(); i++) {
            sent.get(i).put("venue", venue).put("occurredAt", "2026-03-0" + (1 + i % 2) + "T1" + (i % 10) + ":00:00.000000Z");
            batch.append(i > 0 ? "," : "").append(sent.get(i));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        waitForCheckpointCovering(venue);
    }

    private static long waitForCheckpointCovering(String v) throws InterruptedException {
        long size = TestUsers.as(Roles.AUDITOR).queryParam("venue", v).queryParam("limit", 1).get("/api/v1/liquidations")
                .jsonPath().getLong("items[0].sequence") + 1;
        long signed = 0;
        for (int i = 0; i < 100 && (signed = given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize")) < size; i++) {
            Thread.sleep(100);
        }
        return signed;
    }

    private static JsonNode get(String path, Map<String, Object> params) throws Exception {
        return JSON.readTree(TestUsers.as(Roles.RECONCILER).queryParams(params).get(path).then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    @Test
    void totalsPerDayEqualTheSumsOfTheirEventsAsRecomputedAsReportedAndTheDifference() throws Exception {
        recordEveryVector();
        assertTotalsPerDayAreTheSumsOfTheirEvents(venue, sent, 2);
        // The same totals as CSV, with the checkpoint in a header.
        Response csv = TestUsers.as(Roles.RECONCILER).accept("text/csv").queryParam("venue", venue).queryParam("groupBy", "day")
                .get("/api/v1/reconciliation/totals");
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.getHeader("Liqaudit-Checkpoint")).startsWith("treeSize=");
        assertThat(csv.asString().split("\r\n")).hasSize(3);
        assertThat(csv.asString()).startsWith("day,events,consistent,discrepant,unverifiable,notional,feesToFund,feesToVenue,"
                + "liquidatedQuantityRecomputed,");
    }

    @Test
    void anAnswerAsOfAnEarlierCheckpointDoesNotMoveWhenEventsArrive() throws Exception {
        String later = "REC-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode first = TestEvents.all().get(0).put("venue", later);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(first.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        long before = waitForCheckpointCovering(later);
        JsonNode then = get("/api/v1/reconciliation/totals", Map.of("venue", later, "asOf", before));
        ObjectNode second = TestEvents.all().get(1).put("venue", later);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(second.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        long after = waitForCheckpointCovering(later);
        assertThat(after).isGreaterThan(before);
        assertThat(get("/api/v1/reconciliation/totals", Map.of("venue", later, "asOf", before))).isEqualTo(then);
        JsonNode now = get("/api/v1/reconciliation/totals", Map.of("venue", later));
        assertThat(now.get("groups").get(0).get("events").asLong()).isEqualTo(2);
        assertThat(then.get("groups").get(0).get("events").asLong()).isEqualTo(1);
        assertThat(then.get("checkpoint").get("treeSize").asLong()).isEqualTo(before);
    }

    @Test
    void breaksListEachDifferingFigureWithTotalsByFieldPageByPageAndAsCsv() throws Exception {
        recordEveryVector();
        List<JsonNode> all = new ArrayList<>();
        JsonNode page = get("/api/v1/reconciliation/breaks", Map.of("venue", venue, "limit", 7));
        JsonNode byField = page.get("totalsByField");
        while (true) {
            page.get("items").forEach(all::add);
            if (page.get("nextCursor").isNull()) {
                break;
            }
            page = get("/api/v1/reconciliation/breaks", Map.of("venue", venue, "limit", 7, "cursor",
                    page.get("nextCursor").asText()));
        }
        long total = 0;
        for (JsonNode f : byField) {
            total += f.get("breaks").asLong();
        }
        assertThat(all).isNotEmpty().hasSize((int) total);
        assertThat(all.stream().map(b -> b.get("sequence").asLong() * 1000 + b.get("position").asLong()).distinct().count())
                .as("no break twice").isEqualTo(all.size());
        for (JsonNode b : all) {
            if (!b.get("difference").isNull()) {
                assertThat(decimal(b.get("difference"))).isEqualByComparingTo(
                        new BigDecimal(b.get("recomputed").asText()).subtract(new BigDecimal(b.get("reported").asText())));
            }
        }
        // Every event the listing calls DISCREPANT by a reported figure appears among the breaks.
        JsonNode stepFees = get("/api/v1/reconciliation/breaks", Map.of("venue", venue, "field", "steps[*].fee", "limit", 1000));
        assertThat(stepFees.get("items")).allSatisfy(b -> assertThat(b.get("field").asText()).matches("steps\\[\\d+\\]\\.fee"));
        Response csv = TestUsers.as(Roles.RECONCILER).accept("text/csv").queryParam("venue", venue)
                .get("/api/v1/reconciliation/breaks");
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.getHeader("Liqaudit-Checkpoint")).startsWith("treeSize=");
        assertThat(csv.asString().split("\r\n")).hasSize(1 + all.size());
    }

    @Test
    void badParametersAreNamedAndOnlyReconcilersMayAsk() {
        TestUsers.as(Roles.RECONCILER).queryParam("groupBy", "venue,colour").get("/api/v1/reconciliation/totals").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("groupBy"));
        TestUsers.as(Roles.RECONCILER).queryParam("asOf", "x").queryParam("from", "yesterday")
                .get("/api/v1/reconciliation/totals").then().statusCode(400).body("errors.field", hasItem("asOf"))
                .body("errors.field", hasItem("from"));
        TestUsers.as(Roles.RECONCILER).queryParam("asOf", 987654321).get("/api/v1/reconciliation/totals").then()
                .statusCode(404).contentType("application/problem+json");
        TestUsers.as(Roles.RECONCILER).queryParam("field", "totalFee;drop").queryParam("cursor", "nonsense")
                .get("/api/v1/reconciliation/breaks").then().statusCode(400).body("errors.field", hasItem("field"))
                .body("errors.field", hasItem("cursor"));
        TestUsers.as(Roles.RECONCILER).accept("text/csv").queryParam("field", "totalFee;drop")
                .get("/api/v1/reconciliation/breaks").then().statusCode(400).contentType("application/problem+json");
        TestUsers.as(Roles.AUDITOR).get("/api/v1/reconciliation/totals").then().statusCode(403);
    }

    @Test
    void everyReconciliationEndpointIsInTheOpenApiDocumentWithItsResponseSchema() throws Exception {
        JsonNode doc = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        for (String path : List.of("/api/v1/reconciliation/totals", "/api/v1/reconciliation/breaks",
                "/api/v1/reconciliation/funds/{fundId}/balance", "/api/v1/reconciliation/funds/{fundId}/statement",
                "/api/v1/reconciliation/changes")) {
            JsonNode get = doc.path("paths").path(path).path("get");
            assertThat(get.isMissingNode()).as(path).isFalse();
            String ref = get.path("responses").path("200").path("content").path("application/json").path("schema").path("$ref")
                    .asText();
            assertThat(ref).as(path + " answers a described schema").startsWith("#/components/schemas/");
            JsonNode schema = doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            assertThat(schema.path("properties").size()).as(path + " schema " + ref).isPositive();
            assertThat(get.path("responses").path("400").path("content").has("application/problem+json")).as(path).isTrue();
        }
        assertThat(doc.path("paths").path("/api/v1/reconciliation/totals").path("get").path("responses").path("200")
                .path("content").has("text/csv")).isTrue();
    }

    /** Totals by venue × day equal, to the last unit, the sums of the listed events' figures and of what was sent as reported. */
    private static void assertTotalsPerDayAreTheSumsOfTheirEvents(String venue, List<ObjectNode> sent, int days) throws Exception {
        JsonNode answer = get("/api/v1/reconciliation/totals", Map.of("venue", venue, "groupBy", "venue,day"));
        assertThat(answer.get("checkpoint").get("treeSize").asLong()).isPositive();
        assertThat(answer.get("checkpoint").get("rootHash").asText()).hasSize(64);
        // Our figures per event, from the listing; theirs from what we sent.
        JsonNode items = JSON.readTree(TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("limit", 500)
                .get("/api/v1/liquidations").then().statusCode(200).extract().asString()).get("items");
        assertThat(items).hasSize(sent.size());
        Map<String, ObjectNode> byId = new HashMap<>();
        sent.forEach(e -> byId.put(e.get("eventId").asText(), e));
        Map<String, Map<String, BigDecimal[]>> expected = new HashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        for (JsonNode item : items) {
            String day = item.get("occurredAt").asText().substring(0, 10);
            JsonNode reported = byId.get(item.get("eventId").asText()).path("reported");
            counts.computeIfAbsent(day, d -> new long[1])[0]++;
            for (String f : FIGURES) {
                BigDecimal[] sums = expected.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(f,
                        x -> new BigDecimal[] {null, null, null});
                BigDecimal ours = decimal(item.get(f));
                BigDecimal theirs = decimal(reported.get(f));
                sums[0] = add(sums[0], ours);
                sums[1] = add(sums[1], theirs);
                sums[2] = ours != null && theirs != null ? add(sums[2], ours.subtract(theirs)) : sums[2];
            }
        }
        assertThat(answer.get("groups")).hasSize(days);
        for (JsonNode group : answer.get("groups")) {
            String day = group.get("key").get("day").asText();
            assertThat(group.get("key").get("venue").asText()).isEqualTo(venue);
            assertThat(group.get("events").asLong()).isEqualTo(counts.get(day)[0]);
            assertThat(group.get("consistent").asLong() + group.get("discrepant").asLong() + group.get("unverifiable").asLong())
                    .isEqualTo(group.get("events").asLong());
            for (String f : FIGURES) {
                BigDecimal[] sums = expected.get(day).get(f);
                JsonNode got = group.get("figures").get(f);
                assertThat(orZero(decimal(got.get("recomputed")))).as(day + " " + f + " recomputed").isEqualByComparingTo(orZero(sums[0]));
                assertThat(orZero(decimal(got.get("reported")))).as(day + " " + f + " reported").isEqualByComparingTo(orZero(sums[1]));
                assertThat(orZero(decimal(got.get("difference")))).as(day + " " + f + " difference").isEqualByComparingTo(orZero(sums[2]));
            }
        }
    }

    /**
     * The same on the demo generator's data (the "on demo data"): 480 events over the days
     * it spreads them, with every policy and outcome it makes.
     */
    @Test
    void totalsOverDemoDataEqualTheSumsOfTheirEvents() throws Exception {
        String demo = "REC-DEMO-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObjectNode> events = new ArrayList<>();
        for (JsonNode e : io.liqaudit.demo.DemoEvents.generate(7, 480)) {
            events.add(((ObjectNode) e).put("venue", demo));
        }
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            batch.append(i > 0 ? "," : "").append(events.get(i));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        waitForCheckpointCovering(demo);
        long days = events.stream().map(e -> e.get("occurredAt").asText().substring(0, 10)).distinct().count();
        assertTotalsPerDayAreTheSumsOfTheirEvents(demo, events, (int) days);
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : new BigDecimal(n.asText());
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal x) {
        return x == null ? sum : sum == null ? x : sum.add(x);
    }

    private static BigDecimal orZero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }
}
