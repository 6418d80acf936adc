package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's sign-in form and its server-side sessions, as a browser uses them: the form's
 * CSRF token and cookie, a hardened session cookie, and a session that ends when it should.
 * (The browser test does the same by typing and clicking: PortalBrowserTest.)
 */
@QuarkusTest
class PortalSessionsTest {


    @Inject
    Pool pool;

    private static int portal(String session) {
        return given().redirects().follow(false).accept("text/html").cookie(PortalSessions.COOKIE, session).get("/portal")
                .statusCode();
    }

    @Test
    void signInSetsAHardenedCookieAndSignOutEndsTheSessionOnTheServer() {
        Response signIn = PortalForms.signIn("t-auditor", "auditor-password-1");
        signIn.then().statusCode(303).header("Location", containsString("/portal"));
        String cookie = signIn.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PortalSessions.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("Path=/");
        String session = signIn.getCookie(PortalSessions.COOKIE);
        assertThat(portal(session)).isEqualTo(200);

        // Sign-out without the form's token, or without a Content-Type, does nothing.
        given().cookie(PortalSessions.COOKIE, session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("").post("/portal/logout").then().statusCode(400);
        given().cookie(PortalSessions.COOKIE, session).redirects().follow(false).post("/portal/logout").then().statusCode(400);
        assertThat(portal(session)).isEqualTo(200);

        PortalForms.Form form = PortalForms.loadForm("/portal", session);
        given().cookie(PortalSessions.COOKIE, session).cookie("liqaudit-csrf", form.csrfCookie()).redirects().follow(false)
                .formParam("csrf-token", form.token()).post("/portal/logout").then().statusCode(303)
                .header("Location", containsString("/portal/login"));
        // The old cookie, replayed after sign-out, signs nobody in.
        assertThat(portal(session)).isEqualTo(303);
        given().cookie(PortalSessions.COOKIE, session).get("/portal").then().statusCode(401);
    }

    @Test
    void aFailedSignInShowsTheFormAgainWithoutABrowserDialog() {
        Response r = PortalForms.signIn("t-auditor", "not-the-password");
        r.then().statusCode(401).contentType(containsString("text/html")).body(containsString("did not sign you in"))
                .body(containsString("name=\"username\""));
        assertThat(r.getHeader("WWW-Authenticate")).doesNotContainIgnoringCase("basic");
        assertThat(r.getCookie(PortalSessions.COOKIE)).isNull();
    }

    @Test
    void aSignInFromAnotherSiteIsRefused() {
        // Another site can post the form, but has neither the token nor the cookie that goes with it.
        given().redirects().follow(false).formParam("username", "t-auditor").formParam("password", "auditor-password-1")
                .post("/portal/login").then().statusCode(400).header("Set-Cookie", not(containsString(PortalSessions.COOKIE)));
    }

    @Test
    void aSessionEndsWhenItsUserIsDisabledOrGetsANewPassword() {
        String name = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\":\"" + name + "\",\"password\":\"first-password-1\",\"roles\":[\"auditor\"]}")
                .post("/api/v1/admin/users").then().statusCode(201);
        String first = PortalForms.session(name, "first-password-1");
        assertThat(portal(first)).isEqualTo(200);
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"password\":\"second-password-2\"}")
                .put("/api/v1/admin/users/" + name + "/password").then().statusCode(200);
        assertThat(portal(first)).as("a new password ends old sessions").isEqualTo(303);

        String second = PortalForms.session(name, "second-password-2");
        TestUsers.as(Roles.ADMIN).contentType("application/json").post("/api/v1/admin/users/" + name + "/disable")
                .then().statusCode(200);
        TestUsers.as(Roles.ADMIN).contentType("application/json").post("/api/v1/admin/users/" + name + "/enable")
                .then().statusCode(200);
        assertThat(portal(second)).as("disabling ends sessions, enabling does not revive them").isEqualTo(303);
    }

    @Test
    void aSessionEndsWhenIdleAndAtItsLifetime() {
        String idle = PortalForms.session("t-auditor", "auditor-password-1");
        String old = PortalForms.session("t-auditor", "auditor-password-1");
        sql("update portal_session set last_seen_at = now() - interval '31 minutes' where username = 't-auditor' "
                + "and token_hash = sha256($1::bytea)", idle);
        sql("update portal_session set expires_at = now() - interval '1 second' where username = 't-auditor' "
                + "and token_hash = sha256($1::bytea)", old);
        assertThat(portal(idle)).isEqualTo(303);
        assertThat(portal(old)).isEqualTo(303);
    }

    @Test
    void aSessionCannotCallTheJsonApi() {
        String session = PortalForms.session("t-admin", "admin-password-1");
        given().cookie(PortalSessions.COOKIE, session).get("/api/v1/admin/users").then().statusCode(401);
        given().cookie(PortalSessions.COOKIE, session).contentType("application/json")
                .body("{\"username\":\"csrf-victim\",\"password\":\"a-long-password-1\",\"roles\":[\"admin\"]}")
                .post("/api/v1/admin/users").then().statusCode(401);
    }

    @Test
    void aSignedInPersonWithoutThePagesRoleReadsAPageSayingSo() {
        String session = PortalForms.session("t-regulator", "regulator-password-1");
        given().cookie(PortalSessions.COOKIE, session).accept("text/html").get("/portal").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("not for your role"))
                .body(containsString("t-regulator"));
    }

    private void sql(String statement, String token) {
        pool.preparedQuery(statement).execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(
                        token.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .await().indefinitely();
    }
}
