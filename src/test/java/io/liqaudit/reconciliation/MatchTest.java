package io.liqaudit.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A venue's finance system matches its own statement of a month's events against the record:
 * exact and within-tolerance lines match, a differing fee is named with its difference, a line
 * naming an unknown event is missing here, events it left out are missing there, bad lines are
 * named by number without stopping the rest; a dry run keeps nothing, a real one is kept and
 * read back with the same digest.
 */
@QuarkusTest
class MatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIELDS = {"outcome", "liquidatedQuantity", "totalFee", "excessEquity", "insuranceFundDelta",
        "bankruptcyLoss", "adlShortfall", "liquidationPrice", "bankruptcyPrice", "markPrice"};

    @TestHTTPResource("/")
    URI base;

    private static JsonNode match(ObjectNode statement) throws Exception {
        return JSON.readTree(TestUsers.as(Roles.RECONCILER).contentType("application/json").body(statement.toString())
                .post("/api/v1/reconciliation/matches").then().statusCode(200).extract().asString());
    }

    @Test
    void aStatementMatchesLineByLineAndWhatDiffersOrIsMissingIsNamed() throws Exception {
        // A checkpoint signed before this statement's events exist, to match as of it later.
        ObjectNode earlier = TestEvents.all().get(0).put("venue", "MAE-" + UUID.randomUUID().toString().substring(0, 8));
        long before = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(earlier.toString())
                .post("/api/v1/liquidations").then().statusCode(201).extract().jsonPath().getLong("sequence") + 1;
        long signedBefore = 0;
        for (int i = 0; i < 100 && (signedBefore = given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize")) < before;
                i++) {
            Thread.sleep(100);
        }
        String venue = "MAT-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObjectNode> all = TestEvents.all().subList(0, 30);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < all.size(); i++) {
            batch.append(i > 0 ? "," : "").append(all.get(i).put("venue", venue)
                    .put("occurredAt", "2026-05-0" + (1 + i % 9) + "T10:00:00.000000Z"));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        JsonNode items = JSON.readTree(TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("limit", 100)
                .get("/api/v1/liquidations").then().statusCode(200).extract().asString()).get("items");
        long size = 0;
        for (JsonNode item : items) {
            size = Math.max(size, item.get("sequence").asLong() + 1);
        }
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") < size; i++) {
            Thread.sleep(100);
        }

        // Lines for 25 of the 30 events, as our listing states them (the client agrees), then the exceptions.
        ArrayNode lines = JSON.createArrayNode();
        List<JsonNode> sent = new ArrayList<>();
        for (JsonNode item : items) {
            if (sent.size() == 25) {
                break;
            }
            ObjectNode line = lines.addObject().put("venue", venue).put("eventId", item.get("eventId").asText());
            for (String f : FIELDS) {
                line.set(f, item.get(f));
            }
            sent.add(item);
        }
        JsonNode feeEvent = sent.stream().filter(i -> !i.get("totalFee").isNull()).findFirst().orElseThrow();
        int nearly = indexOf(lines, feeEvent);
        ((ObjectNode) lines.get(nearly)).put("totalFee", new BigDecimal(feeEvent.get("totalFee").asText())
                .add(new BigDecimal("0.005")).toPlainString());
        JsonNode otherFee = sent.stream().filter(i -> !i.get("totalFee").isNull() && i != feeEvent).findFirst().orElseThrow();
        ((ObjectNode) lines.get(indexOf(lines, otherFee))).put("totalFee", new BigDecimal(otherFee.get("totalFee").asText())
                .add(BigDecimal.ONE).toPlainString());
        lines.addObject().put("venue", venue).put("eventId", "not-ours").put("totalFee", "1");  // line 26
        lines.addObject().put("venue", venue).put("eventId", "x").put("colour", "red");          // line 27
        lines.addObject().put("eventId", "no-venue");                                             // line 28
        lines.add(lines.get(0).deepCopy());                                                       // line 29
        ObjectNode statement = JSON.createObjectNode().put("kind", "events").put("period", "2026-05").put("venue", venue)
                .put("dryRun", true);
        statement.putObject("tolerance").put("totalFee", "0.01");
        statement.set("lines", lines);

        JsonNode dry = match(statement);
        assertThat(dry.get("captureId").isNull()).isTrue();
        JsonNode result = dry.get("result");
        assertThat(result.get("lines").asLong()).isEqualTo(29);
        assertThat(result.get("matched").asLong()).as("24 agree, one within tolerance").isEqualTo(24);
        assertThat(result.get("mismatched")).hasSize(1);
        JsonNode mismatch = result.get("mismatched").get(0);
        assertThat(mismatch.get("eventId").asText()).isEqualTo(otherFee.get("eventId").asText());
        assertThat(mismatch.get("field").asText()).isEqualTo("totalFee");
        assertThat(new BigDecimal(mismatch.get("difference").asText())).isEqualByComparingTo("-1");
        assertThat(result.get("missingHere")).hasSize(1);
        assertThat(result.get("missingHere").get(0).get("line").asInt()).isEqualTo(26);
        assertThat(result.get("missingThere")).hasSize(5);
        assertThat(result.get("problems").findValuesAsText("line")).containsExactly("27", "28", "29");
        assertThat(result.get("checkpoint").get("treeSize").asLong()).isGreaterThanOrEqualTo(size);

        statement.put("dryRun", false);
        JsonNode kept = match(statement);
        assertThat(kept.get("resultSha256").asText()).hasSize(64);
        JsonNode capture = JSON.readTree(TestUsers.as(Roles.RECONCILER).get("/api/v1/reconciliation/matches/"
                + kept.get("captureId").asLong()).then().statusCode(200).extract().asString());
        assertThat(capture.get("resultSha256").asText()).isEqualTo(kept.get("resultSha256").asText());
        assertThat(capture.get("result")).isEqualTo(kept.get("result"));
        assertThat(capture.get("requestedBy").asText()).isEqualTo("t-reconciler");

        // As of an earlier checkpoint (before these events), every line names an event not yet held.
        statement.put("dryRun", true).put("asOf", signedBefore);
        JsonNode early = match(statement).get("result");
        assertThat(early.get("checkpoint").get("treeSize").asLong()).isEqualTo(signedBefore);
        assertThat(early.get("matched").asLong()).isZero();
        assertThat(early.get("missingHere")).hasSize(26);
        statement.put("asOf", 987654321);
        TestUsers.as(Roles.RECONCILER).contentType("application/json").body(statement.toString())
                .post("/api/v1/reconciliation/matches").then().statusCode(404);
    }

    @Test
    void aStatementUploadedAsCsvIsMatchedTheSameWay() throws Exception {
        String venue = "MAC-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObjectNode> all = TestEvents.all().subList(0, 3);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < all.size(); i++) {
            batch.append(i > 0 ? "," : "").append(all.get(i).put("venue", venue).put("occurredAt", "2026-06-01T10:00:00.000000Z"));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        JsonNode items = JSON.readTree(TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).get("/api/v1/liquidations")
                .then().statusCode(200).extract().asString()).get("items");
        long size = items.get(0).get("sequence").asLong() + 1;
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") < size; i++) {
            Thread.sleep(100);
        }
        StringBuilder csv = new StringBuilder("venue,eventId,totalFee,outcome\r\n");
        for (JsonNode item : items) {
            csv.append(venue).append(',').append(item.get("eventId").asText()).append(',')
                    .append(item.get("totalFee").isNull() ? "" : item.get("totalFee").asText()).append(',')
                    .append(item.get("outcome").isNull() ? "" : item.get("outcome").asText()).append("\r\n");
        }
        csv.append(venue).append(",\"not, ours\",1,\r\n").append("only,two\r\n");
        JsonNode answer = JSON.readTree(TestUsers.as(Roles.RECONCILER).contentType("text/csv").body(csv.toString())
                .queryParam("kind", "events").queryParam("period", "2026-06").queryParam("venue", venue)
                .queryParam("dryRun", "true").queryParam("tolerance.totalFee", "0.01")
                .post("/api/v1/reconciliation/matches").then().statusCode(200).extract().asString()).get("result");
        assertThat(answer.get("matched").asLong()).isEqualTo(3);
        assertThat(answer.get("missingHere").get(0).get("eventId").asText()).isEqualTo("not, ours");
        assertThat(answer.get("missingHere").get(0).get("line").asInt()).isEqualTo(5);
        assertThat(answer.get("problems").get(0).get("line").asInt()).isEqualTo(6);
        TestUsers.as(Roles.RECONCILER).contentType("text/csv").body("venue,eventId\r\n\"open").queryParam("kind", "events")
                .queryParam("period", "2026-06").queryParam("colour", "red").post("/api/v1/reconciliation/matches").then()
                .statusCode(400).body("errors.field", hasItem("body")).body("errors.field", hasItem("colour"));
    }

    private static int indexOf(ArrayNode lines, JsonNode item) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("eventId").asText().equals(item.get("eventId").asText())) {
                return i;
            }
        }
        throw new AssertionError("not sent");
    }

    @Test
    void aStatementMayBeLargerThanOtherBodiesButNotLongerThanItsLimitAndBadOnesAreNamed() throws Exception {
        StringBuilder big = new StringBuilder("{\"kind\":\"events\",\"period\":\"2026-05\",\"lines\":[");
        for (int i = 0; i <= StatementReader.MAX_LINES; i++) {
            big.append(i > 0 ? "," : "").append("{\"venue\":\"A\",\"eventId\":\"e").append(i).append("\"}");
        }
        String body = big.append("]}").toString();
        assertThat(body.length()).as("above the 3 MB of every other body").isGreaterThan(3 * 1024 * 1024);
        TestUsers.as(Roles.RECONCILER).contentType("application/json").body(body).post("/api/v1/reconciliation/matches").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("lines"));
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(body).post("/api/v1/liquidations/batch").then()
                .statusCode(413).contentType("application/problem+json");
        TestUsers.as(Roles.RECONCILER).contentType("application/json").body("{\"kind\":\"accounts\",\"period\":\"May\",\"x\":1}")
                .post("/api/v1/reconciliation/matches").then().statusCode(400).body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("period")).body("errors.field", hasItem("x"));
        TestUsers.as(Roles.RECONCILER).contentType("application/json").body("{\"kind\":\"events\",\"lines\":[")
                .post("/api/v1/reconciliation/matches").then().statusCode(400).body("errors.field", hasItem("body"));
        TestUsers.as(Roles.RECONCILER).get("/api/v1/reconciliation/matches/999999999").then().statusCode(404);

        // A body without a length (chunked) is refused everywhere but here: no other body can grow past 3 MB.
        String auth = "Basic " + Base64.getEncoder().encodeToString("t-ingestor:ingestor-password-1".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(base.resolve("/api/v1/liquidations/batch"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"events\":[]}".getBytes(
                        StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
    }
}
