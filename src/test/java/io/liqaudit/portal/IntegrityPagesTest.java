package io.liqaudit.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.PortalForms;
import io.liqaudit.security.PortalSessions;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The integrity pages as an auditor uses them: start a tamper audit and a re-verification run
 * from their forms, follow them to their result pages, whose findings link to the events; a
 * fund's ledger shows its break; the event page shows its fund's chain.
 */
@QuarkusTest
class IntegrityPagesTest {

    private static Response post(String session, String formPage, String action, String... fields) {
        PortalForms.Form form = PortalForms.loadForm(formPage, session);
        var request = given().cookie(PortalSessions.COOKIE, session).cookie("liqaudit-csrf", form.csrfCookie())
                .redirects().follow(false).formParam("csrf-token", form.token());
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(action);
    }

    private static String waitUntilDone(String session, String page) throws InterruptedException {
        String html = "";
        for (int i = 0; i < 100; i++) {
            html = given().cookie(PortalSessions.COOKIE, session).get(page).then().statusCode(200).extract().asString();
            if (!html.contains("RUNNING")) {
                return html;
            }
            Thread.sleep(100);
        }
        return html;
    }

    @Test
    void anAuditAndARunAreStartedFromTheirFormsAndNameTheEventsTheyFound() throws Exception {
        String venue = "INTEG-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode discrepant = TestEvents.fresh("defect:fee#13").put("venue", venue);
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(discrepant.toString())
                .post("/api/v1/liquidations").then().statusCode(201);
        String session = PortalForms.session("t-auditor", "auditor-password-1");

        Response audit = post(session, "/portal/integrity", "/portal/integrity/audits");
        audit.then().statusCode(303);
        String auditPage = waitUntilDone(session, audit.getHeader("Location"));
        assertThat(auditPage).contains("Tamper audit #").contains("DONE")
                .contains("Every stored event matches its leaf, and every checkpoint its events.");

        Response run = post(session, "/portal/integrity", "/portal/integrity/runs", "venue", venue, "verdict", "",
                "from", "", "to", "");
        run.then().statusCode(303);
        String runPage = waitUntilDone(session, run.getHeader("Location"));
        assertThat(runPage).contains("DONE").contains("1 of 1")
                .contains("href=\"/portal/events/" + venue + "/" + discrepant.get("eventId").asText() + "\"");

        String csv = given().cookie(PortalSessions.COOKIE, session).get(run.getHeader("Location") + ".csv").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("sequence,venue,eventId,verdict,reason\r\n")
                .contains("," + venue + "," + discrepant.get("eventId").asText() + ",DISCREPANT,\r\n");

        String integrity = given().cookie(PortalSessions.COOKIE, session).get("/portal/integrity").then().statusCode(200)
                .extract().asString();
        assertThat(integrity).contains("href=\"/portal/funds/" + discrepant.get("insuranceFund").get("fundId").asText() + "\"");
        String auditPath = java.net.URI.create(audit.getHeader("Location")).getPath();
        assertThat(integrity).contains("href=\"" + auditPath + "\"");

        post(session, "/portal/integrity", "/portal/integrity/runs", "from", "yesterday").then().statusCode(400);
    }

    @Test
    void aFundsLedgerHighlightsItsBreakAndTheEventPageShowsTheChainFromIt() {
        String fund = "F-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode first = FundEvents.event(fund, "2026-03-01T00:00:00Z", new BigDecimal("1000"));
        ObjectNode second = FundEvents.event(fund, "2026-03-02T00:00:00Z", new BigDecimal("5"));
        for (ObjectNode e : new ObjectNode[] {first, second}) {
            TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                    .then().statusCode(201);
        }
        String page = TestUsers.as(Roles.AUDITOR).get("/portal/funds/" + fund).then().statusCode(200).extract().asString();
        assertThat(page).contains("event " + first.get("eventId").asText())
                .contains("<tr class=\"differs\">").contains("event " + second.get("eventId").asText() + " — break");
        String ledgerCsv = TestUsers.as(Roles.AUDITOR).get("/portal/funds/" + fund + ".csv").then().statusCode(200)
                .extract().asString();
        assertThat(ledgerCsv.split("\r\n")).hasSize(3);
        assertThat(ledgerCsv).contains(",EVENT," + second.get("eventId").asText() + ",").endsWith(",true\r\n");
        String event = TestUsers.as(Roles.AUDITOR).get("/portal/events/{v}/{id}", second.get("venue").asText(),
                second.get("eventId").asText()).then().statusCode(200).extract().asString();
        // The second event's page shows the entry before it (the first) and its own break.
        assertThat(event).contains("The fund's chain around this event").contains("href=\"/portal/funds/" + fund + "\"")
                .contains("event " + first.get("eventId").asText()).contains(second.get("eventId").asText() + " — break")
                .contains("The insurance fund&#39;s stated balance before this event is not the balance");
        assertThat(event.indexOf("event " + first.get("eventId").asText()))
                .isLessThan(event.indexOf("event " + second.get("eventId").asText()));
    }

    /** Events of one fund at chosen times and stated balances. */
    static final class FundEvents {
        static ObjectNode event(String fund, String at, BigDecimal balanceBefore) {
            ObjectNode e = TestEvents.fresh("consistent#4");
            e.put("occurredAt", at);
            ((ObjectNode) e.get("insuranceFund")).put("fundId", fund).put("balanceBefore", balanceBefore.toPlainString());
            e.remove("reported");
            return e;
        }
    }
}
