package io.liqaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md runs: every shell block in it is run, in order, as one script, against the packaged
 * service started as README command 1 starts it (production profile, the demo's 20,000 events,
 * users of every role), with only what a reader substitutes: the passwords ({@code …}) and the port.
 * Every curl fails the script on an HTTP error ({@code --fail-with-body}), and every verifier must
 * say valid. Not run here, and why: the two commands themselves (./scripts/run.sh starts this very
 * service; ./scripts/test.sh is what CI runs), and nothing else. Its own database:
 * liquidations_test_readme (scripts/test.sh makes it afresh).
 */
class ReadmeCommandsIT {

    private static final int PORT = 8093;
    private static final List<String> NOT_RUN_HERE = List.of("./scripts/run.sh", "./scripts/test.sh");
    private static final List<String> ROLES = List.of("admin", "auditor", "ingestor", "regulator", "reconciler", "rulekeeper");

    @Test
    void everyShellBlockOfTheReadmeRunsAgainstTheService() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        String readme = Files.readString(repo.resolve("README.md"));
        Matcher block = Pattern.compile("```(?:sh|bash)\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        int blocks = 0;
        while (block.find()) {
            String text = block.group(1);
            if (NOT_RUN_HERE.contains(text.strip())) {
                continue;
            }
            script.append("echo '--- README block ").append(++blocks).append("' >&2\n").append(substitute(text, repo)).append('\n');
        }
        assertThat(blocks).isGreaterThanOrEqualTo(15);
        Path dir = Files.createTempDirectory("readme-commands");
        Files.writeString(dir.resolve("readme.sh"), script);

        Process service = start(dir);
        try {
            awaitReady();
            Process run = new ProcessBuilder("bash", dir.resolve("readme.sh").toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("readme.log").toFile()).start();
            assertThat(run.waitFor(600, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(dir.resolve("readme.log"));
            assertThat(run.exitValue()).as("README's commands (%s):%n%s", dir, tail(log)).isZero();
            assertThat(log).contains("valid: event VENUE-B/b-ethusdt-0000123 is leaf").contains("valid: the log of size")
                    .contains("valid: liquidation-register run").doesNotContain("invalid:");
            assertThat(log.split("valid: event VENUE-B/b-ethusdt-0000123 is leaf", -1)).as("entry, inclusion and the bundle")
                    .hasSizeGreaterThanOrEqualTo(4);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** What a reader fills in: each user's password where README writes {@code user:…}, this service's port, paths from the repository. */
    private static String substitute(String text, Path repo) {
        String out = text.replace("http://localhost:8080", "http://localhost:" + PORT)
                .replace("curl ", "curl --fail-with-body -sS ")
                .replace("docs/examples/", repo.resolve("docs/examples") + "/")
                .replace("scripts/kafka-up.sh", repo.resolve("scripts/kafka-up.sh").toString())
                .replace("target/", repo.resolve("target") + "/");
        for (String role : ROLES) {
            out = out.replace("-u " + role + ":…", "-u " + role + ":" + password(role));
        }
        return out.replace("-u supervisor:…", "-u supervisor:" + password("supervisor"))
                .replace("--data-urlencode username=auditor --data-urlencode 'password=…'",
                        "--data-urlencode username=auditor --data-urlencode 'password=" + password("auditor") + "'");
    }

    private static String password(String user) {
        return "readme-" + user + "-password";
    }

    private static Process start(Path dir) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LIQAUDIT_") || k.startsWith("QUARKUS_"));
        StringBuilder users = new StringBuilder();
        for (String role : ROLES) {
            users.append(role).append(':').append(password(role)).append(':').append(role).append(',');
        }
        users.append("supervisor:").append(password("supervisor")).append(":regulator");
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(PORT));
        env.put("QUARKUS_DATASOURCE_USERNAME", "liqaudit");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "liqaudit");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/liquidations_test_readme");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/liquidations_test_readme");
        env.put("LIQAUDIT_BOOTSTRAP_USERS", users.toString());
        env.put("LIQAUDIT_LEDGER_SIGNING_KEY", java.util.Base64.getEncoder().encodeToString(seed));
        env.put("LIQAUDIT_CSRF_KEY", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        env.put("LIQAUDIT_DEMO_LOAD_IF_EMPTY", "true");
        env.put("LIQAUDIT_REPORTS_DIR", dir.resolve("reports").toString());
        return pb.start();
    }

    /** Ready: migrated, both pools answer, and the demo data is in (readiness says so). */
    private static void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not become ready");
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}
