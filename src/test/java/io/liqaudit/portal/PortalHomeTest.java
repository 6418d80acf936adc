package io.liqaudit.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.cases.CaseOpener;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal's home page counts the cases by state and shows the integrity state of the log. */
@QuarkusTest
class PortalHomeTest {

    @Inject
    CaseOpener opener;

    private static long openCases(String page) {
        Matcher m = Pattern.compile("href=\"/portal/cases\\?state=OPEN\">(\\d+)</a>").matcher(page);
        assertThat(m.find()).as("an OPEN count linking to its cases").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aNewDiscrepancyIsCountedAsAnOpenCase() {
        opener.openAndClear().await().indefinitely();
        long before = openCases(TestUsers.as(Roles.AUDITOR).get("/portal").then().statusCode(200).extract().asString());
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(TestEvents.fresh("defect:fee#13").toString())
                .post("/api/v1/liquidations").then().statusCode(201);
        opener.openAndClear().await().indefinitely();
        String page = TestUsers.as(Roles.AUDITOR).get("/portal").then().statusCode(200).extract().asString();
        assertThat(openCases(page)).isEqualTo(before + 1);
        assertThat(page).contains("to resolve").contains("Latest tamper audit").contains("Latest signed checkpoint")
                .contains("Re-verification runs in progress");
    }

    @Test
    void aPeriodAndVenueAreCountedByVerdictFindingAndFieldEachLinkedToItsSearch() {
        String venue = "HOME-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        com.fasterxml.jackson.databind.node.ObjectNode event = TestEvents.fresh("consistent#2").put("venue", venue)
                .put("occurredAt", "2026-05-10T08:00:00.000000Z");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("reported")).put("totalFee", "98765.4321");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(event.toString()).post("/api/v1/liquidations")
                .then().statusCode(201);
        // The same identity again with other content: refused, and listed.
        com.fasterxml.jackson.databind.node.ObjectNode conflicting = event.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) conflicting.get("reported")).put("totalFee", "1");
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(conflicting.toString())
                .post("/api/v1/liquidations").then().statusCode(409);

        String page = TestUsers.as(Roles.AUDITOR).queryParam("period", "2026-05").queryParam("venue", venue).get("/portal")
                .then().statusCode(200).extract().asString();
        String range = "from=2026-05-01&amp;to=2026-05-31&amp;venue=" + venue;
        assertThat(page).contains("Events in 2026-05 at " + venue)
                .contains("href=\"/portal/events?verdict=DISCREPANT&amp;" + range + "\">1</a>")
                .contains("href=\"/portal/events?verdict=CONSISTENT&amp;" + range + "\">0</a>")
                .contains("href=\"/portal/events?differingField=totalFee&amp;" + range + "\">1</a>")
                .contains("href=\"/portal/events/" + venue + "/" + event.get("eventId").asText() + "\"");
        String refused = TestUsers.as(Roles.AUDITOR).get("/portal/refused.csv").then().statusCode(200).extract().asString();
        assertThat(refused).startsWith("id,refusedAt,submittedBy,kind,identity\r\n")
                .contains(",t-ingestor,liquidation_event," + venue + "/" + event.get("eventId").asText() + "\r\n");

        TestUsers.as(Roles.AUDITOR).queryParam("period", "May").get("/portal").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
