package io.liqaudit.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.cases.CaseOpener;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Two auditors close a case in a real browser, by typing and clicking: the first signs in, searches
 * for a discrepant event, reads its explained replay, finds its case, takes the case into
 * investigation and proposes an outcome, and is refused the approval (four eyes); the second
 * signs in, approves it, exports the evidence bundle, downloads it and checks it offline.
 * Screenshots: target/screenshots/portal-search-*, portal-case-*, portal-event-*, portal-evidence-*.
 */
@QuarkusTest
class CaseBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    CaseOpener opener;

    @Test
    void twoAuditorsWalkACaseFromOpenToClosed() throws Exception {
        ObjectNode event = TestEvents.fresh("defect:fee#13");
        long sequence = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(event.toString())
                .post("/api/v1/liquidations").then().statusCode(201).extract().jsonPath().getLong("sequence");
        opener.openAndClear().await().indefinitely();
        long caseId = TestUsers.as(Roles.AUDITOR).queryParam("limit", "500").get("/api/v1/cases").then().extract()
                .jsonPath().getList("items", java.util.Map.class).stream()
                .filter(c -> ((Number) c.get("eventSequence")).longValue() == sequence)
                .map(c -> ((Number) c.get("id")).longValue()).findFirst().orElseThrow();
        String label = "#" + caseId;

        try (Browser browser = new Browser(base.toString())) {
            browser.open("/portal/login").type("User name", "t-auditor").type("Password", "auditor-password-1").click("Sign in");
            // Search: the event by its id among discrepancies, then the event explained.
            browser.follow("Events");
            browser.type("Event id", event.get("eventId").asText()).choose("Verdict", "DISCREPANT").click("Search");
            assertThat(browser.path()).isEqualTo("/portal/events");
            assertThat(browser.text()).contains(event.get("eventId").asText()).contains("steps[1].fee");
            browser.screenshots("portal-search");
            assertThat(browser.overflows()).isFalse();
            browser.follow(event.get("venue").asText() + "/" + event.get("eventId").asText());
            assertThat(browser.text()).contains("DISCREPANT").contains("The replay, explained").contains("fee of step 1")
                    .contains("roundMoney(q·F·liquidationFeeRate)");
            browser.screenshots("portal-event");

            browser.follow("Cases");
            assertThat(browser.text()).contains(label);
            browser.screenshots("portal-cases");
            assertThat(browser.overflows()).isFalse();

            browser.follow(label);
            assertThat(browser.path()).isEqualTo("/portal/cases/" + caseId);
            assertThat(browser.text()).contains("OPEN").contains("OPENED");

            browser.click("Investigate");
            assertThat(browser.text()).contains("Case #" + caseId + ": INVESTIGATING");
            browser.choose("Outcome", "CONFIRMED_BREACH").type("Why", "fee above the schedule").click("Propose");
            assertThat(browser.text()).contains("Case #" + caseId + ": PROPOSED");
            browser.click("Approve");
            assertThat(browser.text()).contains("four eyes").contains("PROPOSED");
            browser.screenshots("portal-case-refused");
            browser.click("Sign out");

            browser.open("/portal/login").type("User name", "t-auditor2").type("Password", "auditor-password-2")
                    .click("Sign in");
            browser.open("/portal/cases/" + caseId);
            browser.click("Approve");
            assertThat(browser.text()).contains("Case #" + caseId + ": CLOSED").contains("CONFIRMED_BREACH")
                    .contains("t-auditor2");
            assertThat(browser.overflows()).isFalse();
            browser.screenshots("portal-case-closed");

            // Evidence: export the closed case's bundle, download it as a person does, check it offline.
            browser.click("Export evidence bundle");
            assertThat(browser.path()).startsWith("/portal/evidence/");
            String sha = browser.driver().findElement(org.openqa.selenium.By.id("sha256")).getText();
            browser.screenshots("portal-evidence");
            assertThat(browser.overflows()).isFalse();
            java.nio.file.Path zip = browser.download("Download evidence-" + event.get("venue").asText() + "-"
                    + event.get("eventId").asText() + "-" + sha.substring(0, 12) + ".zip");
            byte[] bytes = java.nio.file.Files.readAllBytes(zip);
            assertThat(io.liqaudit.evidence.BundleFiles.sha256Hex(bytes)).isEqualTo(sha);
            var verdict = io.liqaudit.evidence.BundleVerifier.check(bytes);
            assertThat(verdict.valid()).as(verdict.reason()).isTrue();
            browser.open("/portal/cases/" + caseId);
            assertThat(browser.text()).contains("EVIDENCE").contains(sha);
        }
    }
}
