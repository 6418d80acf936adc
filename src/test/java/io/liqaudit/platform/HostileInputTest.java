package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an attacker or a careless client sends, point by point: each is a clear problem naming
 * the field or parameter, answered quickly, with nothing stored.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    private static Response ingest(String body) {
        return TestUsers.as(Roles.INGESTOR).contentType("application/json").body(body).post("/api/v1/liquidations");
    }

    private static Response movement(String fund, String body) {
        return TestUsers.as(Roles.INGESTOR).contentType("application/json").body(body)
                .post("/api/v1/insurance-funds/" + fund + "/movements");
    }

    private static long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void assertNotStored(String eventId) {
        assertThat(count("select count(*) from liquidation_event where event_id = $1", eventId)).isZero();
    }

    // --- 1. nothing stored that cannot be read back --------------------------------------------

    @Test
    void anUnknownFieldIsRefusedWhateverItHolds() {
        ObjectNode e = TestEvents.fresh("consistent#1");
        String body = e.toString().replaceFirst("\\{", "{\"note\": 1e1000, ");
        ingest(body).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("$.note"));
        ObjectNode nested = TestEvents.fresh("consistent#1");
        ((ObjectNode) nested.get("position")).put("comment", "x");
        ingest(nested.toString()).then().statusCode(400).body("errors.field", contains("$.position.comment"));
        assertNotStored(e.get("eventId").asText());
        assertNotStored(nested.get("eventId").asText());
    }

    // --- 2. bounded cost ------------------------------------------------------------------------

    @Test
    void hugeExponentsAreRefusedBeforeAnyArithmetic() {
        String fund = "HOSTILE-" + UUID.randomUUID().toString().substring(0, 8);
        long movementMs = millis(() -> movement(fund, "{\"movementId\":\"m1\",\"kind\":\"DEPOSIT\",\"amount\":1e999999999,"
                + "\"occurredAt\":\"2026-03-01T00:00:00Z\"}").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("$.amount")).body("errors[0].message", containsString("38 significant digits")));
        ObjectNode e = TestEvents.fresh("consistent#1");
        String body = e.toString().replaceFirst("\"collateral\":\"[^\"]*\"", "\"collateral\":1e999999999");
        long eventMs = millis(() -> ingest(body).then().statusCode(400).body("errors.field", contains("$.position.collateral")));
        assertThat(movementMs).isLessThan(1000);
        assertThat(eventMs).isLessThan(1000);
        for (String tooFine : List.of("\"0.0000000000000000000000000000001\"", "\"123456789012345678901234567890123456789\"",
                "\"1E+31\"", "1e-31")) {
            ObjectNode t = TestEvents.fresh("consistent#1");
            ingest(t.toString().replaceFirst("\"collateral\":\"[^\"]*\"", "\"collateral\":" + tooFine)).then().statusCode(400)
                    .body("errors.field", contains("$.position.collateral"));
        }
        assertThat(count("select count(*) from fund_movement where fund_id = $1", fund)).isZero();
        assertNotStored(e.get("eventId").asText());
    }

    @Test
    void listsAreBounded() {
        int max = io.liqaudit.eventjson.EventJsonReader.MAX_FILLS;
        ObjectNode e = TestEvents.fresh("consistent#1");
        ArrayNode fills = e.putArray("fills");
        for (int i = 1; i <= max + 1; i++) {
            fills.addObject().put("step", i).put("quantity", "1").put("price", "1");
        }
        ingest(e.toString()).then().statusCode(400).body("errors.field", contains("$.fills"))
                .body("errors[0].message", containsString("at most " + max));
        // 100,000 fills took 9.6 s of the event loop: now the body alone is too large to be read.
        for (int i = max + 2; i <= 100_000; i++) {
            fills.addObject().put("step", i).put("quantity", "1").put("price", "1");
        }
        ingest(e.toString()).then().statusCode(413).contentType(PROBLEM); // refused by its Content-Length, unread
        assertNotStored(e.get("eventId").asText());
    }

    // --- 3. text the database can hold --------------------------------------------------------

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedEverywhere() {
        ObjectNode nul = TestEvents.fresh("consistent#1");
        nul.put("accountRef", "acct-\u0000x");
        ingest(nul.toString()).then().statusCode(400).body("errors.field", contains("$.accountRef"));
        ObjectNode surrogate = TestEvents.fresh("consistent#1");
        String sent = surrogate.toString().replace("\"ruleVersion\":\"", "\"ruleVersion\":\"\\ud800");
        ingest(sent).then().statusCode(400).body("errors.field", contains("$.ruleVersion"));
        assertNotStored(surrogate.get("eventId").asText());

        // In a batch, a bad item never fails the good ones.
        ObjectNode good = TestEvents.fresh("consistent#2");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body("{\"events\":[" + nul + "," + good + "]}")
                .post("/api/v1/liquidations/batch").then().statusCode(200)
                .body("results.status", contains("invalid", "created"));

        // Paths and filters: a space or a NUL in a fund id or a filter is named, never a 500.
        movement("FUND%20A", "{\"movementId\":\"m1\",\"kind\":\"DEPOSIT\",\"amount\":\"1\",\"occurredAt\":\"2026-03-01T00:00:00Z\"}")
                .then().statusCode(400).body("errors.field", contains("fundId"));
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/VENUE-A/x%00y").then().statusCode(400).contentType(PROBLEM);
        TestUsers.as(Roles.AUDITOR).urlEncodingEnabled(false).get("/api/v1/liquidations?venue=A%00B").then().statusCode(400)
                .body("errors.field", contains("venue"));
        TestUsers.as(Roles.AUDITOR).queryParam("symbol", "BTC USDT").get("/api/v1/liquidations").then().statusCode(400)
                .body("errors.field", contains("symbol"));
        TestUsers.as(Roles.AUDITOR).get("/api/v1/insurance-funds/FUND%20A/ledger").then().statusCode(400)
                .body("errors.field", contains("fundId"));
        given().urlEncodingEnabled(false).get("/disclosures?venue=%C0%AF").then().statusCode(400)
                .body("errors.field", contains("venue"));
    }

    // --- 4. time that exists --------------------------------------------------------------------

    @Test
    void oneTimestampRuleForEveryInput() {
        String fund = "HOSTILE-T-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> bad = List.of("\"2026-03-01T24:00:00Z\"", "\"2026-06-30T23:59:60Z\"", "\"2026-03-01T00:00:00+01:00\"",
                "1767225600", "\"+99999-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"1999-12-31T23:59:59Z\"",
                "\"2026-02-30T00:00:00Z\"", "\"2099-01-01T00:00:00Z\"", "\"2026-03-01T00:00:00.1234567Z\"");
        for (String t : bad) {
            ObjectNode e = TestEvents.fresh("consistent#1");
            ingest(e.toString().replaceFirst("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":" + t)).then().statusCode(400)
                    .body("errors.field", contains("$.occurredAt"));
            movement(fund, "{\"movementId\":\"m1\",\"kind\":\"DEPOSIT\",\"amount\":\"1\",\"occurredAt\":" + t + "}")
                    .then().statusCode(400).body("errors.field", contains("$.occurredAt"));
        }
        assertThat(count("select count(*) from fund_movement where fund_id = $1", fund)).isZero();
        // The filters read time the same way.
        TestUsers.as(Roles.AUDITOR).queryParam("from", "2026-03-01T00:00:00+01:00").get("/api/v1/liquidations").then()
                .statusCode(400).body("errors.field", contains("from"));
    }

    // --- 5. one reading of a body -----------------------------------------------------------------

    @Test
    void oneReadingOfABody() {
        ObjectNode e = TestEvents.fresh("consistent#1");
        String twice = e.toString().replaceFirst("\\{", "{\"venue\":\"VENUE-X\",");
        ingest(twice).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("$.venue"))
                .body("errors[0].message", containsString("twice"));
        String twoBatches = "{\"events\":[" + TestEvents.fresh("consistent#1") + "],\"events\":[" + e + "]}";
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(twoBatches).post("/api/v1/liquidations/batch").then()
                .statusCode(400).body("errors.field", contains("$.events"));
        assertNotStored(e.get("eventId").asText());

        // No Content-Type: 415, on every endpoint that reads a body.
        for (String path : List.of("/api/v1/liquidations", "/api/v1/liquidations/batch", "/api/v1/insurance-funds/F-1/movements",
                "/api/v1/engine/recompute")) {
            TestUsers.as(Roles.INGESTOR).body(e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path).then()
                    .statusCode(415).contentType(PROBLEM);
        }
        TestUsers.as(Roles.AUDITOR).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/verification/runs")
                .then().statusCode(415).contentType(PROBLEM);

        // An empty body: 400 everywhere.
        for (String path : List.of("/api/v1/liquidations", "/api/v1/liquidations/batch", "/api/v1/insurance-funds/F-1/movements",
                "/api/v1/engine/recompute")) {
            TestUsers.as(Roles.INGESTOR).contentType("application/json").post(path).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("$"));
        }
        TestUsers.as(Roles.AUDITOR).contentType("application/json").post("/api/v1/verification/runs").then().statusCode(400);

        // No coercion: a number is not a venue.
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"venue\": 5}").post("/api/v1/verification/runs")
                .then().statusCode(400).body("errors.field", contains("$.venue"));
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"vnue\": \"A\"}").post("/api/v1/verification/runs")
                .then().statusCode(400).body("errors.field", contains("$.vnue"));
    }

    // --- 6. every bad parameter named --------------------------------------------------------------

    @Test
    void everyBadParameterIsNamed() {
        record Case(String role, String url, String parameter) {
        }
        String cursorOfNothing = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("x|y|z".getBytes());
        String ledgerCursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("+99999-01-01T00:00:00Z|1|5".getBytes());
        List<Case> cases = List.of(
                new Case(Roles.AUDITOR, "/api/v1/liquidations?limit=abc", "limit"),
                new Case(Roles.AUDITOR, "/api/v1/liquidations?limit=99999999999", "limit"),
                new Case(Roles.AUDITOR, "/api/v1/liquidations?cursor=" + cursorOfNothing, "cursor"),
                new Case(Roles.AUDITOR, "/api/v1/liquidations?verdict=MAYBE", "verdict"),
                new Case(Roles.AUDITOR, "/api/v1/insurance-funds/F-1/ledger?limit=-1", "limit"),
                new Case(Roles.AUDITOR, "/api/v1/insurance-funds/F-1/ledger?cursor=" + ledgerCursor, "cursor"),
                new Case(null, "/api/v1/ledger/proof/inclusion?sequence=abc&treeSize=1", "sequence"),
                new Case(null, "/api/v1/ledger/proof/consistency?from=1&to=1e3", "to"),
                new Case(null, "/api/v1/ledger/checkpoint?treeSize=1e3", "treeSize"),
                new Case(null, "/disclosures/register?before=abc", "before"),
                new Case(null, "/disclosures/register.csv?table=register&before=abc", "before"),
                new Case(Roles.ADMIN, "/api/v1/admin/security-log?limit=abc", "limit"),
                new Case(Roles.AUDITOR, "/api/v1/verification/runs/abc", "id"),
                new Case(Roles.AUDITOR, "/api/v1/ledger/audit/abc", "id"));
        for (Case c : cases) {
            var request = c.role() == null ? given() : TestUsers.as(c.role());
            request.urlEncodingEnabled(false).get(c.url()).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem(c.parameter()));
        }
        String longUri = "/api/v1/liquidations?venue=" + "A".repeat(9000);
        TestUsers.as(Roles.AUDITOR).get(longUri).then().statusCode(414).contentType(PROBLEM).body("status", equalTo(414));
        String longerThanALine = "/api/v1/liquidations?venue=" + "A".repeat(70_000);
        TestUsers.as(Roles.AUDITOR).get(longerThanALine).then().statusCode(414).contentType(PROBLEM);
    }

    // --- 8. safe exports ---------------------------------------------------------------------------

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(CsvCells.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.text("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.text("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvCells.text("-12.5")).isEqualTo("-12.5");
        assertThat(CsvCells.text("VENUE-A")).isEqualTo("VENUE-A");
        assertThat(CsvCells.text(null)).isEmpty();
    }
}
