package io.liqaudit.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.cases.CaseOpener;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.PortalForms;
import io.liqaudit.security.PortalSessions;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cases selected in the search results are acknowledged or assigned in one go, each by the rules
 * of its own page: what the rules refuse for one case is said for that case, the rest is done.
 */
@QuarkusTest
class BulkCasesTest {

    @Inject
    CaseOpener opener;

    @Test
    void selectedCasesAreAcknowledgedAndAssignedEachByTheRules() {
        String venue = "BULK-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            ObjectNode e = TestEvents.fresh("defect:fee#13").put("venue", venue);
            TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString()).post("/api/v1/liquidations")
                    .then().statusCode(201);
        }
        opener.openAndClear().await().indefinitely();
        String session = PortalForms.session("t-auditor", "auditor-password-1");
        String search = "/portal/events?venue=" + venue;
        String page = given().cookie(PortalSessions.COOKIE, session).get(search).then().statusCode(200).extract().asString();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"case\" value=\"(\\d+)\" form=\"bulk\"").matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(3);

        String first = bulk(session, search, "investigate", null, ids.subList(0, 1)).then().statusCode(200).extract().asString();
        assertThat(first).contains("done");
        String all = bulk(session, search, "investigate", null, ids).then().statusCode(200).extract().asString();
        assertThat(all).contains("not done: only an OPEN case can be taken into investigation").contains("Back to the search");
        assertThat(all.split("<td>done</td>", -1)).hasSize(3);
        String assigned = bulk(session, search, "assign", "t-auditor2", ids).then().statusCode(200).extract().asString();
        assertThat(assigned.split("<td>done</td>", -1)).hasSize(4);
        TestUsers.as(Roles.AUDITOR).get("/api/v1/cases/" + ids.get(2)).then().statusCode(200)
                .body("assignee", org.hamcrest.Matchers.equalTo("t-auditor2"))
                .body("state", org.hamcrest.Matchers.equalTo("INVESTIGATING"));

        // The cases list, filtered by assignee and venue, pages and exports the same cases.
        String list = TestUsers.as(Roles.AUDITOR).queryParam("assignee", "t-auditor2").queryParam("venue", venue)
                .get("/portal/cases").then().statusCode(200).extract().asString();
        ids.forEach(id -> assertThat(list).contains("href=\"/portal/cases/" + id + "\""));
        String csv = TestUsers.as(Roles.AUDITOR).queryParam("assignee", "t-auditor2").queryParam("venue", venue)
                .get("/portal/cases.csv").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).startsWith("id,venue,eventId").contains(",INVESTIGATING,,t-auditor2,");

        bulk(session, search, "approve", null, ids).then().statusCode(400).contentType("application/problem+json");
        bulk(session, search, "assign", null, ids).then().statusCode(400);
        bulk(session, search, "investigate", null, List.of()).then().statusCode(400);
    }

    private static Response bulk(String session, String formPage, String action, String assignee, List<String> ids) {
        PortalForms.Form form = PortalForms.loadForm(formPage, session);
        var request = given().cookie(PortalSessions.COOKIE, session).cookie("liqaudit-csrf", form.csrfCookie())
                .formParam("csrf-token", form.token()).formParam("action", action).formParam("back", "venue=x");
        if (assignee != null) {
            request.formParam("assignee", assignee);
        }
        ids.forEach(id -> request.formParam("case", id));
        return request.post("/portal/cases/bulk");
    }
}
