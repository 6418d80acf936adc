package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Over HTTP, with the test profile's throttle (slow after 2 failures, locked after 4 for 2 s). */
@QuarkusTest
class SignInLockoutHttpTest {

    @Test
    void repeatedFailuresLockTheNameEvenForTheRightPassword() throws InterruptedException {
        String name = "t-regulator";
        for (int i = 0; i < 4; i++) {
            given().auth().preemptive().basic(name, "wrong-password-" + i).get("/api/v1/admin/users")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().auth().preemptive().basic(name, "regulator-password-1").get("/portal/login")
                .then().statusCode(200); // a public page does not ask who you are
        given().auth().preemptive().basic(name, "regulator-password-1").get("/api/v1/admin/users")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        Thread.sleep(2_100); // the test profile's lockout
        given().auth().preemptive().basic(name, "regulator-password-1").get("/api/v1/admin/users")
                .then().statusCode(403); // signed in again; merely not an admin
    }
}
