package io.liqaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar in the production profile against a database with no users
 * (liquidations_test_empty, made afresh by scripts/test.sh): it must refuse to start, and say
 * how to add a user or a signing key.
 */
class ProductionStartIT {

    /** A random 32-byte signing key, and a CSRF key of 40 random characters: what scripts/run.sh generates. */
    private static final String GOOD_KEY = randomKey();
    private static final String GOOD_CSRF = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();

    @Test
    void refusesToStartWithoutAnyUser() throws IOException, InterruptedException {
        String log = runProduction(Map.of("LIQAUDIT_LEDGER_SIGNING_KEY", GOOD_KEY, "LIQAUDIT_CSRF_KEY", GOOD_CSRF));
        assertThat(log).contains("LIQAUDIT_BOOTSTRAP_USERS=name:password:admin");
    }

    @Test
    void refusesTheRepositorysOwnTestKeyAndAZeroKey() throws IOException, InterruptedException {
        String users = "someone:a-long-password-1:admin";
        assertThat(runProduction(Map.of("LIQAUDIT_BOOTSTRAP_USERS", users, "LIQAUDIT_CSRF_KEY", GOOD_CSRF,
                "LIQAUDIT_LEDGER_SIGNING_KEY", "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=")))
                .contains("LIQAUDIT_LEDGER_SIGNING_KEY is the published RFC 8032 test key");
        assertThat(runProduction(Map.of("LIQAUDIT_BOOTSTRAP_USERS", users, "LIQAUDIT_CSRF_KEY", GOOD_CSRF,
                "LIQAUDIT_LEDGER_SIGNING_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]))))
                .contains("LIQAUDIT_LEDGER_SIGNING_KEY is not a random 32-byte secret");
        assertThat(runProduction(Map.of("LIQAUDIT_BOOTSTRAP_USERS", users, "LIQAUDIT_CSRF_KEY", GOOD_CSRF,
                "LIQAUDIT_LEDGER_SIGNING_KEY", java.util.Base64.getEncoder().encodeToString(new byte[16]))))
                .contains("LIQAUDIT_LEDGER_SIGNING_KEY");
    }

    @Test
    void refusesAMissingOrShortCsrfKey() throws IOException, InterruptedException {
        String users = "someone:a-long-password-1:admin";
        assertThat(runProduction(Map.of("LIQAUDIT_BOOTSTRAP_USERS", users, "LIQAUDIT_LEDGER_SIGNING_KEY", GOOD_KEY)))
                .contains("LIQAUDIT_CSRF_KEY is missing");
        assertThat(runProduction(Map.of("LIQAUDIT_BOOTSTRAP_USERS", users, "LIQAUDIT_LEDGER_SIGNING_KEY", GOOD_KEY,
                "LIQAUDIT_CSRF_KEY", "short-key-1234"))).contains("LIQAUDIT_CSRF_KEY is shorter than 32 bytes");
    }

    @Test
    void printsNoSecretAtStart() throws IOException, InterruptedException {
        String log = runProduction(Map.of("LIQAUDIT_LEDGER_SIGNING_KEY", GOOD_KEY, "LIQAUDIT_CSRF_KEY", GOOD_CSRF));
        assertThat(log).doesNotContainIgnoringCase("encryption key was not specified").doesNotContain(GOOD_KEY)
                .doesNotContain(GOOD_CSRF);
    }

    @Test
    void refusesToStartWithoutASigningKey() throws IOException, InterruptedException {
        String log = runProduction(Map.of("LIQAUDIT_BOOTSTRAP_USERS", "someone:a-long-password-1:admin"));
        assertThat(log).contains("No checkpoint signing key").contains("LIQAUDIT_LEDGER_SIGNING_KEY");
    }

    private static String randomKey() {
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        return java.util.Base64.getEncoder().encodeToString(seed);
    }

    /** Runs the packaged jar in production against the user-less database until it stops; answers its log. */
    private static String runProduction(Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).exists();
        Path output = Files.createTempFile("prod-start", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LIQAUDIT_") || k.startsWith("QUARKUS_"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/liquidations_test_empty");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/liquidations_test_empty");
        env.put("QUARKUS_DATASOURCE_USERNAME", "liqaudit");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "liqaudit");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = pb.start();
        boolean ended = process.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the service must stop by itself; log:\n%s", log).isTrue();
        assertThat(process.exitValue()).isNotZero();
        return log;
    }
}
