package io.liqaudit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.portal.Browser;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A supervisor in a real browser, by typing and clicking: signs in (landing on the reports),
 * reads the dictionary, is told what is wrong with a bad period, runs the register for a month
 * and a venue, follows it to DONE, downloads the package and checks it offline.
 * Screenshots: target/screenshots/reports-*.
 */
@QuarkusTest
class ReportBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSupervisorRunsTheRegisterDownloadsItAndChecksIt() throws Exception {
        String venue = "RB-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder batch = new StringBuilder("{\"events\":[");
        var all = TestEvents.all();
        for (int i = 0; i < 12; i++) {
            batch.append(i > 0 ? "," : "").append(all.get(i).put("venue", venue).put("occurredAt", "2026-06-1" + (i % 9)
                    + "T12:00:00.000000Z"));
        }
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(batch.append("]}").toString())
                .post("/api/v1/liquidations/batch").then().statusCode(200);
        Thread.sleep(600); // a checkpoint covering them is signed within the test interval (200 ms)

        try (Browser browser = new Browser(base.toString())) {
            browser.open("/portal/login").type("User name", "t-regulator").type("Password", "regulator-password-1")
                    .click("Sign in");
            assertThat(browser.path()).isEqualTo("/reports");
            assertThat(browser.text()).contains("Liquidation register").contains("Dictionary");
            browser.screenshots("reports-catalogue");
            assertThat(browser.overflows()).isFalse();

            browser.type("Period (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD)", "June").click("Run Liquidation register");
            assertThat(browser.text()).contains("Not started: period");

            browser.type("Period (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD)", "2026-06").choose("Venue", venue)
                    .click("Run Liquidation register");
            assertThat(browser.path()).startsWith("/reports/runs/");
            for (int i = 0; i < 50 && !browser.text().contains(": DONE"); i++) {
                Thread.sleep(300);
                browser.open(browser.path());
            }
            assertThat(browser.text()).contains(": DONE").contains("12 of 12");
            String sha = browser.driver().findElement(org.openqa.selenium.By.id("sha256")).getText();
            browser.screenshots("reports-run");
            assertThat(browser.overflows()).isFalse();
            Path zip = browser.download("Download the package");
            assertThat(ManifestNote.sha256(java.nio.file.Files.readAllBytes(zip))).isEqualTo(sha);
            PackageVerifier.Result verdict = PackageVerifier.check(zip);
            assertThat(verdict.valid()).as(verdict.reason()).isTrue();
            assertThat(verdict.reason()).contains("12 rows");
        }
    }
}
