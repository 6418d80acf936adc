package io.liqaudit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * Render latency of the public disclosure pages, as a client sees it (full HTTP round trip on
 * loopback): warm-up, then a bounded number of sequential requests per page; prints p50, p95
 * and max. java -cp bench/target/benchmarks.jar io.liqaudit.bench.DisclosureLatency URL PERIOD [REQUESTS [ENTRY]]
 * (ENTRY: a register entry's path, /register/VENUE/EVENT-ID, measured too).
 */
public final class DisclosureLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String period = args[1];
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        HttpClient http = HttpClient.newHttpClient();
        List<String> pages = new java.util.ArrayList<>(List.of("", "/insurance-fund", "/excess-equity", "/liquidation-prices",
                "/register", "/quarterly", "/methodology"));
        if (args.length > 3) {
            pages.add(args[3]);
        }
        System.out.printf("%-22s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms");
        for (String page : pages) {
            URI uri = URI.create(base + "/disclosures" + page + "?period=" + period);
            for (int i = 0; i < 20; i++) {
                get(http, uri);
            }
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                get(http, uri);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%-22s %8.1f %8.1f %8.1f%n", page.isEmpty() ? "/disclosures" : page,
                    nanos[requests / 2] / 1e6, nanos[(int) Math.ceil(requests * 0.95) - 1] / 1e6, nanos[requests - 1] / 1e6);
        }
    }

    private static void get(HttpClient http, URI uri) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + r.statusCode());
        }
    }
}
