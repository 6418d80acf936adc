package io.liqaudit.liquidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiquidationIngestTest {

    @Inject
    Pool pool;

    static Response post(String body) {
        return TestUsers.as(Roles.INGESTOR).contentType("application/json").body(body).post("/api/v1/liquidations");
    }

    long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    /** The same JSON with keys in reverse order and different whitespace. */
    static String reordered(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            java.util.Collections.reverse(keys);
            StringBuilder out = new StringBuilder("{\n  ");
            for (int i = 0; i < keys.size(); i++) {
                out.append(i > 0 ? " ,\n  " : "").append('"').append(keys.get(i)).append("\" :  ").append(reordered(node.get(keys.get(i))));
            }
            return out.append("\n}").toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(reordered(n)));
            return "[ " + String.join(" , ", items) + " ]";
        }
        return node.toString();
    }

    @Test
    void recordsOnceAnswersTheIdenticalEventAgainAndRefusesAConflict() {
        ObjectNode event = TestEvents.fresh("defect:step_qty#17");
        String id = event.get("eventId").asText();
        Response first = post(event.toString());
        first.then().statusCode(201)
                .header("Location", endsWith("/api/v1/liquidations/VENUE-A/" + id))
                .body("verdict", equalTo("DISCREPANT"))
                .body("sequence", notNullValue())
                .body("recomputation.findings.code", containsInAnyOrder("STEP_QUANTITY_MISMATCH", "INCOMPLETE_LIQUIDATION"))
                .body("input.position.entryPrice", equalTo("98765.522"));

        Response again = post(reordered(event));
        again.then().statusCode(200);
        assertThat(again.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(count("select count(*) from liquidation_event where event_id = $1", id)).isEqualTo(1);

        String storedDigest = digest(id);
        ObjectNode changed = event.deepCopy();
        ((ObjectNode) changed.get("fills").get(0)).put("price", "96710.5");
        post(changed.toString()).then().statusCode(409).contentType("application/problem+json");
        assertThat(digest(id)).as("the stored event is untouched").isEqualTo(storedDigest);
        assertThat(count("select count(*) from refused_submission where identity = $1 and submitted_by = 't-ingestor'",
                "VENUE-A/" + id)).isEqualTo(1);
    }

    private String digest(String eventId) {
        return pool.preparedQuery("select encode(content_digest, 'hex') d, input::text i from liquidation_event where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getString("d");
    }

    @Test
    void malformedEventsAreRefusedWithEveryBadFieldAndLeaveNoRow() {
        ObjectNode event = TestEvents.fresh("consistent#1");
        event.remove("symbol");
        ((ObjectNode) event.get("policy")).put("mode", "HALF");
        post(event.toString()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("$.symbol", "$.policy.mode"));
        assertThat(count("select count(*) from liquidation_event where event_id = $1", event.get("eventId").asText())).isZero();
    }

    @Test
    void anUnverifiableEventIsStillRecorded() {
        ObjectNode event = TestEvents.fresh("unverifiable:tiers_gap#31");
        post(event.toString()).then().statusCode(201).body("verdict", equalTo("UNVERIFIABLE"))
                .body("recomputation.unverifiableReasons.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void decimalsAreStoredExactlyInTypedColumnsAndInput() {
        ObjectNode event = TestEvents.fresh("consistent#4");
        String body = event.toString().replace("\"balanceBefore\":\"" + event.get("insuranceFund").get("balanceBefore").asText() + "\"",
                "\"balanceBefore\":3120.123456789012345678");
        post(body).then().statusCode(201);
        Row row = pool.preparedQuery("select fund_balance_before::text b, input::jsonb->'insuranceFund'->>'balanceBefore' j "
                + "from liquidation_event where event_id = $1").execute(Tuple.of(event.get("eventId").asText()))
                .await().indefinitely().iterator().next();
        assertThat(row.getString("b")).isEqualTo("3120.123456789012345678");
        assertThat(row.getString("j")).isEqualTo("3120.123456789012345678");
    }

    @Test
    void aBatchAnswersPerItemAndOneBadItemBlocksNothing() {
        ObjectNode a = TestEvents.fresh("consistent#2");
        ObjectNode b = TestEvents.fresh("consistent#3");
        post(b.toString()).then().statusCode(201);
        ObjectNode bConflicting = b.deepCopy();
        bConflicting.put("ruleVersion", "other");
        ObjectNode bad = TestEvents.fresh("consistent#5");
        bad.put("occurredAt", "yesterday");
        String batch = "{\"events\":[" + a + "," + a + "," + b + "," + bConflicting + "," + bad + "]}";
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch).post("/api/v1/liquidations/batch")
                .then().statusCode(200)
                .body("results.status", org.hamcrest.Matchers.contains("created", "duplicate", "duplicate", "conflict", "invalid"))
                .body("results[4].problems.field", org.hamcrest.Matchers.contains("$.events[4].occurredAt"))
                .body("counts.created", equalTo(1)).body("counts.invalid", equalTo(1));
        assertThat(count("select count(*) from liquidation_event where event_id = $1", a.get("eventId").asText())).isEqualTo(1);
    }

    @Test
    void identitiesThatReadAlikeAreStillDistinct() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        ObjectNode a = TestEvents.fresh("consistent#2");
        a.put("venue", "V-" + tag + ":x").put("eventId", "y");
        ObjectNode b = TestEvents.fresh("consistent#3");
        b.put("venue", "V-" + tag).put("eventId", "x:y");
        // '/' cannot stand in an identifier at all (it would split the event's URL); ':' can.
        ObjectNode c = TestEvents.fresh("consistent#3");
        c.put("venue", "V-" + tag).put("eventId", "x/y");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body("{\"events\":[" + a + "," + b + "," + c + "]}")
                .post("/api/v1/liquidations/batch").then().statusCode(200)
                .body("results.status", org.hamcrest.Matchers.contains("created", "created", "invalid"))
                .body("results[2].problems.field", org.hamcrest.Matchers.contains("$.events[2].eventId"));
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1001; i++) {
            batch.append(i > 0 ? "," : "").append("{}");
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(400).body("errors[0].field", equalTo("$.events"));
    }

    @Test
    void sequencesAreGapFree() {
        long events = count("select count(*) from liquidation_event");
        long max = count("select coalesce(max(sequence), -1) from liquidation_event");
        long head = count("select next_sequence from ledger_head");
        assertThat(max).isEqualTo(events - 1);
        assertThat(head).isEqualTo(events);
    }

    @Test
    void listingFiltersAndPagesStablyWhileEventsArrive() {
        String venue = "VENUE-PAGE-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (ObjectNode e : TestEvents.all().subList(0, 12)) {
            e.put("venue", venue);
            ids.add(e.get("eventId").asText());
            post(e.toString()).then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = TestUsers.as(Roles.RECONCILER).queryParam("venue", venue).queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/liquidations");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.eventId"));
            cursor = page.jsonPath().getString("nextCursor");
            if (pages++ == 0) {
                // Newer events arriving between pages must not shift or repeat what follows.
                ObjectNode late = TestEvents.fresh("consistent#7");
                late.put("venue", venue);
                post(late.toString()).then().statusCode(201);
            }
        } while (cursor != null);
        java.util.Collections.reverse(ids);
        assertThat(seen).containsExactlyElementsOf(ids);

        ObjectNode triggerDefect = TestEvents.fresh("defect:trigger#49");
        triggerDefect.put("venue", venue);
        post(triggerDefect.toString()).then().statusCode(201);
        TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("finding", "TRIGGER_NOT_MET")
                .get("/api/v1/liquidations").then().statusCode(200)
                .body("items.eventId", org.hamcrest.Matchers.contains(triggerDefect.get("eventId").asText()));
        TestUsers.as(Roles.REGULATOR).queryParam("venue", venue).queryParam("verdict", "DISCREPANT")
                .get("/api/v1/liquidations").then().statusCode(200)
                .body("items.verdict", org.hamcrest.Matchers.everyItem(equalTo("DISCREPANT")))
                .body("items.eventId", org.hamcrest.Matchers.hasItem(triggerDefect.get("eventId").asText()));
        TestUsers.as(Roles.AUDITOR).queryParam("verdict", "MAYBE").queryParam("limit", 501)
                .get("/api/v1/liquidations").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("verdict", "limit"));
    }
}
