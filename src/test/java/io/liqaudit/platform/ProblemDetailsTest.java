package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.liqaudit.platform.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every error is application/problem+json with type, title, status and detail, and leaks nothing. */
@QuarkusTest
class ProblemDetailsTest {

    @Test
    void notFound() {
        given().get("/test-probe/decimals/999999999").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(404)).body("title", equalTo("Not Found"));
    }

    @Test
    void methodNotAllowed() {
        given().delete("/test-probe/decimals/1").then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(405));
    }

    @Test
    void unsupportedMediaType() {
        given().contentType("text/plain").body("amount=1").post("/test-probe/decimals").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(415));
    }

    @Test
    void malformedJsonNamesThePlaceAndLeaksNoParserText() {
        given().contentType("application/json").body("{\"amount\": 1,").post("/test-probe/decimals").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("$"))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void bodyOverTheLimit() {
        byte[] big = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        given().contentType("application/json").body(big).post("/test-probe/decimals").then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(413));
    }

    @Test
    void internalErrorsHideTheirCause() {
        // amount missing: the probe dereferences null, an unexpected failure.
        given().contentType("application/json").body("{}").post("/test-probe/decimals").then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("Incident"))
                .body(not(containsString("NullPointer")));
    }
}
