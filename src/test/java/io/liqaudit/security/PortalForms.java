package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser does with the portal's forms, for HTTP-level tests: load a form, sign in, keep the session. */
public final class PortalForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private PortalForms() {
    }

    /** What a browser holds after loading a form: the CSRF cookie and the token in the page. */
    public record Form(String csrfCookie, String token) {
    }

    public static Form loadForm(String path, String session) {
        var request = given();
        if (session != null) {
            request.cookie(PortalSessions.COOKIE, session);
        }
        Response page = request.accept("text/html").get(path);
        page.then().statusCode(200);
        Matcher m = TOKEN.matcher(page.asString());
        assertThat(m.find()).as("the form carries a CSRF token").isTrue();
        return new Form(page.getCookie("liqaudit-csrf"), m.group(1));
    }

    public static Response signIn(String user, String password) {
        Form form = loadForm("/portal/login", null);
        return given().redirects().follow(false).cookie("liqaudit-csrf", form.csrfCookie())
                .formParam("csrf-token", form.token()).formParam("username", user).formParam("password", password)
                .post("/portal/login");
    }

    public static String session(String user, String password) {
        Response r = signIn(user, password);
        r.then().statusCode(303);
        return r.getCookie(PortalSessions.COOKIE);
    }

}
