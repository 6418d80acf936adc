package io.liqaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.demo.DemoEvents;
import io.liqaudit.platform.json.CanonicalJson;
import io.liqaudit.platform.json.ExactDecimalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives POST /api/v1/liquidations/batch with demo events over HTTP and reports events per
 * second with verification on; then COPYs the same canonical inputs (text, as stored) into an
 * unindexed, logged table, the floor
 * that the database sets, and reports the ratio. Bounded: a fixed number of events, then it stops.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.liqaudit.bench.IngestThroughput URL USER:PASSWORD JDBC_URL [EVENTS] [BATCH] [CLIENTS]</pre>
 */
public final class IngestThroughput {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String credentials = args[1];
        String jdbc = args[2];
        int events = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        String run = Long.toString(System.currentTimeMillis(), 36);

        List<JsonNode> generated = DemoEvents.generate(7, events);
        List<String> canonical = new ArrayList<>(events);
        List<byte[]> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        for (JsonNode e : generated) {
            ((ObjectNode) e).put("eventId", "bench-" + run + "-" + e.get("eventId").asText());
            canonical.add(CanonicalJson.text(e));
            batch.append(inBatch == 0 ? "{\"events\":[" : ",").append(JSON.writeValueAsString(e));
            if (++inBatch == batchSize) {
                batches.add(batch.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                batch.setLength(0);
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            batches.add(batch.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        // Warm up the service's JIT with one batch of other events (not counted).
        post(http, url, auth, warmup(run, batchSize));

        AtomicInteger failures = new AtomicInteger();
        long httpNanos = timeBatches(http, url, auth, batches, clients, failures);

        long copyNanos = CopyFloor.nanos(jdbc, canonical);
        double httpRate = events / (httpNanos / 1e9);
        double copyRate = events / (copyNanos / 1e9);
        System.out.printf("events=%d batch=%d clients=%d failures=%d%n", events, batchSize, clients, failures.get());
        System.out.printf("ingest over HTTP (verification on): %.0f events/s (%.2f s)%n", httpRate, httpNanos / 1e9);
        System.out.printf("COPY of the same rows into an unindexed table: %.0f events/s (%.2f s)%n", copyRate, copyNanos / 1e9);
        System.out.printf("ratio ingest/COPY: %.2f%n", httpRate / copyRate);
    }

    /** Posts the batches from {@code clients} threads, each taking the next; answers the time to the last answer. */
    static long timeBatches(HttpClient http, String url, String auth, List<byte[]> batches, int clients,
            AtomicInteger failures) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    if (post(http, url, auth, batches.get(i)) != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        return nanos;
    }

    static byte[] warmup(String run, int size) throws Exception {
        StringBuilder b = new StringBuilder("{\"events\":[");
        List<JsonNode> events = DemoEvents.generate(99, size);
        for (int i = 0; i < events.size(); i++) {
            ((ObjectNode) events.get(i)).put("eventId", "warmup-" + run + "-" + i);
            b.append(i > 0 ? "," : "").append(JSON.writeValueAsString(events.get(i)));
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static int post(HttpClient http, String url, String auth, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/liquidations/batch"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
