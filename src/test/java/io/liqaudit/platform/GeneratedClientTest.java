package io.liqaudit.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the OpenAPI document the service serves, as a client team would make
 * one (OpenAPI Generator, Java, the JDK's HTTP client), records an event and reads it back: the
 * document is complete enough to build against. The generator runs as its own process; its Java
 * sources are compiled here and called through their generated types.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aGeneratedJavaClientRecordsAnEventAndReadsItBack() throws Exception {
        Path dir = Files.createTempDirectory("generated-client");
        Path spec = Files.writeString(dir.resolve("openapi.json"), given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Path generator = Path.of("target/tools/openapi-generator-cli.jar");
        assertThat(generator).as("the generator jar (maven-dependency-plugin copies it before the tests)").exists();
        Process gen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                generator.toString(), "generate", "-i", spec.toString(), "-g", "java", "--library", "native",
                "-o", dir.resolve("client").toString(),
                "--global-property", "apis=LiquidationResource,models,supportingFiles,modelTests=false,apiTests=false,"
                        + "modelDocs=false,apiDocs=false",
                "--additional-properties", "useJakartaEe=true,openApiNullable=false,hideGenerationTimestamp=true,"
                        + "invokerPackage=gen.liqaudit,apiPackage=gen.liqaudit.api,modelPackage=gen.liqaudit.model")
                .redirectErrorStream(true).redirectOutput(dir.resolve("generator.log").toFile()).start();
        assertThat(gen.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(gen.exitValue()).as(Files.readString(dir.resolve("generator.log"))).isZero();

        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.resolve("client/src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(f.toString()));
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-nowarn", "-proc:none", "-parameters", "-d", classes.toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        args.addAll(sources);
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        assertThat(javac.run(null, null, errors, args.toArray(String[]::new))).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> clientType = loader.loadClass("gen.liqaudit.ApiClient");
            Object ingestor = client(clientType, io.liqaudit.security.Roles.INGESTOR);
            Object auditor = client(clientType, io.liqaudit.security.Roles.AUDITOR);
            ObjectMapper json = (ObjectMapper) clientType.getMethod("getObjectMapper").invoke(ingestor);

            ObjectNode sent = TestEvents.fresh("defect:fee#46").put("venue", "GENCLIENT-" + UUID.randomUUID().toString().substring(0, 8));
            Class<?> eventType = loader.loadClass("gen.liqaudit.model.LiquidationEvent");
            Object event = json.readValue(sent.toString(), eventType);
            Class<?> apiType = loader.loadClass("gen.liqaudit.api.LiquidationResourceApi");
            Object recorded = apiType.getMethod("apiV1LiquidationsPost", eventType)
                    .invoke(apiType.getConstructor(clientType).newInstance(ingestor), event);
            // The generated method takes the path's parameters by name, in its own order.
            java.lang.reflect.Method get = apiType.getMethod("apiV1LiquidationsVenueEventIdGet", String.class, String.class);
            Object[] path = new Object[2];
            for (int i = 0; i < 2; i++) {
                path[i] = sent.get(get.getParameters()[i].getName()).asText();
            }
            Object read = get.invoke(apiType.getConstructor(clientType).newInstance(auditor), path);
            assertThat(read.getClass().getMethod("getEventId").invoke(read)).isEqualTo(sent.get("eventId").asText());
            assertThat(read.getClass().getMethod("getSequence").invoke(read))
                    .isEqualTo(recorded.getClass().getMethod("getSequence").invoke(recorded));
            assertThat(read.getClass().getMethod("getVerdict").invoke(read)).hasToString("DISCREPANT");
        }
    }

    /** A generated client signed in (HTTP Basic) as the test user of this role. */
    private Object client(Class<?> clientType, String role) throws Exception {
        Object client = clientType.getConstructor().newInstance();
        clientType.getMethod("updateBaseUri", String.class).invoke(client, base.toString().replaceAll("/$", ""));
        String credentials = io.liqaudit.security.TestUsers.BY_ROLE.get(role) + ":" + role + "-password-1";
        Consumer<HttpRequest.Builder> auth = b -> b.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        clientType.getMethod("setRequestInterceptor", Consumer.class).invoke(client, auth);
        return client;
    }
}
