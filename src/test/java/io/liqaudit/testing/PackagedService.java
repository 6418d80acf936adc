package io.liqaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app, built by {@code verify} before the integration tests)
 * run as a production process on a scratch database, as an operator runs it: its own port, keys
 * and users, nothing from the test's environment. Its output goes to target/{@code name}.log.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String name;

    private PackagedService(Process process, int port, String name) {
        this.process = process;
        this.port = port;
        this.name = name;
    }

    /** Keys an operator would generate: a fresh Ed25519 seed and CSRF key, shared by instances that share a database. */
    public record Keys(String signingKey, String csrfKey) {
        public static Keys fresh() {
            byte[] seed = new byte[32];
            new java.security.SecureRandom().nextBytes(seed);
            return new Keys(Base64.getEncoder().encodeToString(seed), UUID.randomUUID() + "-" + UUID.randomUUID());
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the jar on {@code database} at {@code port} with these users, keys and any further settings. */
    public static PackagedService start(String name, String database, int port, String users, Keys keys,
            Map<String, String> settings) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LIQAUDIT_") || k.startsWith("QUARKUS_") || k.startsWith("KAFKA_")
                || k.startsWith("MP_MESSAGING_"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + database);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", "liqaudit");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "liqaudit");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("LIQAUDIT_BOOTSTRAP_USERS", users);
        env.put("LIQAUDIT_LEDGER_SIGNING_KEY", keys.signingKey());
        env.put("LIQAUDIT_CSRF_KEY", keys.csrfKey());
        env.putAll(settings);
        pb.redirectErrorStream(true).redirectOutput(Path.of("target", name + ".log").toFile());
        return new PackagedService(pb.start(), port, name);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until readiness says UP (the process must stay alive meanwhile). */
    public PackagedService awaitReady(HttpClient http) throws InterruptedException {
        for (int i = 0; i < 480; i++) {
            assertThat(process.isAlive()).as("the service stopped; see target/%s.log", name).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready; see target/" + name + ".log");
    }

    /** SIGKILL: no shutdown hook, no graceful close, as when a machine dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
