package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the truth: while demo data loads the service is alive but not ready, and a page
 * asked anyway says its figures are still loading; once every event is in, it is ready and the note
 * is gone. Its own database, fresh for each run: liquidations_test_demo (scripts/test.sh).
 */
@QuarkusTest
@TestProfile(ReadinessTest.LoadingDemoData.class)
class ReadinessTest {

    public static class LoadingDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/liquidations_test_demo",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/liquidations_test_demo",
                    "liqaudit.demo.load-if-empty", "true", "liqaudit.demo.events", "40000");
        }
    }

    @Test
    void notReadyWhileDemoDataLoadsAndPagesSaySo() throws InterruptedException {
        JsonPath loading = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertThat(loading.getString("checks.find { it.name == 'Startup work (demo data)' }.status")).isEqualTo("DOWN");
        assertThat(loading.getString("checks.find { it.name == 'Startup work (demo data)' }.data.state")).isEqualTo("RUNNING");
        given().get("/q/health/live").then().statusCode(200);
        assertThat(given().queryParam("period", "2026").get("/disclosures").then().statusCode(200).extract().asString())
                .contains("id=\"still-loading\"").contains("of 40,000 events loaded so far");

        int status = 503;
        for (int i = 0; i < 1200 && status != 200; i++) {
            Thread.sleep(100);
            status = given().get("/q/health/ready").statusCode();
        }
        assertThat(status).as("ready once every demo event is in").isEqualTo(200);
        assertThat(given().get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'Startup work (demo data)' }.data.done"))
                .isEqualTo("40000");
        assertThat(given().queryParam("period", "2026").get("/disclosures").then().statusCode(200).extract().asString())
                .doesNotContain("still-loading");
    }
}
