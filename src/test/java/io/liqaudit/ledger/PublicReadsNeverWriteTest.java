package io.liqaudit.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No request without sign-in signs or inserts anything: with the scheduler off (so only requests
 * could write), a log that has grown has no checkpoint, and every public read leaves it so. (The
 * checkpoint endpoint once signed one on request.) Its own database: liquidations_test_quiet.
 */
@QuarkusTest
@TestProfile(PublicReadsNeverWriteTest.Quiet.class)
class PublicReadsNeverWriteTest {

    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/liquidations_test_quiet",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/liquidations_test_quiet",
                    "quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    Pool pool;

    private long count(String table) {
        return pool.query("select count(*) from " + table).execute().await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void publicReadsLeaveTheDatabaseAsTheyFoundIt() {
        TestUsers.as(Roles.INGESTOR).contentType("application/json").body(TestEvents.fresh("consistent#1").toString())
                .post("/api/v1/liquidations").then().statusCode(201);
        long checkpoints = count("checkpoint");
        long log = count("security_log");
        for (String path : List.of("/api/v1/ledger/checkpoint", "/api/v1/ledger/public-key",
                "/api/v1/ledger/proof/inclusion?sequence=0&treeSize=1", "/api/v1/ledger/proof/consistency?from=1&to=1",
                "/disclosures", "/disclosures/register", "/disclosures/index.csv?table=venues", "/portal/login", "/q/health")) {
            int status = given().urlEncodingEnabled(false).get(path).statusCode();
            assertThat(status).as(path).isLessThan(500);
        }
        given().get("/api/v1/ledger/checkpoint").then().statusCode(404);
        assertThat(count("checkpoint")).isEqualTo(checkpoints).isZero();
        assertThat(count("security_log")).isEqualTo(log);
    }
}
