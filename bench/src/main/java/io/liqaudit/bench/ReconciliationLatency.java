package io.liqaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reconciliation over a large log, as a client sees it (full HTTP round trip on loopback): totals
 * grouped by venue × day for a year (all venues, one venue), a month, and a month that is not whole
 * days (summed from the events; p50 / p95 of REQUESTS, once the fold covers the newest checkpoint),
 * breaks' first page, and a statement
 * of 100,000 lines matched (the first 100,000 events of VENUE-A's first quarter, with our own
 * figures, read from the database so that every line matches) — its time and the service's heap
 * before and after. java -cp bench/target/benchmarks.jar io.liqaudit.bench.ReconciliationLatency URL USER:PASSWORD JDBC [REQUESTS]
 */
public final class ReconciliationLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        String jdbc = args[2];
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        waitForTheFold(jdbc);
        String totals = base + "/api/v1/reconciliation/totals?groupBy=venue,day";
        time(http, auth, totals + "&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z", "totals by venue × day, all venues, a year (fold)",
                requests);
        time(http, auth, totals + "&venue=VENUE-A&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z",
                "totals by venue × day, one venue, a year (fold)", requests);
        time(http, auth, totals + "&venue=VENUE-A&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z",
                "totals by venue × day, one venue, a month (fold)", requests);
        // A period that starts a second after midnight is not whole days: summed from the events, side by side.
        time(http, auth, totals + "&venue=VENUE-A&from=2026-03-01T00:00:01Z&to=2026-04-01T00:00:00Z",
                "totals by venue × day, one venue, a month from 00:00:01 (summed from events)", Math.min(requests, 5));
        time(http, auth, base + "/api/v1/reconciliation/breaks?venue=VENUE-A&limit=100", "breaks, first page (with totals by field)",
                requests);

        ObjectNode statement = JSON.createObjectNode().put("kind", "events").put("period", "2026-Q1").put("venue", "VENUE-A")
                .put("dryRun", true);
        ArrayNode lines = statement.putArray("lines");
        try (Connection c = DriverManager.getConnection(jdbc, "liqaudit", "liqaudit"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select venue, event_id, outcome, total_fee, insurance_fund_delta, liquidated_quantity "
                        + "from current_event where venue = 'VENUE-A' and occurred_at >= '2026-01-01' and occurred_at < '2026-04-01' "
                        + "order by sequence limit 100000")) {
            while (r.next()) {
                ObjectNode line = lines.addObject().put("venue", r.getString(1)).put("eventId", r.getString(2));
                line.put("outcome", r.getString(3));
                line.put("totalFee", r.getBigDecimal(4) == null ? null : r.getBigDecimal(4).toPlainString());
                line.put("insuranceFundDelta", r.getBigDecimal(5) == null ? null : r.getBigDecimal(5).toPlainString());
                line.put("liquidatedQuantity", r.getBigDecimal(6) == null ? null : r.getBigDecimal(6).toPlainString());
            }
        }
        byte[] body = JSON.writeValueAsBytes(statement);
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reconciliation/matches"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonNode result = JSON.readTree(answer.body()).get("result");
            System.out.printf("| match %,d lines (%.1f MB), run %d | %.2f s | status %d, matched %s, missing there %s, "
                            + "mismatched %s |%n", lines.size(), body.length / 1e6, i + 1, seconds, answer.statusCode(),
                    result.get("matched"), result.get("missingThere").size(), result.get("mismatched").size());
        }
    }

    /** The fold catches up with the newest checkpoint some time after it is signed (LIQAUDIT_RECONCILIATION_FOLD_LAG). */
    private static void waitForTheFold(String jdbc) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc, "liqaudit", "liqaudit"); Statement s = c.createStatement()) {
            for (int i = 0; i < 600; i++) {
                try (ResultSet r = s.executeQuery("select f.tree_size >= (select coalesce(max(tree_size), 0) from checkpoint) "
                        + "from reconciliation_fold f")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        System.out.printf("| the fold covers the newest checkpoint (waited %.0f s) |%n", (System.nanoTime() - start) / 1e9);
                        return;
                    }
                }
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("the fold did not catch up in 10 minutes");
    }

    private static void time(HttpClient http, String auth, String url, String label, int requests) throws Exception {
        long[] ms = new long[requests];
        int status = 0;
        for (int i = -10; i < requests; i++) { // ten warm-up requests first (the JIT), not timed
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        System.out.printf("| %s | p50 %d ms | p95 %d ms | status %d |%n", label, ms[requests / 2], ms[(int) Math.ceil(requests * 0.95) - 1],
                status);
    }
}
