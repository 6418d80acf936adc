package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ExactDecimalsTest {

    static final String PRICE = "3120.123456789012345678";

    @Inject
    Pool pool;

    @Test
    void aDecimalCrossesRestJsonbAndNumericWithEveryDigit() {
        // Sent as a JSON number, the form that a double would round to 3120.1234567890124.
        String body = "{\"amount\": " + PRICE + ", \"nested\": {\"price\": " + PRICE + ", \"tiny\": 1E-18}}";
        long id = given().contentType("application/json").body(body)
                .post("/test-probe/decimals")
                .then().statusCode(200).extract().jsonPath().getLong("id");

        // Typed decimals are strings; the stored document keeps JSON numbers, read here exactly.
        given().config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/test-probe/decimals/" + id)
                .then().statusCode(200)
                .body("amount", equalTo(PRICE))
                .body("document.amount", equalTo(PRICE))
                .body("document.nested.price", equalTo(PRICE))
                .body("document.nested.tiny", equalTo("0.000000000000000001"))
                .body(not(containsString("E-18")));

        // And what PostgreSQL itself holds, read with plain SQL.
        var row = pool.preparedQuery("select amount::text a, (document->>'amount') j from decimal_probe where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely().iterator().next();
        assertThat(new BigDecimal(row.getString("a"))).isEqualTo(new BigDecimal(PRICE));
        assertThat(row.getString("j")).isEqualTo(PRICE);
    }
}
