package io.liqaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every request without credentials gets an answer, within a second: no endpoint hangs (500
 * connections to {@code /q/metrics;x=1} were once held open), and operators' endpoints answer 401
 * rather than sending an API client to the portal's sign-in page.
 */
@QuarkusTest
class UnauthenticatedAnswersTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(1)).method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAnswer401AndNeverHang() throws Exception {
        for (String path : List.of("/q/metrics", "/q/metrics;x=1", "/q/metrics/", "/q/metrics;jsessionid=1", "/q/metrics%3Bx=1")) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.statusCode()).as(path).isIn(401, 404);
            assertThat(r.headers().firstValue("Location")).as(path + " is not sent to the portal").isEmpty();
        }
        assertThat(send("GET", "/q/metrics").statusCode()).isEqualTo(401);
    }

    @Test
    void everyEndpointAnswersWithinASecondWithoutCredentials() throws Exception {
        List<String> slowOrHung = new ArrayList<>();
        for (EndpointMatrix.Endpoint e : EndpointMatrix.ALL) {
            for (String suffix : List.of("", ";x=1")) {
                String path = e.path().contains("?") ? e.path() : e.path() + suffix;
                try {
                    HttpResponse<String> r = send(e.method(), path);
                    if (!e.isPublic()) {
                        assertThat(r.statusCode()).as("%s %s", e.method(), path).isIn(401, 404, 400, 415, 303);
                    }
                } catch (java.net.http.HttpTimeoutException timeout) {
                    slowOrHung.add(e.method() + " " + path);
                }
            }
        }
        assertThat(slowOrHung).as("requests without an answer within a second").isEmpty();
    }

    /** curl -X POST without a body names no media type: it still reaches the API (no session can, so no CSRF). */
    @Test
    void aBodylessApiCallWithoutContentTypeIsServed() throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString("t-auditor:auditor-password-1".getBytes());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/ledger/audit"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + auth).build();
        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }
}
