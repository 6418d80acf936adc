package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

    /** Five wrong passwords from a stranger used to stop a venue's ingest: now they lock the stranger only. */
    @Test
    void aStrangerCannotLockTheRightCredentialOut() throws Exception {
        String name = "t-ingestor";
        for (int i = 0; i < 6; i++) {
            given().auth().preemptive().basic(name, "wrong-password-" + i).get("/api/v1/liquidations")
                    .then().statusCode(org.hamcrest.Matchers.oneOf(401, 429));
        }
        given().auth().preemptive().basic(name, "ingestor-password-1").get("/api/v1/admin/users").then().statusCode(429);
        // The venue's engine, at another address, signs in at once.
        assertThat(statusFrom("127.0.0.2", name, "ingestor-password-1", "/api/v1/admin/users")).isEqualTo(403);
        assertThat(statusFrom("127.0.0.2", name, "wrong-password", "/api/v1/admin/users")).isEqualTo(401);
        Thread.sleep(2_100); // the test profile's lockout: later tests sign in as t-ingestor from here
    }

    /** A plain HTTP/1.1 request from a chosen loopback address (127.0.0.0/8 is all this machine's). */
    static int statusFrom(String localAddress, String user, String password, String path) throws Exception {
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String auth = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic "
                    + auth + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
