package io.liqaudit.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

@QuarkusTest
class VerificationRunTest {

    @Inject
    Pool pool;

    private String recordVenue(int events) {
        String venue = "VENUE-RV-" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        List<ObjectNode> all = TestEvents.all();
        for (int i = 0; i < events; i++) {
            ObjectNode e = all.get(i % all.size());
            e.put("venue", venue);
            e.put("eventId", "rv-" + i);
            batch.append(i > 0 ? "," : "").append(e);
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200).body("counts.created", equalTo(events));
        return venue;
    }

    private Response awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Response r = TestUsers.as(Roles.AUDITOR).get("/api/v1/verification/runs/" + id);
            if (r.jsonPath().getString("status").equals("DONE")) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aRunReplaysTheFilteredEventsAndStoresNewRecomputationsBesideTheOld() throws InterruptedException {
        String venue = recordVenue(81);
        // Pretend an older engine had judged one event differently: the run must notice the change.
        pool.preparedQuery("update event_status s set engine_verdict = 'UNVERIFIABLE' from liquidation_event e "
                + "where e.sequence = s.event_sequence and e.venue = $1 and e.event_id = 'rv-0'")
                .execute(Tuple.of(venue)).await().indefinitely();

        Response started = TestUsers.as(Roles.AUDITOR).contentType("application/json")
                .body("{\"venue\":\"" + venue + "\"}").post("/api/v1/verification/runs");
        started.then().statusCode(202).body("total", equalTo(81)).body("engineVersion", equalTo("1.0.0"));
        Response done = awaitDone(started.jsonPath().getLong("id"));
        done.then().body("done", equalTo(81)).body("verdictsChanged", equalTo(1)).body("secondsLeft", equalTo(0));

        assertThat(count("select count(*) from recomputation r join liquidation_event e on e.sequence = r.event_sequence "
                + "where e.venue = $1", venue)).as("old and new recomputations, side by side").isEqualTo(162);
        TestUsers.as(Roles.AUDITOR).get("/api/v1/liquidations/" + venue + "/rv-0").then().statusCode(200)
                .body("recomputations.size()", equalTo(2))
                .body("recomputations[1].runId", equalTo(started.jsonPath().getInt("id")));
    }

    @Test
    void anInterruptedRunIsResumedWhereItStopped() throws InterruptedException {
        String venue = recordVenue(30);
        long firstSeq = count("select min(sequence) from liquidation_event where venue = $1", venue);
        long lastSeq = count("select max(sequence) from liquidation_event where venue = $1", venue);
        // A run that an instance had taken halfway before it died: 10 done, resume point after them.
        long id = pool.preparedQuery("insert into verification_run (requested_by, engine_version, filter, status, "
                        + "up_to_sequence, total, done, last_sequence) values ('t-auditor', '1.0.0', $1::text::jsonb, 'RUNNING', $2, 30, 10, $3) "
                        + "returning id")
                .execute(Tuple.of("{\"venue\":\"" + venue + "\"}", lastSeq, firstSeq + 9)).await().indefinitely()
                .iterator().next().getLong(0);
        awaitDone(id).then().body("done", equalTo(30));
        assertThat(count("select count(*) from recomputation where run_id = $1", id)).as("only the 20 not yet done").isEqualTo(20);
    }

    /** The venue's row of the public overview CSV: fees, consistent, discrepant. */
    private static String publicFigures(String venue) {
        String csv = io.restassured.RestAssured.given().queryParam("period", "2026").queryParam("venue", venue)
                .queryParam("table", "venues").get("/disclosures/index.csv").then().statusCode(200).extract().asString();
        String[] row = csv.lines().skip(1).findFirst().orElseThrow().split(",");
        return new java.math.BigDecimal(row[5]).stripTrailingZeros().toPlainString() + " " + row[9] + " " + row[10];
    }

    @Test
    void theDisclosuresFollowARecomputationThatChangesFigures() throws InterruptedException {
        String venue = recordVenue(3);
        String truth = publicFigures(venue);
        // An older engine had judged rv-0 differently: 100 more in fees, and discrepant. The rollups
        // hold what it said, as they would have after its ingest.
        long seq = count("select sequence from liquidation_event where venue = $1 and event_id = 'rv-0'", venue);
        boolean feeToFund = count("select count(*) from liquidation_event where sequence = $1 "
                + "and input::jsonb->'policy'->>'feeRecipient' = 'INSURANCE_FUND'", seq) == 1;
        String verdict = pool.preparedQuery("select verdict from event_status where event_sequence = $1").execute(Tuple.of(seq))
                .await().indefinitely().iterator().next().getString(0);
        long old = pool.preparedQuery("insert into recomputation (event_sequence, engine_version, computed_at, verdict, finding_codes, "
                        + "outcome, mark_price, liquidation_price, bankruptcy_price, liquidated_quantity, total_fee, excess_equity, "
                        + "trader_return, insurance_fund_delta, bankruptcy_loss, adl_shortfall, output) "
                        + "select event_sequence, '0.9.0', computed_at, 'DISCREPANT', finding_codes, outcome, mark_price, "
                        + "liquidation_price, bankruptcy_price, liquidated_quantity, total_fee + 100, excess_equity, trader_return, "
                        + "insurance_fund_delta, bankruptcy_loss, adl_shortfall, output from recomputation "
                        + "where event_sequence = $1 order by id limit 1 returning id")
                .execute(Tuple.of(seq)).await().indefinitely().iterator().next().getLong(0);
        pool.preparedQuery("update event_status set recomputation_id = $2, engine_verdict = 'DISCREPANT', verdict = 'DISCREPANT' "
                + "where event_sequence = $1").execute(Tuple.of(seq, old)).await().indefinitely();
        boolean wasConsistent = verdict.equals("CONSISTENT");
        pool.preparedQuery("update disclosure_daily set total_fee = total_fee + 100, fee_to_fund = fee_to_fund + $2, "
                        + "consistent = consistent - $3, discrepant = discrepant + $3 where venue = $1 and day = "
                        + "(select (occurred_at at time zone 'UTC')::date from liquidation_event where sequence = $4)")
                .execute(Tuple.of(venue, feeToFund ? 100 : 0, wasConsistent ? 1 : 0, seq)).await().indefinitely();
        assertThat(publicFigures(venue)).isNotEqualTo(truth);

        long id = TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"venue\":\"" + venue + "\"}")
                .post("/api/v1/verification/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitDone(id).then().body("done", equalTo(3));
        assertThat(publicFigures(venue)).as("the public figures are the current engine's again").isEqualTo(truth);
    }

    @Test
    void anInvalidFilterIsRefused() {
        TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"verdict\":\"MAYBE\"}")
                .post("/api/v1/verification/runs").then().statusCode(400).body("errors[0].field", equalTo("$.verdict"));
    }
}
