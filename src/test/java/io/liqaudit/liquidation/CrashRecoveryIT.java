package io.liqaudit.liquidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.demo.DemoEvents;
import io.liqaudit.platform.json.ExactDecimalJson;
import io.liqaudit.testing.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of ingest loses nothing that was acknowledged. The packaged service runs
 * on its own database (liquidations_test_crash, made afresh by scripts/test.sh); eight clients
 * send batches through the sequencer — late events, repeats and conflicts among them — and the
 * process is killed (SIGKILL) while they do. After a restart: every event acknowledged before the
 * kill reads back with the sequence it was given; sequences are gap-free and match the log's
 * size and leaves; the rollups count every stored event once; a tamper audit finds nothing.
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();
    private static final String DB = "liquidations_test_crash";
    private static final String INGESTOR = "crash-ingestor:crash-password-123:ingestor+auditor";

    @Test
    void aKilledServiceLosesNothingItAcknowledged() throws Exception {
        int port = PackagedService.freePort();
        String base = "http://127.0.0.1:" + port;
        String auth = "Basic " + Base64.getEncoder().encodeToString("crash-ingestor:crash-password-123"
                .getBytes(StandardCharsets.UTF_8));
        PackagedService.Keys keys = PackagedService.Keys.fresh();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        PackagedService service = start(port, keys, "first").awaitReady(http);

        List<JsonNode> events = new ArrayList<>(DemoEvents.generate(2026_11_27L, 6_000));
        events.forEach(e -> ((ObjectNode) e).put("eventId", "crash-" + e.get("eventId").asText()));
        Collections.shuffle(events, new Random(5)); // out of time order: late arrivals everywhere
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                Random random = new Random(client);
                for (int from = client * 100; from < events.size() && !killed.get(); from += 800) {
                    List<JsonNode> batch = new ArrayList<>(events.subList(from, Math.min(events.size(), from + 100)));
                    if (from > 0 && random.nextBoolean()) {
                        batch.add(events.get(random.nextInt(from))); // a repeat of something sent before
                    }
                    send(http, base, auth, batch, acknowledged);
                }
                return null;
            });
        }
        // Kill while batches are in flight: after some were acknowledged, long before all were.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 1_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        service.kill();
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int ackedAtKill = acknowledged.size();
        assertThat(ackedAtKill).as("acknowledged before the kill").isGreaterThanOrEqualTo(1_000).isLessThan(6_000);

        try (PackagedService again = start(port, keys, "second")) {
            again.awaitReady(http);
            for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/liquidations/" + e.getKey()))
                        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("acknowledged %s", e.getKey()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).get("sequence").asLong()).isEqualTo(e.getValue());
            }
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "liqaudit", "liqaudit");
                    Statement s = c.createStatement()) {
                long events0 = one(s, "select count(*) from liquidation_event");
                assertThat(events0).isGreaterThanOrEqualTo(acknowledged.size());
                assertThat(one(s, "select coalesce(max(sequence) + 1, 0) from liquidation_event")).isEqualTo(events0);
                assertThat(one(s, "select next_sequence from ledger_head")).isEqualTo(events0);
                assertThat(one(s, "select count(*) from merkle_node where level = 0")).isEqualTo(events0);
                assertThat(one(s, "select count(*) from event_status")).isEqualTo(events0);
                assertThat(one(s, "select coalesce(sum(events), 0) from disclosure_daily")).isEqualTo(events0);
            }
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/audit"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).isEqualTo(202);
            String audit = base + "/api/v1/ledger/audit/" + JSON.readTree(started.body()).get("id").asText();
            JsonNode result = null;
            for (int i = 0; i < 600 && (result == null || !"DONE".equals(result.get("status").asText())); i++) {
                Thread.sleep(100);
                result = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(audit)).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            assertThat(result.get("status").asText()).isEqualTo("DONE");
            assertThat(result.get("tampered")).isEmpty();
            assertThat(result.get("badCheckpoints")).isEmpty();
        }
    }

    /** Sends a batch; records each created or duplicate item's sequence when the answer is 200. */
    private static void send(HttpClient http, String base, String auth, List<JsonNode> batch, Map<String, Long> acknowledged) {
        try {
            String body = "{\"events\":" + JSON.writeValueAsString(batch) + "}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/liquidations/batch"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return; // shed (503) or cut off by the kill: not acknowledged
            }
            for (JsonNode item : JSON.readTree(r.body()).get("results")) {
                String status = item.get("status").asText();
                if (status.equals("created") || status.equals("duplicate")) {
                    acknowledged.put(item.get("venue").asText() + "/" + item.get("eventId").asText(),
                            item.get("sequence").asLong());
                }
            }
        } catch (IOException | InterruptedException e) {
            // the connection died with the service: nothing acknowledged
        }
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PackagedService start(int port, PackagedService.Keys keys, String name) throws IOException {
        return PackagedService.start("crash-recovery-" + name, DB, port, INGESTOR, keys, Map.of());
    }
}
