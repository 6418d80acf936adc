package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Headers on pages, and the portal's form sign-in: cookie flags, origin check, CSRF on sign-out. */
@QuarkusTest
class BrowserHardeningTest {

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        String csp = given().get("/portal/login").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", equalTo("no-referrer"))
                .extract().header("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'");
        assertThat(csp.replaceAll(".*script-src([^;]*);.*", "$1")).doesNotContain("unsafe-inline");
    }

    @Test
    void formSignInSetsAHardenedCookieAndOpensThePortal() {
        Response signIn = given().redirects().follow(false)
                .header("Origin", "http://localhost:8181")
                .formParam("j_username", "t-auditor").formParam("j_password", "auditor-password-1")
                .post("/j_security_check");
        assertThat(signIn.statusCode()).isEqualTo(302);
        String cookie = signIn.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("liqaudit-session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

        String session = signIn.getCookie("liqaudit-session");
        String page = given().cookie("liqaudit-session", session).get("/portal").then().statusCode(200)
                .body(containsString("t-auditor")).extract().asString();
        assertThat(page).contains("name=\"csrf-token\"");

        // Sign-out without the form's CSRF token is refused.
        given().cookie("liqaudit-session", session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("")
                .post("/portal/logout").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void signInFromAnotherSiteIsRefused() {
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("j_username", "t-auditor").formParam("j_password", "auditor-password-1")
                .post("/j_security_check").then().statusCode(403)
                .body(not(containsString("liqaudit-session")));
        given().redirects().follow(false)
                .formParam("j_username", "t-auditor").formParam("j_password", "auditor-password-1")
                .post("/j_security_check").then().statusCode(403);
    }

    @Test
    void aBrowserWithoutSessionIsSentToSignIn() {
        given().redirects().follow(false).accept("text/html").get("/portal").then().statusCode(303)
                .header("Location", containsString("/portal/login"));
    }
}
