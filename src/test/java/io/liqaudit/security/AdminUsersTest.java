package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersTest {

    @Inject
    Pool pool;

    private static String body(String name, String password, String... roles) {
        return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\""
                + String.join("\",\"", roles) + "\"]}";
    }

    @Test
    void createSignInChangeRolesRotateAndDisable() {
        String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
        String first = "first-password-" + name;
        String second = "second-password-" + name;

        TestUsers.as(Roles.ADMIN).contentType("application/json").body(body(name, first, "auditor"))
                .post("/api/v1/admin/users").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/admin/users/" + name))
                .body("roles", containsInAnyOrder("auditor"));
        // The same name again is a conflict, not an overwrite.
        TestUsers.as(Roles.ADMIN).contentType("application/json").body(body(name, second, "admin"))
                .post("/api/v1/admin/users").then().statusCode(409);

        given().auth().preemptive().basic(name, first).get("/portal").then().statusCode(200);
        given().auth().preemptive().basic(name, first).get("/api/v1/admin/users").then().statusCode(403);

        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"roles\":[\"admin\",\"auditor\"]}")
                .put("/api/v1/admin/users/" + name + "/roles").then().log().ifValidationFails().statusCode(200)
                .body("roles", containsInAnyOrder("admin", "auditor"));
        given().auth().preemptive().basic(name, first).get("/api/v1/admin/users").then().statusCode(200);

        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"password\":\"" + second + "\"}")
                .put("/api/v1/admin/users/" + name + "/password").then().statusCode(200);
        given().auth().preemptive().basic(name, first).get("/portal").then().statusCode(401);
        given().auth().preemptive().basic(name, second).get("/portal").then().statusCode(200);

        TestUsers.as(Roles.ADMIN).contentType("application/json").post("/api/v1/admin/users/" + name + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        given().auth().preemptive().basic(name, second).get("/portal").then().statusCode(401);

        // Every admin action is in the security log, with who did it and from where; no password is.
        List<Row> rows = rows("select actor, action, remote_address, coalesce(detail, '') detail from security_log "
                + "where subject = $1 order by id", name);
        assertThat(rows).extracting(r -> r.getString("action")).contains("USER_CREATED", "ROLES_SET",
                "PASSWORD_ROTATED", "USER_DISABLED", "SIGN_IN_FAILED");
        assertThat(rows).filteredOn(r -> !r.getString("action").startsWith("SIGN_IN"))
                .allSatisfy(r -> {
                    assertThat(r.getString("actor")).isEqualTo("t-admin");
                    assertThat(r.getString("remote_address")).isNotBlank();
                });
        String everything = rows("select string_agg(concat_ws('|', actor, action, subject, remote_address, detail), ',') "
                + "from security_log where $1::text is not null", name).get(0).getString(0);
        assertThat(everything).doesNotContain(first).doesNotContain(second);

        TestUsers.as(Roles.ADMIN).get("/api/v1/admin/security-log?limit=1000").then().statusCode(200)
                .body("action", hasItem("USER_DISABLED"));
    }

    @Test
    void invalidNewUserNamesEveryBadField() {
        TestUsers.as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\":\"bad name!\",\"password\":\"short\",\"roles\":[\"superuser\"]}")
                .post("/api/v1/admin/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("$.username", "$.password", "$.roles[*]"));
    }

    @Test
    void theSecurityLogIsAppendOnly() {
        assertThatThrownBy(() -> pool.query("update security_log set actor = 'someone else'").execute().await().indefinitely())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.query("delete from security_log").execute().await().indefinitely())
                .hasMessageContaining("append-only");
    }

    private List<Row> rows(String sql, String param) {
        List<Row> out = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(param)).await().indefinitely().forEach(out::add);
        return out;
    }

    @Test
    void aPasswordBcryptWouldCutIsRefusedAndNeverSignsIn() {
        String name = "long-" + UUID.randomUUID().toString().substring(0, 8);
        String seventyTwo = "p".repeat(72);
        TestUsers.as(Roles.ADMIN).contentType("application/json").body(body(name, seventyTwo + "x", "auditor"))
                .post("/api/v1/admin/users").then().statusCode(400).body("errors.field", hasItem("$.password"));
        TestUsers.as(Roles.ADMIN).contentType("application/json").body(body(name, seventyTwo, "auditor"))
                .post("/api/v1/admin/users").then().statusCode(201);
        // Before, any suffix after the 72nd byte signed in too.
        given().auth().preemptive().basic(name, seventyTwo + "-anything").get("/api/v1/verification/runs").then().statusCode(401);
        given().auth().preemptive().basic(name, seventyTwo).get("/api/v1/verification/runs").then().statusCode(200);
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"password\":\"" + "é".repeat(37) + "\"}")
                .put("/api/v1/admin/users/" + name + "/password").then().statusCode(400); // 74 bytes in UTF-8
    }

    @Test
    void userNamesAreUniqueWhateverTheirCase() {
        String name = "case-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.as(Roles.ADMIN).contentType("application/json").body(body(name, "first-password-1", "auditor"))
                .post("/api/v1/admin/users").then().statusCode(201);
        TestUsers.as(Roles.ADMIN).contentType("application/json").body(body(name.toUpperCase(), "first-password-1", "admin"))
                .post("/api/v1/admin/users").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theLastEnabledAdminStays() {
        List<String> admins = new ArrayList<>();
        for (Row r : pool.query("select username from app_user where enabled and 'admin' = any(roles)").execute().await()
                .indefinitely()) {
            admins.add(r.getString(0));
        }
        // Leave t-admin the only enabled admin, then try to remove it.
        for (String other : admins) {
            if (!other.equals("t-admin")) {
                TestUsers.as(Roles.ADMIN).contentType("application/json").post("/api/v1/admin/users/" + other + "/disable")
                        .then().statusCode(200);
            }
        }
        TestUsers.as(Roles.ADMIN).contentType("application/json").post("/api/v1/admin/users/t-admin/disable").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("last enabled admin"));
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{\"roles\":[\"auditor\"]}")
                .put("/api/v1/admin/users/t-admin/roles").then().statusCode(409);
        TestUsers.as(Roles.ADMIN).get("/api/v1/admin/users/t-admin").then().statusCode(200).body("enabled", equalTo(true))
                .body("roles", hasItem("admin"));
        for (String other : admins) {
            if (!other.equals("t-admin")) {
                TestUsers.as(Roles.ADMIN).contentType("application/json").post("/api/v1/admin/users/" + other + "/enable")
                        .then().statusCode(200);
            }
        }
    }
}
