package io.liqaudit.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * A person signs in to the portal in a real browser by typing and clicking, reads a failed
 * sign-in's message on the form (no browser dialog), signs out, and finds the session gone; a
 * person without the auditor role reads a page saying so. Screenshots: target/screenshots/portal-*.
 */
@QuarkusTest
class PortalBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void signInByTypingAndClickingThenSignOut() throws Exception {
        try (Browser browser = new Browser(base.toString())) {
            browser.open("/portal");
            assertThat(browser.path()).as("a visitor is sent to the sign-in form").isEqualTo("/portal/login");
            browser.screenshots("portal-login");

            browser.type("User name", "t-auditor").type("Password", "not-the-password").click("Sign in");
            assertThat(browser.path()).isEqualTo("/portal/login");
            assertThat(browser.text()).contains("did not sign you in");
            browser.screenshots("portal-login-failed");

            browser.type("User name", "t-auditor").type("Password", "auditor-password-1").click("Sign in");
            assertThat(browser.path()).isEqualTo("/portal");
            assertThat(browser.text()).contains("Signed in as t-auditor");
            assertThat(browser.overflows()).isFalse();
            browser.screenshots("portal-home");

            // Integrity: start a tamper audit from its form and follow it to its result.
            browser.follow("Integrity");
            browser.click("Start a tamper audit");
            assertThat(browser.path()).startsWith("/portal/audits/");
            for (int i = 0; i < 50 && browser.text().contains("RUNNING"); i++) {
                Thread.sleep(200);
                browser.open(browser.path());
            }
            assertThat(browser.text()).contains("DONE");
            browser.follow("All audits and runs");
            assertThat(browser.text()).contains("Tamper audits").contains("Re-verification runs");
            assertThat(browser.overflows()).isFalse();
            browser.screenshots("portal-integrity");

            browser.click("Sign out");
            assertThat(browser.path()).isEqualTo("/portal/login");
            browser.open("/portal");
            assertThat(browser.path()).as("the session ended on the server").isEqualTo("/portal/login");
        }
    }

    @Test
    void aPersonWithoutTheAuditorRoleReadsAPageSayingSo() throws Exception {
        try (Browser browser = new Browser(base.toString())) {
            browser.open("/portal/login").type("User name", "t-regulator").type("Password", "regulator-password-1")
                    .click("Sign in");
            assertThat(browser.path()).as("a supervisor starts at the reports").isEqualTo("/reports");
            browser.open("/portal");
            assertThat(browser.text()).contains("This page is not for your role").contains("t-regulator");
            browser.screenshots("portal-forbidden");
        }
    }
}
