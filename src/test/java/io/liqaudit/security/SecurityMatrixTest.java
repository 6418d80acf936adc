package io.liqaudit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every endpoint × (nobody, each role): 401 for nobody, 403 for a wrong role, neither for a right one. */
@QuarkusTest
class SecurityMatrixTest {

    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH",
            HEAD.class, "HEAD");

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EndpointMatrix.Endpoint e : EndpointMatrix.ALL) {
            tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " as nobody", () -> {
                int status = call(given(), e);
                if (e.isPublic()) {
                    assertThat(status).as("public %s %s", e.method(), e.path()).isNotIn(401, 403);
                } else {
                    assertThat(status).as("%s %s without sign-in", e.method(), e.path()).isEqualTo(401);
                }
            }));
            for (String role : Roles.ALL) {
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " as " + role, () -> {
                    int status = call(TestUsers.as(role), e);
                    if (e.isPublic() || e.roles().contains(role)) {
                        assertThat(status).as("%s %s as %s", e.method(), e.path(), role).isNotIn(401, 403);
                    } else {
                        assertThat(status).as("%s %s as %s", e.method(), e.path(), role).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** An API key per role, made once through the admin API. */
    private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    static String key(String role, String venue) {
        return KEYS.computeIfAbsent(role + "/" + venue, k -> {
            String body = "{\"name\":\"matrix " + role + "\",\"role\":\"" + role + "\""
                    + (venue == null ? "" : ",\"venue\":\"" + venue + "\"") + "}";
            return TestUsers.as(Roles.ADMIN).contentType("application/json").body(body).post("/api/v1/admin/api-keys")
                    .then().statusCode(201).extract().jsonPath().getString("key");
        });
    }

    /** The same matrix for API keys: a key of a role may do exactly what a user of that role may. */
    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstAnApiKeyOfEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EndpointMatrix.Endpoint e : EndpointMatrix.ALL) {
            for (String role : Roles.ALL) {
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " with a " + role + " key", () -> {
                    int status = call(given().header("Authorization", "Bearer " + key(role, null)), e);
                    if (e.isPublic() || e.roles().contains(role)) {
                        assertThat(status).as("%s %s with a %s key", e.method(), e.path(), role).isNotIn(401, 403);
                    } else {
                        assertThat(status).as("%s %s with a %s key", e.method(), e.path(), role).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * A venue's key of each role: the role decides what it may call (403 otherwise); within what it
     * may call, the venue scope may still refuse another venue's data (403 or 404), never sign it out (401).
     */
    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstAVenuesKeyOfEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EndpointMatrix.Endpoint e : EndpointMatrix.ALL) {
            for (String role : Roles.ALL) {
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " with a VENUE-M " + role + " key", () -> {
                    int status = call(given().header("Authorization", "Bearer " + key(role, "VENUE-M")), e);
                    assertThat(status).as("%s %s with a venue's %s key", e.method(), e.path(), role).isNotEqualTo(401);
                    if (!e.isPublic() && !e.roles().contains(role)) {
                        assertThat(status).as("%s %s with a venue's %s key", e.method(), e.path(), role).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Revoked, expired, malformed and unknown keys, and a session after sign-out, sign nobody in anywhere. */
    @TestFactory
    Stream<DynamicTest> deadCredentialsSignNobodyIn() throws Exception {
        String revokedKey = TestUsers.as(Roles.ADMIN).contentType("application/json")
                .body("{\"name\":\"to revoke\",\"role\":\"admin\"}").post("/api/v1/admin/api-keys").then().statusCode(201)
                .extract().jsonPath().getString("key");
        String revokedId = revokedKey.substring(4, 20);
        TestUsers.as(Roles.ADMIN).delete("/api/v1/admin/api-keys/" + revokedId).then().statusCode(204);
        String expiring = TestUsers.as(Roles.ADMIN).contentType("application/json")
                .body("{\"name\":\"expiring\",\"role\":\"admin\",\"expiresAt\":\""
                        + java.time.Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}")
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath().getString("key");
        String session = PortalForms.session("t-admin", "admin-password-1");
        PortalForms.Form form = PortalForms.loadForm("/portal/login", null);
        given().cookie(PortalSessions.COOKIE, session).cookie("liqaudit-csrf", form.csrfCookie()).redirects().follow(false)
                .formParam("csrf-token", form.token()).post("/portal/logout").then().statusCode(303);
        Thread.sleep(2_500); // the expiring key has expired
        Map<String, RequestSpecification> dead = new java.util.LinkedHashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (EndpointMatrix.Endpoint e : EndpointMatrix.ALL) {
            if (e.isPublic()) {
                continue;
            }
            for (String kind : List.of("revoked key", "expired key", "unknown key", "malformed key", "session after sign-out")) {
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " with a " + kind, () -> {
                    RequestSpecification r = switch (kind) {
                        case "revoked key" -> given().header("Authorization", "Bearer " + revokedKey);
                        case "expired key" -> given().header("Authorization", "Bearer " + expiring);
                        case "unknown key" -> given().header("Authorization", "Bearer lqa_0000000000000000_"
                                + "A".repeat(43));
                        case "malformed key" -> given().header("Authorization", "Bearer not-a-key");
                        default -> given().cookie(PortalSessions.COOKIE, session);
                    };
                    assertThat(call(r, e)).as("%s %s with a %s", e.method(), e.path(), kind).isIn(401, 303);
                }));
            }
        }
        return tests.stream();
    }

    private static int call(RequestSpecification request, EndpointMatrix.Endpoint e) {
        return request.redirects().follow(false).contentType(e.contentType())
                .body(e.body())
                .request(e.method(), e.path()).statusCode();
    }

    /** Adding an endpoint without declaring its roles, or without listing it here, fails this test. */
    @Test
    void everyResourceMethodDeclaresItsRolesAndIsInTheMatrix() throws Exception {
        Set<String> declared = new TreeSet<>();
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String template = normalise(base + (sub == null ? "" : "/" + sub.value()));
                declared.add(http + " " + template);
                boolean explicit = hasRoleAnnotation(m) || hasRoleAnnotation(resource);
                if (!explicit) {
                    undeclared.add(resource.getSimpleName() + "." + m.getName());
                }
            }
        }
        Set<String> inMatrix = new TreeSet<>();
        EndpointMatrix.ALL.forEach(e -> inMatrix.add(e.method() + " " + e.template()));
        assertThat(undeclared).as("resource methods without @RolesAllowed/@PermitAll/@DenyAll").isEmpty();
        assertThat(inMatrix).as("the matrix lists exactly the declared endpoints").isEqualTo(declared);
    }

    private static boolean hasRoleAnnotation(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    private static String httpMethod(Method m) {
        for (var entry : HTTP_METHODS.entrySet()) {
            if (m.isAnnotationPresent(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String normalise(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The application's own resource classes: every class under target/classes with @Path. */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, SecurityMatrixTest.class.getClassLoader());
                if (c.isAnnotationPresent(Path.class)) {
                    found.add(c);
                }
            }
        }
        assertThat(found).as("resource classes found").isNotEmpty();
        return found;
    }
}
