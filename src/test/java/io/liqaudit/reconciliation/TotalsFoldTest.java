package io.liqaudit.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Totals from the fold (its rows plus what came after it) equal totals summed from the events, for
 * every grouping the API offers, whole-day and partial periods, a fund, before and after the fold
 * catches up, and when a re-verification revises an event's figures and verdict after the fold
 * (its old contribution must leave the old verdict's group and its new one join the new group).
 */
@QuarkusTest
class TotalsFoldTest {

    private static final List<List<Grouping>> GROUPINGS = List.of(List.of(), List.of(Grouping.VENUE), List.of(Grouping.SYMBOL),
            List.of(Grouping.FUND_ID), List.of(Grouping.DAY), List.of(Grouping.MONTH), List.of(Grouping.POLICY),
            List.of(Grouping.VERDICT), List.of(Grouping.VENUE, Grouping.DAY),
            List.of(Grouping.VERDICT, Grouping.POLICY, Grouping.FUND_ID), List.of(Grouping.MONTH, Grouping.SYMBOL, Grouping.VERDICT));

    @Inject
    TotalsFold fold;
    @Inject
    TotalsQueries queries;
    @Inject
    Checkpoints checkpoints;
    @Inject
    Pool pool;

    @Test
    void theFoldAnswersWhatSummingTheEventsAnswersBeforeAndAfterARevision() throws Exception {
        String venue = "FOLD-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObjectNode> events = TestEvents.all();
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            events.get(i).put("venue", venue).put("occurredAt", "2026-04-0" + (1 + i % 3) + "T0" + (i % 10) + ":30:00.000000Z");
            batch.append(i > 0 ? "," : "").append(events.get(i));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        String fund = events.get(0).get("insuranceFund").get("fundId").asText();
        List<Scope> scopes = List.of(new Scope(venue, null, null, null, null),
                new Scope(venue, null, null, at("2026-04-02T00:00:00Z"), at("2026-04-03T00:00:00Z")),
                new Scope(venue, null, fund, at("2026-04-01T00:00:00Z"), null),
                new Scope(venue, null, null, at("2026-04-01T03:00:00Z"), null));

        AsOf before = covering(lastSequence(venue) + 1);
        assertAgree(before, scopes, "nothing folded yet");
        foldUpTo(before.treeSize(), 7); // steps of 7 events: later steps add recorded events only
        assertAgree(before, scopes, "all folded");

        // A run recomputes every event (the same engine: the same figures)...
        long run = TestUsers.as(Roles.AUDITOR).contentType("application/json").body("{\"venue\":\"" + venue + "\"}")
                .post("/api/v1/verification/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        for (int i = 0; i < 300 && !TestUsers.as(Roles.AUDITOR).get("/api/v1/verification/runs/" + run).jsonPath()
                .getString("status").equals("DONE"); i++) {
            Thread.sleep(100);
        }
        // ...and another, as if with an amended engine, judges one CONSISTENT event otherwise: a fee one unit higher.
        long revisedSequence = pool.preparedQuery("""
                        with r as (insert into verification_run (requested_by, engine_version, filter, status, up_to_sequence, total,
                                       done, finished_at)
                                   values ('t-auditor', 'amended', '{}', 'DONE', 0, 1, 1, now()) returning id),
                             e as (select x.* from recomputation x join liquidation_event v on v.sequence = x.event_sequence
                                   where v.venue = $1 and x.verdict = 'CONSISTENT' and x.total_fee is not null
                                   order by x.id desc limit 1)
                        insert into recomputation (event_sequence, engine_version, computed_at, run_id, verdict, finding_codes, outcome,
                            mark_price, liquidation_price, bankruptcy_price, liquidated_quantity, total_fee, excess_equity, trader_return,
                            insurance_fund_delta, bankruptcy_loss, adl_shortfall, output)
                        select e.event_sequence, 'amended', now(), r.id, 'DISCREPANT', array['FEE_MISMATCH'], e.outcome, e.mark_price,
                            e.liquidation_price, e.bankruptcy_price, e.liquidated_quantity, e.total_fee + 1, e.excess_equity,
                            e.trader_return, e.insurance_fund_delta, e.bankruptcy_loss, e.adl_shortfall, e.output
                        from e, r returning event_sequence""")
                .execute(Tuple.of(venue)).await().indefinitely().iterator().next().getLong(0);
        // One more event, so that a checkpoint is signed after the revision.
        ObjectNode late = TestEvents.all().get(0);
        late.put("venue", venue).put("eventId", "late-" + UUID.randomUUID()).put("occurredAt", "2026-04-05T12:00:00.000000Z");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(late.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        AsOf after = covering(lastSequence(venue) + 1);
        assertThat(foldState().getLong("tree_size")).as("the fold stands before the revision").isLessThan(after.treeSize());
        assertAgree(after, scopes, "a revision after the fold");
        // The first three days (the late event is on the fifth): the revised event left CONSISTENT for DISCREPANT.
        Scope days = new Scope(venue, null, null, null, at("2026-04-04T00:00:00Z"));
        List<Totals> now = queries.totals(after, List.of(Grouping.VERDICT), days).await().indefinitely();
        List<Totals> then = queries.totals(before, List.of(Grouping.VERDICT), days).await().indefinitely();
        assertThat(count(now, "DISCREPANT")).isEqualTo(count(then, "DISCREPANT") + 1);
        assertThat(count(now, "CONSISTENT")).isEqualTo(count(then, "CONSISTENT") - 1);
        assertThat(revisedSequence).isLessThan(before.treeSize());

        foldUpTo(after.treeSize(), TotalsFold.STEP);
        assertThat(foldState().getOffsetDateTime("signed_at")).isAfterOrEqualTo(at(after.signedAt()));
        assertAgree(after, scopes, "the revision folded");
        assertAgree(before, scopes, "a checkpoint earlier than the fold's");
        assertThat(queries.totals(after, List.of(Grouping.VERDICT), days).await().indefinitely()).isEqualTo(now);
    }

    /** A revision is skipped when these columns are unchanged: the measures must read only them of a recomputation. */
    @Test
    void theMeasuresReadOnlyTheRecomputationColumnsARevisionIsJudgedBy() {
        java.util.Set<String> judged = java.util.Set.of(Measures.RECOMPUTED_COLUMNS.split(",\\s*"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\br\\.(\\w+)")
                .matcher(Measures.contributions(false, "$1", "liquidation_event e", "true"));
        java.util.Set<String> read = new java.util.TreeSet<>();
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).contains("verdict", "total_fee", "insurance_fund_delta");
        assertThat(judged).containsAll(read);
    }

    private void assertAgree(AsOf asOf, List<Scope> scopes, String when) {
        for (Scope scope : scopes) {
            for (List<Grouping> by : GROUPINGS) {
                List<Totals> folded = queries.totals(asOf, by, scope).await().indefinitely();
                List<Totals> summed = queries.summed(asOf, by, scope).await().indefinitely();
                assertThat(folded).as(when + ": " + by + " over " + scope).isEqualTo(summed);
                assertThat(summed).as("a scope with events").isNotEmpty();
            }
        }
    }

    private static long count(List<Totals> groups, String verdict) {
        return groups.stream().filter(t -> t.key().get("verdict").equals(verdict)).mapToLong(Totals::events).sum();
    }

    private void foldUpTo(long treeSize, int step) throws InterruptedException {
        for (int i = 0; i < 100 && fold.catchUp(step).await().indefinitely() < treeSize; i++) {
            Thread.sleep(100);
        }
        assertThat(foldState().getLong("tree_size")).isGreaterThanOrEqualTo(treeSize);
    }

    private Row foldState() {
        return pool.query("select tree_size, signed_at from reconciliation_fold").execute().await().indefinitely().iterator().next();
    }

    private AsOf covering(long size) throws InterruptedException {
        for (int i = 0; i < 100 && given().get("/api/v1/ledger/checkpoint").jsonPath().getLong("treeSize") < size; i++) {
            Thread.sleep(100);
        }
        return AsOf.of(checkpoints.latest().await().indefinitely().orElseThrow());
    }

    private static long lastSequence(String venue) {
        return TestUsers.as(Roles.AUDITOR).queryParam("venue", venue).queryParam("limit", 1).get("/api/v1/liquidations")
                .jsonPath().getLong("items[0].sequence");
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

}
