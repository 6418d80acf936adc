package io.liqaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Auditor search latency over a large log, as a client sees it (full HTTP round trip on
 * loopback): the first page (50 events) of the REST listing for each single filter, the
 * combinations the issue names, each order, the portal's search page and CSV export head, the
 * event page, and an evidence-bundle export. Filter values are taken from the data itself.
 * java -cp bench/target/benchmarks.jar io.liqaudit.bench.SearchLatency URL USER:PASSWORD [REQUESTS]
 */
public final class SearchLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        HttpClient http = HttpClient.newHttpClient();

        JsonNode sample = json(http, auth, base + "/api/v1/liquidations?limit=200").get("items");
        JsonNode discrepant = json(http, auth, base + "/api/v1/liquidations?limit=50&verdict=DISCREPANT").get("items");
        JsonNode one = sample.get(57);
        String venue = one.get("venue").asText();
        String finding = null;
        String field = null;
        for (JsonNode e : discrepant) {
            if (finding == null && e.get("findingCodes").size() > 0) {
                finding = e.get("findingCodes").get(0).asText();
            }
            if (field == null && e.get("differingFields").size() > 0) {
                field = e.get("differingFields").get(0).asText();
            }
        }
        String month = one.get("occurredAt").asText().substring(0, 7);
        String from = month + "-01T00:00:00Z";
        String to = nextMonth(month) + "-01T00:00:00Z";

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("no filter", "");
        queries.put("venue", "venue=" + venue);
        queries.put("symbol", "symbol=" + one.get("symbol").asText());
        queries.put("accountRef", "accountRef=" + one.get("accountRef").asText());
        queries.put("fundId", "fundId=" + one.get("fundId").asText());
        queries.put("eventId", "eventId=" + one.get("eventId").asText());
        queries.put("verdict DISCREPANT", "verdict=DISCREPANT");
        queries.put("verdict UNVERIFIABLE", "verdict=UNVERIFIABLE");
        queries.put("finding " + finding, "finding=" + finding);
        queries.put("differingField " + field, "differingField=" + enc(field));
        queries.put("differingField steps[*].fee", "differingField=" + enc("steps[*].fee"));
        queries.put("policy MIN_RESTORE", "policy=MIN_RESTORE");
        queries.put("marginMode CROSS", "marginMode=CROSS");
        queries.put("outcome PARTIAL", "outcome=PARTIAL");
        queries.put("one month", "from=" + from + "&to=" + to);
        queries.put("venue+finding+month", "venue=" + venue + "&finding=" + finding + "&from=" + from + "&to=" + to);
        queries.put("venue+verdict+month", "venue=" + venue + "&verdict=DISCREPANT&from=" + from + "&to=" + to);
        queries.put("venue+field+month", "venue=" + venue + "&differingField=" + enc(field) + "&from=" + from + "&to=" + to);
        queries.put("sort time", "sort=time");
        queries.put("sort amount", "sort=amount");
        queries.put("month, sort amount", "from=" + from + "&to=" + to + "&sort=amount");
        queries.put("venue, sort amount", "venue=" + venue + "&sort=amount");
        queries.put("venue+month, sort amount", "venue=" + venue + "&from=" + from + "&to=" + to + "&sort=amount");
        queries.put("venue+finding+month, sort amount", "venue=" + venue + "&finding=" + finding + "&from=" + from + "&to="
                + to + "&sort=amount");
        queries.put("finding, sort time", "finding=" + finding + "&sort=time");

        System.out.printf("%-36s %8s %8s %8s %6s%n", "REST search, first page of 50", "p50 ms", "p95 ms", "max ms", "rows");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            time(http, auth, q.getKey(), base + "/api/v1/liquidations?limit=50&" + q.getValue(), requests);
        }
        System.out.printf("%n%-36s %8s %8s %8s%n", "portal", "p50 ms", "p95 ms", "max ms");
        time(http, auth, "search page venue+finding+month", base + "/portal/events?venue=" + venue + "&finding=" + finding
                + "&from=" + from.substring(0, 10) + "&to=" + to.substring(0, 10), requests);
        String eventPage = base + "/portal/events/" + venue + "/" + one.get("eventId").asText();
        time(http, auth, "event page", eventPage, requests);
        JsonNode d = discrepant.get(3);
        time(http, auth, "event page (discrepant)", base + "/portal/events/" + d.get("venue").asText() + "/"
                + d.get("eventId").asText(), requests);
        exportTimes(http, auth, eventPage, Math.min(requests, 30));
    }

    private static void time(HttpClient http, String auth, String name, String uri, int requests) throws Exception {
        int rows = -1;
        for (int i = 0; i < 5; i++) {
            String body = get(http, auth, uri);
            if (body.startsWith("{")) {
                rows = JSON.readTree(body).get("items").size();
            }
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            get(http, auth, uri);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-36s %8.1f %8.1f %8.1f %6s%n", name, nanos[requests / 2] / 1e6,
                nanos[(int) Math.ceil(requests * 0.95) - 1] / 1e6, nanos[requests - 1] / 1e6, rows < 0 ? "" : rows);
    }

    /** Exports the event's bundle as the portal's form does (CSRF cookie and token from the page), timing the POST. */
    private static void exportTimes(HttpClient http, String auth, String eventPage, int requests) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(eventPage)).header("Authorization", auth)
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("liqaudit-csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the event page");
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(eventPage + "/evidence"))
                    .header("Authorization", auth).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + enc(token.group(1)))).build(),
                    HttpResponse.BodyHandlers.discarding());
            nanos[i] = System.nanoTime() - start;
            if (r.statusCode() != 303) {
                throw new IllegalStateException("export answered " + r.statusCode());
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-36s %8.1f %8.1f %8.1f%n", "evidence bundle export", nanos[requests / 2] / 1e6,
                nanos[(int) Math.ceil(requests * 0.95) - 1] / 1e6, nanos[requests - 1] / 1e6);
    }

    private static JsonNode json(HttpClient http, String auth, String uri) throws Exception {
        return JSON.readTree(get(http, auth, uri));
    }

    private static String get(HttpClient http, String auth, String uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String nextMonth(String month) {
        int y = Integer.parseInt(month.substring(0, 4));
        int m = Integer.parseInt(month.substring(5, 7));
        return m == 12 ? (y + 1) + "-01" : y + "-" + (m < 9 ? "0" : "") + (m + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private SearchLatency() {
    }
}
