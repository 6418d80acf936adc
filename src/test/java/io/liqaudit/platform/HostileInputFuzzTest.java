package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.testing.JsonMutator;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Throws mutated events, movements, filters and query strings at every write and read endpoint,
 * seeded (set -Dfuzz.seed to replay a failure) and bounded in time (-Dfuzz.seconds, 40 by default).
 * Every answer must come within a second, never be a 5xx, be a problem document when it is an
 * error (naming a field or parameter when it is a 400), and leave nothing half-stored.
 */
@QuarkusTest
class HostileInputFuzzTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final long BUDGET_MS = Long.getLong("fuzz.seconds", 40L) * 1000;

    private static final List<String> RAW_VALUES = List.of("", "abc", "-1", "0", "1", "1e3", "99999999999999999999", "%00",
            "%C0%AF", "%F0%9F%98%80", "a%20b", "VENUE-A", "2026", "2026-Q5", "2026-13", "2026-02-30", "2026-03-01T00:00:00Z",
            "2026-03-01T24:00:00Z", "CONSISTENT", "MAYBE", "TRIGGER_NOT_MET", "czoxOTk4NA", "AAAA", "%2F..%2F", "x".repeat(300),
            "-9223372036854775808", "9223372036854775807");

    @Inject
    Pool pool;

    private final Random random = new Random(SEED);
    private final JsonMutator mutator = new JsonMutator(random);
    private int requests;

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private Response timed(Supplier<Response> call, String what) {
        long start = System.nanoTime();
        Response r = call.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        requests++;
        assertThat(ms).as("%s answered in %d ms (seed %d)", what, ms, SEED).isLessThan(1000);
        assertThat(r.statusCode()).as("%s: %s (seed %d)", what, r.asString(), SEED).isLessThan(500);
        if (r.statusCode() >= 400) {
            assertThat(r.contentType()).as("%s (seed %d)", what, SEED).startsWith(Problem.MEDIA_TYPE);
            if (r.statusCode() == 400) {
                List<String> fields = r.jsonPath().getList("errors.field");
                assertThat(fields).as("%s names what is bad (seed %d)", what, SEED).isNotEmpty().allMatch(f -> !f.isBlank());
            }
        }
        return r;
    }

    private long stored(String venue, String eventId) {
        return pool.preparedQuery("select count(*) from liquidation_event where venue = $1 and event_id = $2")
                .execute(Tuple.of(venue, eventId)).await().indefinitely().iterator().next().getLong(0);
    }

    private static RequestSpecification json(String role) {
        return TestUsers.as(role).contentType("application/json");
    }

    @Test
    void nothingHostileBreaksAnEndpoint() {
        String venue = "FUZZ-" + UUID.randomUUID().toString().substring(0, 8);
        String fund = "FUZZ-FUND-" + UUID.randomUUID().toString().substring(0, 8);
        String rulesVenue = "FUZZ-RULES-" + UUID.randomUUID().toString().substring(0, 8); // apart: its rules re-check no fuzz event
        List<ObjectNode> vectors = TestEvents.all();
        // Warm every path once (class loading, JIT), so the timing speaks of steady service.
        json(Roles.INGESTOR).body("{}").post("/api/v1/liquidations");
        json(Roles.INGESTOR).body("{}").post("/api/v1/liquidations/batch");
        json(Roles.INGESTOR).body("{}").post("/api/v1/insurance-funds/" + fund + "/movements");
        json(Roles.RULEKEEPER).body("{}").post("/api/v1/venues/" + rulesVenue + "/rule-sets");
        long deadline = System.currentTimeMillis() + BUDGET_MS;
        int createdMovements = 0;
        long rounds = 0;
        while (System.currentTimeMillis() < deadline) {
            rounds++;
            switch (random.nextInt(7)) {
                case 0, 1 -> fuzzSingleEvent(venue, vectors);
                case 2 -> fuzzBatch(venue, vectors);
                case 3 -> createdMovements += fuzzMovement(fund);
                case 4 -> fuzzQuery(venue, fund);
                case 5 -> fuzzRuleSet(rulesVenue, vectors);
                default -> fuzzRunFilter();
            }
        }
        long movements = pool.preparedQuery("select count(*) from fund_movement where fund_id = $1").execute(Tuple.of(fund))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(movements).as("every movement answered 201 is stored, and only those").isEqualTo(createdMovements);
        assertThat(requests).as("the fuzzer made requests (%d rounds)", rounds).isGreaterThan((int) (BUDGET_MS / 100)); // 10 a second at least
        System.out.printf("fuzz: seed %d, %d requests in %d s%n", SEED, requests, BUDGET_MS / 1000);
    }

    private ObjectNode freshEvent(String venue, List<ObjectNode> vectors) {
        ObjectNode e = pick(vectors).deepCopy();
        e.put("venue", venue).put("eventId", "fz-" + UUID.randomUUID());
        return e;
    }

    private void fuzzSingleEvent(String venue, List<ObjectNode> vectors) {
        ObjectNode e = freshEvent(venue, vectors);
        String eventId = e.get("eventId").asText();
        mutator.mutate(e);
        String body = random.nextInt(4) == 0 ? mutator.damage(e.toString()) : e.toString();
        String path = random.nextInt(5) == 0 ? "/api/v1/engine/recompute" : "/api/v1/liquidations";
        Response r = timed(() -> json(Roles.INGESTOR).body(body).post(path), "POST " + path);
        if (path.endsWith("liquidations") && r.statusCode() == 400) {
            assertThat(stored(venue, eventId)).as("a refused event is not stored (seed %d)", SEED).isZero();
        }
        if (r.statusCode() == 201) {
            timed(() -> TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + r.jsonPath().getString("venue") + "/"
                    + r.jsonPath().getString("eventId")), "GET a recorded event").then().statusCode(200);
        }
    }

    private void fuzzBatch(String venue, List<ObjectNode> vectors) {
        int size = 1 + random.nextInt(5);
        List<ObjectNode> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectNode e = freshEvent(venue, vectors);
            ids.add(e.get("eventId").asText());
            if (random.nextBoolean()) {
                mutator.mutate(e);
            }
            items.add(e);
        }
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < items.size(); i++) {
            body.append(i > 0 ? "," : "").append(items.get(i));
        }
        String text = random.nextInt(6) == 0 ? mutator.damage(body.append("]}").toString()) : body.append("]}").toString();
        Response r = timed(() -> json(Roles.INGESTOR).body(text).post("/api/v1/liquidations/batch"), "POST batch");
        if (r.statusCode() == 200) {
            List<String> statuses = r.jsonPath().getList("results.status");
            for (int i = 0; i < statuses.size(); i++) {
                long expected = statuses.get(i).equals("invalid") ? 0 : 1;
                if (items.get(i).path("eventId").asText().equals(ids.get(i)) && items.get(i).path("venue").asText().equals(venue)) {
                    assertThat(stored(venue, ids.get(i))).as("batch item %d %s (seed %d)", i, statuses.get(i), SEED)
                            .isEqualTo(expected);
                }
            }
        } else {
            for (String id : ids) {
                assertThat(stored(venue, id)).as("a refused batch stores nothing (seed %d)", SEED).isZero();
            }
        }
    }

    private int fuzzMovement(String fund) {
        ObjectNode m = JSON.objectNode().put("movementId", "m-" + UUID.randomUUID()).put("kind", "DEPOSIT")
                .put("amount", "250000.5").put("occurredAt", "2026-03-01T00:00:00Z").put("reference", "top-up");
        if (random.nextInt(5) > 0) {
            mutator.mutate(m);
        }
        String body = random.nextInt(5) == 0 ? mutator.damage(m.toString()) : m.toString();
        String target = random.nextInt(8) == 0 ? URLEncoder.encode(pick(RAW_VALUES), StandardCharsets.UTF_8) : fund;
        Response r = timed(() -> json(Roles.INGESTOR).urlEncodingEnabled(false).body(body)
                .post("/api/v1/insurance-funds/" + target + "/movements"), "POST movement");
        return r.statusCode() == 201 && target.equals(fund) ? 1 : 0;
    }

    /** A rule set made of a vector's rules, mutated or damaged; one refused (400) is not published. */
    private void fuzzRuleSet(String venue, List<ObjectNode> vectors) {
        ObjectNode event = pick(vectors);
        String version = "fz-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode doc = JSON.objectNode().put("ruleVersion", version)
                .put("effectiveFrom", "2026-0" + (1 + random.nextInt(9)) + "-01T00:00:00Z");
        ObjectNode rules = doc.putObject("symbols").putObject(event.get("symbol").asText());
        rules.set("contract", ((ObjectNode) event.get("contract").deepCopy()).put("quoteCurrency", "USDT"));
        rules.set("riskTiers", event.get("riskTiers").deepCopy());
        rules.set("policy", event.get("policy").deepCopy());
        rules.put("outlierBand", "0.05");
        if (random.nextInt(4) > 0) {
            mutator.mutate(doc);
        }
        String body = random.nextInt(5) == 0 ? mutator.damage(doc.toString()) : doc.toString();
        Response r = timed(() -> json(Roles.RULEKEEPER).body(body).post("/api/v1/venues/" + venue + "/rule-sets"), "POST rule set");
        if (r.statusCode() == 400) {
            timed(() -> given().get("/api/v1/venues/" + venue + "/rule-sets/" + version), "GET a refused rule set")
                    .then().statusCode(404);
        }
    }

    private void fuzzRunFilter() {
        ObjectNode f = JSON.objectNode().put("venue", "VENUE-A").put("from", "2026-01-01T00:00:00Z");
        mutator.mutate(f);
        String body = random.nextInt(4) == 0 ? mutator.damage(f.toString()) : f.toString();
        timed(() -> json(Roles.AUDITOR).body(body).post("/api/v1/verification/runs"), "POST verification run");
    }

    private void fuzzQuery(String venue, String fund) {
        record Target(String role, String path, List<String> params) {
        }
        List<Target> targets = List.of(
                new Target(Roles.AUDITOR, "/api/v1/liquidations", List.of("venue", "symbol", "accountRef", "fundId", "verdict",
                        "finding", "from", "to", "limit", "cursor")),
                new Target(Roles.REGULATOR, "/api/v1/liquidations/" + venue + "/" + pick(RAW_VALUES), List.of()),
                new Target(Roles.RECONCILER, "/api/v1/insurance-funds/" + fund + "/ledger", List.of("limit", "cursor")),
                new Target(null, "/api/v1/ledger/checkpoint", List.of("treeSize")),
                new Target(null, "/api/v1/ledger/proof/inclusion", List.of("sequence", "treeSize")),
                new Target(null, "/api/v1/ledger/proof/consistency", List.of("from", "to")),
                new Target(null, "/disclosures", List.of("period", "venue", "symbol", "fundId")),
                new Target(null, "/disclosures/" + pick(List.of("insurance-fund", "excess-equity", "liquidation-prices",
                        "register", "methodology")), List.of("period", "venue", "symbol", "fundId", "before")),
                new Target(null, "/disclosures/" + pick(List.of("index", "register", "insurance-fund", "nothing")) + ".csv",
                        List.of("table", "period", "venue", "before")),
                new Target(Roles.ADMIN, "/api/v1/admin/security-log", List.of("limit")),
                new Target(Roles.AUDITOR, "/api/v1/verification/runs/" + pick(RAW_VALUES), List.of()),
                new Target(Roles.AUDITOR, "/api/v1/ledger/audit/" + pick(RAW_VALUES), List.of()),
                new Target(null, "/disclosures/rules/tiers.csv", List.of("venue", "ruleVersion")),
                new Target(null, "/api/v1/venues/" + pick(RAW_VALUES) + "/rule-sets/" + pick(RAW_VALUES), List.of()));
        Target t = pick(targets);
        StringBuilder query = new StringBuilder();
        int n = t.params().isEmpty() ? 0 : random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = random.nextInt(10) == 0 ? pick(RAW_VALUES) : pick(t.params());
            query.append(i == 0 ? "?" : "&").append(name).append('=').append(pick(RAW_VALUES));
        }
        String url = t.path().replace(" ", "%20") + query;
        RequestSpecification request = (t.role() == null ? given() : TestUsers.as(t.role())).urlEncodingEnabled(false);
        timed(() -> request.get(url), "GET " + url);
    }
}
