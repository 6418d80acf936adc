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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest under load, with readers at the same time: for 2, 8 and 32 concurrent clients, events
 * sent in time order and out of it ("late": the same events shuffled, so most batches reach back
 * into each fund's chain), while one reader loops over GET /disclosures and one over
 * GET /q/health/ready. Each scenario writes to funds of its own, so one scenario's events are
 * never late to another's. A shed request (503) waits its Retry-After and is sent again, as a
 * client should. Prints one Markdown row per scenario, then the COPY floor of the same run.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.liqaudit.bench.LoadBenchmark URL USER:PASSWORD JDBC_URL [EVENTS]</pre>
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    private record Scenario(int clients, int batchSize, boolean late) {
        String name() {
            return clients + " clients × " + batchSize + (late ? ", late" : ", in order");
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        String jdbc = args[2];
        int events = args.length > 3 ? Integer.parseInt(args[3]) : 30_000;
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<Scenario> scenarios = List.of(new Scenario(2, 1000, false), new Scenario(8, 500, false),
                new Scenario(32, 200, false), new Scenario(2, 1000, true), new Scenario(8, 500, true),
                new Scenario(32, 200, true));
        // Warm up the service's JIT (not counted).
        for (byte[] b : batches(DemoEvents.generate(99, 4_000), "warmup-" + run, "warmup", 1000, false)) {
            send(http, url, auth, b, new AtomicInteger());
        }
        List<String> canonical = new ArrayList<>();
        System.out.println("| scenario | events/s | batch p50 ms | batch p99 ms | shed (503) | /disclosures p95 ms | readiness p95 ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario sc = scenarios.get(s);
            List<JsonNode> generated = DemoEvents.generate(7, events);
            List<byte[]> batches = batches(generated, "load-" + run + "-" + s, "s" + s, sc.batchSize(), sc.late());
            if (s == 0) {
                generated.forEach(e -> canonical.add(CanonicalJson.text(e)));
            }
            System.out.println(run(http, url, auth, sc, batches, events));
        }
        long copyNanos = CopyFloor.nanos(jdbc, canonical);
        System.out.printf("%nCOPY of %d canonical inputs into an unindexed table: %.0f events/s%n", canonical.size(),
                canonical.size() / (copyNanos / 1e9));
    }

    private static String run(HttpClient http, String url, String auth, Scenario sc, List<byte[]> batches, int events)
            throws Exception {
        AtomicBoolean ingesting = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> ready = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        readers.submit(() -> read(http, url + "/disclosures", ingesting, pages));
        readers.submit(() -> read(http, url + "/q/health/ready", ingesting, ready));

        AtomicInteger next = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(sc.clients());
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < sc.clients(); c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    send(http, url, auth, batches.get(i), shed);
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        ingesting.set(false);
        clients.shutdown();
        readers.shutdown();
        readers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        return String.format("| %s | %,.0f | %,.0f | %,.0f | %d | %.1f | %.1f |", sc.name(), events / (nanos / 1e9),
                pct(latencies, 50) / 1e6, pct(latencies, 99) / 1e6, shed.get(), pct(pages, 95) / 1e6, pct(ready, 95) / 1e6);
    }

    /** Batches of the events with fresh identities and funds of the scenario's own; shuffled when late. */
    private static List<byte[]> batches(List<JsonNode> events, String idPrefix, String fundSuffix, int size, boolean late)
            throws Exception {
        List<JsonNode> order = new ArrayList<>(events);
        if (late) {
            Collections.shuffle(order, new Random(11));
        }
        List<byte[]> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (JsonNode e : order) {
            ObjectNode event = (ObjectNode) e;
            event.put("eventId", idPrefix + "-" + e.get("eventId").asText());
            ObjectNode fund = (ObjectNode) event.get("insuranceFund");
            fund.put("fundId", fund.get("fundId").asText() + "-" + fundSuffix);
            b.append(n == 0 ? "{\"events\":[" : ",").append(JSON.writeValueAsString(event));
            if (++n == size) {
                out.add(b.append("]}").toString().getBytes(StandardCharsets.UTF_8));
                b.setLength(0);
                n = 0;
            }
        }
        if (n > 0) {
            out.add(b.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpClient http, String url, String auth, byte[] body, AtomicInteger shed) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/liquidations/batch"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        while (true) {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                return;
            }
            if (r.statusCode() != 503) {
                throw new IllegalStateException("batch answered " + r.statusCode());
            }
            shed.incrementAndGet();
            Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    private static Void read(HttpClient http, String url, AtomicBoolean running, ConcurrentLinkedQueue<Long> nanos) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build();
        while (running.get()) {
            long t = System.nanoTime();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    System.err.println(url + " answered " + status);
                }
            } catch (Exception e) {
                System.err.println(url + " failed: " + e);
            }
            nanos.add(System.nanoTime() - t);
            try {
                Thread.sleep(20); // a steady stream of readers, not a flood
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private static double pct(ConcurrentLinkedQueue<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }
}
