package io.liqaudit.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** The users that the test profile bootstraps (application.properties, %test). */
public final class TestUsers {

    public static final Map<String, String> BY_ROLE = Map.of(
            Roles.ADMIN, "t-admin",
            Roles.AUDITOR, "t-auditor",
            Roles.REGULATOR, "t-regulator",
            Roles.RECONCILER, "t-reconciler",
            Roles.INGESTOR, "t-ingestor",
            Roles.RULEKEEPER, "t-rulekeeper");

    private TestUsers() {
    }

    /** A request signed in (HTTP Basic) as the test user holding just this role. */
    public static RequestSpecification as(String role) {
        String name = BY_ROLE.get(role);
        return given().auth().preemptive().basic(name, role + "-password-1");
    }
}
