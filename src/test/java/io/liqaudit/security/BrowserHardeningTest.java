package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Headers on pages, and where a browser without a session is sent (the sign-in itself: PortalSessionsTest). */
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
    void aBrowserWithoutSessionIsSentToSignIn() {
        given().redirects().follow(false).accept("text/html").get("/portal").then().statusCode(303)
                .header("Location", containsString("/portal/login"));
    }
}
